import HTTPLintCore

/// A 401 must carry at least one challenge in WWW-Authenticate.
struct UnauthorizedWithoutWWWAuthenticate: Rule {
    static let description = RuleDescription(
        id: "unauthorized-without-www-authenticate",
        severity: .error,
        category: .status,
        summary: "401 response without a WWW-Authenticate challenge",
        rationale: """
            RFC 9110 §15.5.2: "The server generating a 401 response MUST send a WWW-Authenticate \
            header field containing at least one challenge applicable to the target resource." \
            Without a challenge the client cannot tell which authentication scheme to use, and \
            browsers will not prompt for credentials.
            """,
        fix: "Send WWW-Authenticate with a challenge, such as `WWW-Authenticate: Bearer realm=\"api\"`",
        spec: [.rfc9110("15.5.2"), .rfc9110("11.6.1")],
        fields: ["WWW-Authenticate"],
        triggering: [
            Example("HTTP/1.1 401 Unauthorized\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate:\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"admin\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nwww-authenticate: Bearer\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate:\nWWW-Authenticate: Basic realm=\"x\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 403 Forbidden\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 401 else { return }
        reportMissingChallenge(in: response, field: "WWW-Authenticate", &report)
    }
}

/// Reports a 401 or 407 whose challenge field is absent or holds only empty values.
func reportMissingChallenge(in response: Response, field name: String, _ report: inout FindingReporter) {
    let fields = response.fields.named(name)
    if fields.isEmpty {
        report.add("\(response.statusText) response has no \(name) field", about: response)
    } else if fields.allSatisfy(\.isEmptyValue) {
        report.add("\(name) is empty: a \(response.status ?? 0) response needs at least one challenge",
                   at: fields[0].lineSpan, status: response.status)
    }
}
