import HTTPLintCore

/// A leading dot in a cookie's Domain attribute is outside the grammar and ignored.
struct CookieDomainLeadingDot: Rule {
    static let description = RuleDescription(
        id: "cookie-domain-leading-dot",
        severity: .info,
        category: .security,
        summary: "Set-Cookie Domain with a leading dot, which browsers drop",
        rationale: """
            RFC 6265 §4.1.1 makes the Domain value a host name (`<subdomain>`), and §4.1.2.3 \
            notes that a leading dot is not permitted but is ignored; user agents strip it \
            (§5.2.3). `Domain=.example.com` therefore means exactly `Domain=example.com`: the \
            cookie goes to example.com and all its subdomains either way. The dot is a relic of \
            RFC 2109, where it mattered; it harms nothing now, so this is advice only.
            """,
        fix: "Drop the leading dot: `Domain=example.com` already covers the subdomains",
        spec: [SpecReference(rfc: 6265, section: "4.1.2.3"), SpecReference(rfc: 6265, section: "5.2.3")],
        fields: ["Set-Cookie"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Domain=.example.com; Path=/\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Domain=example.com; Path=/\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=.example.com\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for cookie in SetCookie.all(in: response) {
            for attribute in cookie.attributes where attribute.key == "domain" && attribute.value.hasPrefix(".") {
                report.add("Set-Cookie \(cookie.displayName): Domain '\(Printable.escape(attribute.value))' has a leading dot, which browsers ignore",
                           at: cookie.field.valueSpan, status: response.status)
            }
        }
    }
}
