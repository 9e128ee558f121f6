import HTTPLintCore

/// The Basic scheme's charset parameter has one allowed value.
struct BasicChallengeCharsetNotUTF8: Rule {
    static let description = RuleDescription(
        id: "basic-challenge-charset-not-utf8",
        severity: .warning,
        category: .fields,
        summary: "Basic challenge whose charset parameter is not UTF-8",
        rationale: """
            RFC 7617 §2.1 defines the optional `charset` parameter of a Basic challenge with a \
            single allowed value, `UTF-8` (matched case-insensitively): it asks the client to \
            encode user-id and password as UTF-8 in Normalization Form C. Any other value is not \
            defined, so clients disregard it and the server's expectation (ISO-8859-1, say) is \
            never communicated.
            """,
        fix: "Send `charset=\"UTF-8\"` and decode credentials as UTF-8, or leave the parameter out",
        spec: [SpecReference(rfc: 7617, section: "2.1")],
        fields: ["WWW-Authenticate", "Proxy-Authenticate"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Basic realm=\"a\", charset=\"ISO-8859-1\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Basic realm=\"a\", charset=utf8\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Basic realm=\"a\", charset=\"UTF-8\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Basic realm=\"a\", charset=utf-8\nContent-Length: 0\n\n"),
            // Only Basic challenges are checked.
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Digest realm=\"a\", nonce=\"n\", charset=latin1\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for (name, lines, parsed) in AuthChallenges.fields(of: response) {
            for challenge in parsed.challenges where challenge.isScheme("Basic") {
                guard let charset = challenge.parameter("charset"), charset.asciiLowercased() != "utf-8" else { continue }
                report.add("the Basic challenge in \(name) has charset \"\(charset)\"; the only value RFC 7617 allows is UTF-8",
                           at: lines[challenge.fieldIndex].valueSpan, status: response.status)
            }
        }
    }
}
