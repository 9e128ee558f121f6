import HTTPLintCore

/// The Basic scheme requires a realm.
struct BasicChallengeWithoutRealm: Rule {
    static let description = RuleDescription(
        id: "basic-challenge-without-realm",
        severity: .error,
        category: .fields,
        summary: "Basic challenge without a realm parameter",
        rationale: """
            RFC 7617 §2: in a Basic challenge the `realm` parameter is REQUIRED (RFC 2119: a \
            MUST). The realm names the protection space (RFC 9110 §11.5): clients show it when \
            asking for credentials and use it to decide which stored credentials to send, and \
            some HTTP client libraries do not answer a Basic challenge that lacks it.
            """,
        fix: "Add a realm: `WWW-Authenticate: Basic realm=\"admin\", charset=\"UTF-8\"`",
        spec: [SpecReference(rfc: 7617, section: "2"), .rfc9110("11.5")],
        fields: ["WWW-Authenticate", "Proxy-Authenticate"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Basic\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 407 Proxy Authentication Required\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nProxy-Authenticate: Negotiate, basic charset=\"UTF-8\"\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Basic realm=\"\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: BASIC REALM=admin\nContent-Length: 0\n\n"),
            // Other schemes need no realm.
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Bearer, Negotiate\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for (name, lines, parsed) in AuthChallenges.fields(of: response) {
            for challenge in parsed.challenges where challenge.isScheme("Basic") && challenge.parameter("realm") == nil {
                report.add("the \(challenge.scheme) challenge in \(name) has no realm parameter, which RFC 7617 requires",
                           at: lines[challenge.fieldIndex].valueSpan, status: response.status)
            }
        }
    }
}
