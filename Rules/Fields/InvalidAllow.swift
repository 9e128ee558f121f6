import HTTPLintCore

/// Allow lists method tokens.
struct InvalidAllow: Rule {
    static let description = RuleDescription(
        id: "invalid-allow",
        severity: .error,
        category: .fields,
        summary: "Allow member that is not a method token",
        rationale: """
            RFC 9110 §10.2.1: `Allow = #method`, and a method is a token (§9.1). A member with \
            spaces, slashes or quotes is no method a client could send; clients reading the \
            list skip it or reject the field.
            """,
        fix: "List method names separated by commas: `Allow: GET, HEAD, POST`",
        spec: [.rfc9110("10.2.1"), .rfc9110("9.1")],
        fields: ["Allow"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 405 Method Not Allowed\nAllow: GET HEAD\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nAllow: \"GET\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 405 Method Not Allowed\nAllow: GET, HEAD, OPTIONS\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 405 Method Not Allowed\nAllow:\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        TokenLists.report(.allow, what: "method token", in: exchange.response, &report)
    }
}
