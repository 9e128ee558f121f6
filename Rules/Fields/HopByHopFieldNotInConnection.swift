import HTTPLintCore

/// Upgrade or Keep-Alive sent without naming it in Connection.
struct HopByHopFieldNotInConnection: Rule {
    static let description = RuleDescription(
        id: "hop-by-hop-field-not-in-connection",
        severity: .error,
        category: .fields,
        summary: "Upgrade or Keep-Alive sent without the matching option in Connection",
        rationale: """
            RFC 9110 §7.6.1: "When a field aside from Connection is used to supply control \
            information for or about the current connection, the sender MUST list the \
            corresponding field name within the Connection header field"; for Upgrade §7.8 \
            says so again ("A sender of Upgrade MUST also send an "Upgrade" connection \
            option"). Keep-Alive (RFC 2068 §19.7.1.1) is such a field and only accompanies \
            the keep-alive option. Without the option, proxies forward the field as if it were \
            meant for the client, recipients are told to treat it as improperly forwarded and \
            ignore it, and WebSocket clients reject a 101 whose Connection lacks upgrade. \
            Exchanges recorded as HTTP/2 or HTTP/3 (HAR entries), which have no such HTTP/1.1 connection handling, are left to connection-specific-field-in-http2.
            """,
        fix: "Add the option: `Connection: upgrade` with Upgrade, `Connection: keep-alive` with Keep-Alive",
        spec: [.rfc9110("7.6.1"), .rfc9110("7.8"), SpecReference(rfc: 2068, section: "19.7.1.1")],
        fields: ["Upgrade", "Keep-Alive", "Connection"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 101 Switching Protocols\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nUpgrade: websocket\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nKeep-Alive: timeout=5, max=100\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 101 Switching Protocols\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nConnection: Upgrade\nUpgrade: websocket\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nConnection: Keep-Alive\nKeep-Alive: timeout=5, max=100\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 426 Upgrade Required\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nUpgrade: TLS/1.2, HTTP/1.1\nConnection: close, upgrade\nContent-Length: 0\n\n"),
            // HTTP/2: Keep-Alive is malformed there whatever Connection says (connection-specific-field-in-http2).
            .recorded("h2", "HTTP/1.1 200 \ndate: Sun, 06 Nov 1994 08:49:37 GMT\nkeep-alive: timeout=5\ncontent-length: 0\n\n"),
        ]
    )

    /// Connection-specific response fields and the option that must accompany each (the
    /// field name in lowercase).
    static let fields: [(field: TableField, name: String, option: String)] = [
        (.upgrade, "Upgrade", "upgrade"), (.keepAlive, "Keep-Alive", "keep-alive"),
    ]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        guard exchange.recordedMajorVersion == nil else { return }
        for response in exchange.responses {
            for (tableField, name, option) in Self.fields {
                guard let field = response.fields.first(named: tableField) else { continue }
                let connection = report.reading(ConnectionOptions.self, of: response)
                guard !connection.contains(option) else { continue }
                report.add("\(name) is sent without '\(option)' in Connection, so proxies may forward it and recipients ignore it",
                           at: field.lineSpan, status: response.status)
            }
        }
    }
}
