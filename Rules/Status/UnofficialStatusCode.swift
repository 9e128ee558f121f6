import HTTPLintCore

/// A code that vendors or conventions use but IANA does not register.
struct UnofficialStatusCode: Rule {
    static let description = RuleDescription(
        id: "unofficial-status-code",
        severity: .info,
        category: .status,
        summary: "Unregistered status code that a vendor or convention uses",
        rationale: """
            Some products send codes of their own (Cloudflare 520–527, IIS 440 and 449, 420 \
            Enhance Your Calm, 509 Bandwidth Limit Exceeded). Clients that do not know them \
            treat them as the x00 code of their class (RFC 9110 §15), so their specific meaning \
            only reaches people who know the product. 418 is reserved by RFC 9110 §15.5.19 \
            because of an April Fools' RFC and is reported here too.
            """,
        fix: "Prefer a registered code (502, 503, 504, 429…) and put the product's detail in the content",
        spec: [.rfc9110("15"), .rfc9110("15.5.19")],
        triggering: [
            Example("HTTP/1.1 520 Web Server Returned an Unknown Error\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 420 Enhance Your Calm\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 418 I'm a teapot\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 502 Bad Gateway\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 444 No Response\nServer: nginx\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 299 Custom\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            guard let status = response.status, let entry = StatusCode.lookup(status), !entry.unofficialUses.isEmpty,
                  entry.registration == nil || entry.registration?.standing == .reserved,
                  LogOnlyStatusCode.logOnlyUse(of: entry, in: response) == nil else { continue }
            let uses = entry.unofficialUses.map { use in
                "\(use.vendor): '\(use.phrase)', \(use.meaning.hasSuffix(".") ? String(use.meaning.dropLast()) : use.meaning)"
            }.joined(separator: "; ")
            let standing = entry.registration?.standing == .reserved ? "is reserved and unassigned" : "is not registered"
            report.add("status code \(status) \(standing); it is used by \(uses)", about: response)
        }
    }
}
