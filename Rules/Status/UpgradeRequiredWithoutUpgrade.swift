import HTTPLintCore

/// A 426 must say which protocol to upgrade to.
struct UpgradeRequiredWithoutUpgrade: Rule {
    static let description = RuleDescription(
        id: "upgrade-required-without-upgrade",
        severity: .error,
        category: .status,
        summary: "426 response without an Upgrade field",
        rationale: """
            RFC 9110 §15.5.22: "The server MUST send an Upgrade header field in a 426 response \
            to indicate the required protocol(s)." Otherwise the client cannot tell what to \
            upgrade to. \
            In an exchange recorded as HTTP/2 or HTTP/3 (a HAR entry) Upgrade is not allowed at all, so the rule is silent there.
            """,
        fix: "Send `Upgrade` with the required protocol, such as `Upgrade: HTTP/3.0`, and `Connection: Upgrade`",
        spec: [.rfc9110("15.5.22")],
        fields: ["Upgrade"],
        triggering: [
            Example("HTTP/1.1 426 Upgrade Required\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 426 Upgrade Required\nUpgrade: TLS/1.2, HTTP/1.1\nConnection: Upgrade\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        guard exchange.recordedMajorVersion == nil else { return }
        requireField("Upgrade", on: [426], in: exchange.response, &report) { _ in
            "426 response has no Upgrade field naming the required protocol"
        }
    }
}
