import HTTPLintCore

/// Upgrade lists protocols: `name[/version]`.
struct InvalidUpgrade: Rule {
    static let description = RuleDescription(
        id: "invalid-upgrade",
        severity: .error,
        category: .fields,
        summary: "Upgrade member that is not a protocol (`name` or `name/version`)",
        rationale: """
            RFC 9110 §7.8: `Upgrade = #protocol`, `protocol = protocol-name ["/" \
            protocol-version]`, both tokens. A 101 names the protocol the connection switches \
            to and a 426 the protocols the server accepts; a member that is not a protocol \
            leaves the client unable to tell which one is meant.
            """,
        fix: "List protocols as tokens: `Upgrade: websocket` or `Upgrade: TLS/1.2, HTTP/1.1`",
        spec: [.rfc9110("7.8")],
        fields: ["Upgrade"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 426 Upgrade Required\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nUpgrade: HTTP/2.0 (h2c)\nConnection: Upgrade\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 426 Upgrade Required\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nUpgrade: TLS/1.2/1.3\nConnection: Upgrade\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 426 Upgrade Required\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nUpgrade: TLS/1.2, HTTP/1.1\nConnection: Upgrade\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 101 Switching Protocols\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nConnection: upgrade\nUpgrade: websocket\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            for field in response.fields.named(.upgrade) {
                for member in field.listElements {
                    let parts = member.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                    guard !parts.allSatisfy({ $0.isHTTPToken }) else { continue }
                    report.add("Upgrade member '\(Printable.escape(member))' is not a protocol name with an optional /version",
                               at: field.valueSpan, status: response.status)
                }
            }
        }
    }
}
