import HTTPLintCore

/// `200 Not Found`: a reason phrase that names another status.
struct ReasonPhraseOfAnotherCode: Rule {
    static let description = RuleDescription(
        id: "reason-phrase-of-another-code",
        severity: .warning,
        category: .status,
        summary: "Reason phrase that belongs to another status code, such as `200 Not Found`",
        rationale: """
            Clients act on the status code and ignore the reason phrase (RFC 9112 §4), so \
            `200 Not Found` is a success to every client while it tells the people reading it \
            the opposite. It usually means the code or the phrase was set in the wrong place, \
            for example an error page served with 200.
            """,
        fix: "Make the code and the phrase agree: either `404 Not Found` or `200 OK`",
        spec: [.rfc9112("4"), .rfc9110("15")],
        triggering: [
            Example("HTTP/1.1 200 Not Found\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 404 OK\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 500 Request Entity Too Large\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 413 Payload Too Large\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 Everything is fine\nContent-Length: 0\n\n"),
        ]
    )

    /// Registered codes, other than `status`, whose current or former phrase is `phrase`
    /// (ignoring case), unless `phrase` is also one of `status`'s own.
    static func otherCodes(using phrase: String, besides status: Int) -> [Int] {
        let entry = StatusCode.lookup(status)
        // Most responses send their code's registered phrase as written.
        if entry?.registration?.phrase == phrase { return [] }
        let key = phrase.asciiLowercased()
        let own = entry?.knownPhrases.map { $0.asciiLowercased() } ?? []
        guard !own.contains(key) else { return [] }
        return (phrases[key] ?? []).filter { $0 != status }
    }

    private static let phrases: [String: [Int]] = {
        var map: [String: [Int]] = [:]
        for entry in StatusCode.all {
            guard let registration = entry.registration, registration.standing != .reserved else { continue }
            for phrase in [registration.phrase] + registration.formerPhrases {
                map[phrase.asciiLowercased(), default: []].append(entry.code)
            }
        }
        return map
    }()

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            guard let status = response.status, let span = response.reasonSpan, span.length > 0 else { continue }
            // Most responses send their code's registered phrase as written: no string to build.
            if let phrase = StatusCode.lookup(status)?.registration?.phrase, response.reasonIsExactly(phrase) { continue }
            let others = Self.otherCodes(using: response.reason, besides: status)
            guard let other = others.first else { continue }
            report.add("reason phrase '\(response.reason)' belongs to status \(other), not \(status); clients act on \(status)",
                       at: span, status: status)
        }
    }
}
