import HTTPLintCore

/// `Domain=` with nothing after it.
struct CookieDomainEmpty: Rule {
    static let description = RuleDescription(
        id: "cookie-domain-empty",
        severity: .warning,
        category: .security,
        summary: "Set-Cookie Domain attribute without a value",
        rationale: """
            RFC 6265 §4.1.1 makes the Domain value a host name, never empty, and §4.1 says \
            servers SHOULD NOT send Set-Cookie fields outside that grammar. For an empty \
            value §5.2.3 leaves the behaviour undefined and says user agents SHOULD ignore the \
            attribute, so the cookie becomes host-only: it goes to the host that set it and \
            not to its subdomains, whatever the server meant by writing a Domain.
            """,
        fix: "Give the domain (`Domain=example.com`) to share the cookie with subdomains, or leave the attribute out for a host-only cookie",
        spec: [SpecReference(rfc: 6265, section: "5.2.3"), SpecReference(rfc: 6265, section: "4.1.1")],
        fields: ["Set-Cookie"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Domain=; Path=/\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Path=/; domain = \nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Domain=example.com; Path=/\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: Domain=; Path=/\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for cookie in SetCookie.all(in: response) {
            for attribute in cookie.attributes where attribute.key == "domain" && attribute.value.isEmpty {
                report.add("Set-Cookie \(cookie.displayName): Domain has no value; browsers ignore the attribute and keep the cookie host-only",
                           at: cookie.field.valueSpan, status: response.status)
            }
        }
    }
}
