import HTTPLintCore

/// A reason phrase other than the registered one.
struct ReasonPhraseMismatch: Rule {
    static let description = RuleDescription(
        id: "reason-phrase-mismatch",
        severity: .info,
        category: .status,
        summary: "Reason phrase differs from the registered one",
        rationale: """
            The reason phrase is for people; clients ignore it (RFC 9112 §4: "A client SHOULD \
            ignore the reason-phrase content"). A phrase other than the registered one is legal \
            but makes logs and captures harder to read, and a phrase that was renamed (413 \
            Request Entity Too Large, 422 Unprocessable Entity) shows an old implementation. An \
            empty phrase and a difference in case are fine, and so is a proxy's "200 Connection \
            established" answer to CONNECT.
            """,
        fix: "Send the registered phrase, such as `405 Method Not Allowed`",
        spec: [.rfc9112("4"), .rfc9110("15")],
        triggering: [
            Example("HTTP/1.1 405 Not Allowed\nAllow: GET\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 413 Request Entity Too Large\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 404 File not found\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 405 Method Not Allowed\nAllow: GET\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 404 NOT FOUND\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 \nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 Not Found\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 Connection established\n\n", request: "CONNECT example.com:443 HTTP/1.1\nHost: example.com:443\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            // Proxies answer CONNECT with "200 Connection established" by long convention.
            if exchange.request?.isCONNECT == true, (200..<300).contains(response.status ?? 0) { continue }
            guard let status = response.status, let registration = StatusCode.lookup(status)?.registration,
                  registration.standing != .reserved, let span = response.reasonSpan, span.length > 0 else { continue }
            if response.reasonIsExactly(registration.phrase) { continue }  // the usual case, before any string
            let phrase = response.reason
            if phrase == registration.phrase { continue }
            let lowered = phrase.asciiLowercased()
            let fix = "Send the registered phrase: `\(status) \(registration.phrase)`"
            guard lowered != registration.phrase.asciiLowercased(),
                  ReasonPhraseOfAnotherCode.otherCodes(using: phrase, besides: status).isEmpty else { continue }
            if registration.formerPhrases.contains(where: { $0.asciiLowercased() == lowered }) {
                report.add("reason phrase '\(phrase)' is the former name of \(status); it is now '\(registration.phrase)'",
                           at: span, status: status, fix: fix)
            } else {
                report.add("reason phrase '\(Printable.escape(phrase))' differs from the registered '\(registration.phrase)' for \(status)",
                           at: span, status: status, fix: fix)
            }
        }
    }
}
