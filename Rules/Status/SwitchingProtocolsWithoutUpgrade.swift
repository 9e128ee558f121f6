import HTTPLintCore

/// A 101 must say which protocol follows.
struct SwitchingProtocolsWithoutUpgrade: Rule {
    static let description = RuleDescription(
        id: "switching-protocols-without-upgrade",
        severity: .error,
        category: .status,
        summary: "101 response without an Upgrade field",
        rationale: """
            RFC 9110 §15.2.2: "The server MUST generate an Upgrade header field in the response \
            that indicates which protocol(s) will be in effect after this response." Without it \
            the client cannot know what the bytes after the response are. \
            Exchanges recorded as HTTP/2 or HTTP/3 (HAR entries), which have no such HTTP/1.1 connection handling, are left to switching-protocols-in-http2.
            """,
        fix: "Send `Upgrade` with the protocol switched to, such as `Upgrade: websocket`, and `Connection: Upgrade`",
        spec: [.rfc9110("15.2.2"), .rfc9110("7.8")],
        fields: ["Upgrade"],
        triggering: [
            Example("HTTP/1.1 101 Switching Protocols\nConnection: Upgrade\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\n\n"),
            // HTTP/2 has no 101 at all (switching-protocols-in-http2).
            .recorded("h2", "HTTP/1.1 101 \n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        guard exchange.recordedMajorVersion == nil else { return }
        requireField("Upgrade", on: [101], in: exchange.response, &report) { _ in
            "101 response has no Upgrade field naming the protocol that follows"
        }
    }
}
