import HTTPLintCore

/// 426 demanding a protocol the request offered.
struct UpgradeRequiredAlthoughOffered: Rule {
    static let description = RuleDescription(
        id: "upgrade-required-although-offered",
        severity: .info,
        category: .requests,
        summary: "426 requiring a protocol that the request's own Upgrade field offered",
        rationale: """
            RFC 9110 §15.5.22: 426 "indicates that the server refuses to perform the request \
            using the current protocol but might be willing to do so after the client upgrades \
            to a different protocol", naming it in Upgrade. §7.8: a client sends Upgrade "to \
            invite the server to switch to one or more of the named protocols ... before \
            sending the final response", and the server answers with 101. A 426 naming a \
            protocol the client had just offered refuses the very switch it demands; the client \
            has no other request to make. A server MAY ignore Upgrade (§7.8), so this is \
            advice, and HTTP/1.0 requests (whose Upgrade must be ignored) are not judged.
            """,
        fix: "Switch with 101 to the offered protocol, or say in the 426's content why the offer could not be taken",
        spec: [.rfc9110("15.5.22"), .rfc9110("7.8")],
        fields: ["Upgrade"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 426 Upgrade Required\nConnection: upgrade\nUpgrade: TLS/1.2\nContent-Length: 0\n\n",
                    request: "OPTIONS * HTTP/1.1\nHost: a.example\nConnection: upgrade\nUpgrade: TLS/1.2\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 426 Upgrade Required\nConnection: upgrade\nUpgrade: TLS/1.2\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 426 Upgrade Required\nConnection: upgrade\nUpgrade: TLS/1.2\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nConnection: upgrade\nUpgrade: websocket\n\n"),
            Example("HTTP/1.1 426 Upgrade Required\nConnection: upgrade\nUpgrade: TLS/1.2\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.0\nConnection: upgrade\nUpgrade: TLS/1.2\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 426, let request = exchange.request, let version = request.version, version >= .http11,
              let field = request.fields.first(named: "Upgrade") else { return }
        let offered = Set(request.fields.listElements(named: "Upgrade").map { $0.asciiLowercased() })
        let both = response.fields.listElements(named: "Upgrade").filter { offered.contains($0.asciiLowercased()) }
        guard !both.isEmpty else { return }
        report.add("426 requires \(both.map { "'\(Printable.escape($0))'" }.joined(separator: ", ")), which the request offered in Upgrade: the server could have switched",
                   about: response, request: field.lineSpan)
    }
}
