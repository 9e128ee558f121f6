import HTTPLintCore

/// 406 says that no representation matches the request's proactive negotiation fields.
struct NotAcceptableWithoutAccept: Rule {
    static let description = RuleDescription(
        id: "not-acceptable-without-accept",
        severity: .warning,
        category: .requests,
        summary: "406 to a request that sent no Accept, Accept-Charset, Accept-Encoding, Accept-Language or other Accept-* field",
        rationale: """
            RFC 9110 §15.5.7: 406 "indicates that the target resource does not have a current \
            representation that would be acceptable to the user agent, according to the \
            proactive negotiation header fields received in the request (Section 12.1)". A \
            request without any of those fields (§12.5) accepts every representation (§12.5.1: \
            no Accept field means "the user agent will accept any media type"), so nothing can \
            have been unacceptable to it; the 406 stands for another refusal (usually 400 or \
            415 about the request's own content). Any request field whose name starts with \
            `Accept` counts as a negotiation field here, so extensions are not misread.
            """,
        fix: "Answer with the status that names the real problem (400, 415, 404…), or serve a default representation",
        spec: [.rfc9110("15.5.7"), .rfc9110("12.1"), .rfc9110("12.5")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 406 Not Acceptable\nContent-Length: 0\n\n",
                    request: "GET /report HTTP/1.1\nHost: a.example\n\n", line: 1),
            Example("HTTP/1.1 406 Not Acceptable\nContent-Length: 0\n\n",
                    request: "POST /api HTTP/1.1\nHost: a.example\nContent-Type: text/plain\nContent-Length: 2\n\nhi", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 406 Not Acceptable\nContent-Length: 0\n\n",
                    request: "GET /report HTTP/1.1\nHost: a.example\nAccept: application/xml\n\n"),
            Example("HTTP/1.1 406 Not Acceptable\nContent-Length: 0\n\n",
                    request: "GET /report HTTP/1.1\nHost: a.example\nAccept-Language: fi\n\n"),
            Example("HTTP/1.1 406 Not Acceptable\nContent-Length: 0\n\n",
                    request: "GET /report HTTP/1.1\nHost: a.example\nAccept-Datetime: Thu, 31 May 2007 20:35:00 GMT\n\n"),
            Example("HTTP/1.1 415 Unsupported Media Type\nContent-Length: 0\n\n",
                    request: "GET /report HTTP/1.1\nHost: a.example\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 406, let request = exchange.request, request.hasRequestLine,
              !request.fields.contains(where: { $0.name.utf8.count >= 6 && $0.name.prefix(6).asciiLowercased() == "accept" }) else { return }
        report.add("406 to a request that sent no Accept field of any kind: every representation was acceptable to it",
                   about: response, request: request.lineSpan)
    }
}
