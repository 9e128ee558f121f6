import HTTPLintCore

/// Interim responses promise a final one.
struct MissingFinalResponse: DeviationRule {
    static let deviation = Deviation.Kind.missingFinalResponse
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .status,
        summary: "Interim 1xx responses with no final response after them",
        rationale: """
            A 1xx response is interim: the server still owes the final response (RFC 9110 \
            §15.2), and a client waits for it. A stream that ends after 1xx responses was cut \
            off, or the server never answered. (A 101 is final: what follows it is the new \
            protocol.)
            """,
        fix: "Send the final response after the interim ones, or capture the whole exchange",
        spec: [.rfc9110("15.2"), .rfc9112("8")],
        triggering: [
            Example("HTTP/1.1 100 Continue\n\n", line: 1),
            Example("HTTP/1.1 103 Early Hints\nLink: </a.css>; rel=preload\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\n\n\u{81}\u{0}"),
        ]
    )
}
