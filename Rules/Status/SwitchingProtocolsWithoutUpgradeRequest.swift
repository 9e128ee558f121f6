import HTTPLintCore

/// A server may switch only to a protocol the client offered.
struct SwitchingProtocolsWithoutUpgradeRequest: Rule {
    static let description = RuleDescription(
        id: "switching-protocols-without-upgrade-request",
        severity: .error,
        category: .status,
        summary: "101 to a request that did not offer that protocol in Upgrade",
        rationale: """
            RFC 9110 §7.8: "A server MUST NOT switch to a protocol that was not indicated by \
            the client in the corresponding request's Upgrade header field." A client that did \
            not ask for the protocol cannot speak it, and the connection is lost. \
            Exchanges recorded as HTTP/2 or HTTP/3 (HAR entries), which have no such HTTP/1.1 connection handling, are left to switching-protocols-in-http2.
            """,
        fix: "Send 101 only when the request's Upgrade lists the protocol, and name that protocol",
        spec: [.rfc9110("7.8"), .rfc9110("15.2.2")],
        fields: ["Upgrade"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\n\n",
                    request: "GET /chat HTTP/1.1\nHost: example.com\n\n", line: 1),
            Example("HTTP/1.1 101 Switching Protocols\nUpgrade: h2c\nConnection: Upgrade\n\n",
                    request: "GET /chat HTTP/1.1\nHost: example.com\nUpgrade: websocket\nConnection: Upgrade\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 101 Switching Protocols\nUpgrade: WebSocket\nConnection: Upgrade\n\n",
                    request: "GET /chat HTTP/1.1\nHost: example.com\nUpgrade: websocket\nConnection: Upgrade\n\n"),
            Example("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        guard exchange.recordedMajorVersion == nil else { return }
        let response = exchange.response
        guard response.status == 101, let request = exchange.request else { return }
        let offered = Set(request.fields.listElements(named: .upgrade).map { $0.asciiLowercased() })
        guard !offered.isEmpty else {
            report.add("101 response to a request that offered no protocol in Upgrade", about: response)
            return
        }
        for chosen in response.fields.listElements(named: .upgrade) where !offered.contains(chosen.asciiLowercased()) {
            report.add("101 switches to '\(chosen)', which the request's Upgrade did not offer (\(offered.sorted().joined(separator: ", ")))",
                       about: response)
        }
    }
}
