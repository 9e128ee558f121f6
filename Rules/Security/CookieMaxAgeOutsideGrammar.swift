import HTTPLintCore

/// Max-Age values that browsers read but that the RFC 6265 grammar does not allow a server to send.
struct CookieMaxAgeOutsideGrammar: Rule {
    static let description = RuleDescription(
        id: "cookie-max-age-outside-grammar",
        severity: .info,
        category: .security,
        summary: "Set-Cookie Max-Age that is negative or has leading zeros, outside the grammar servers are asked to follow",
        rationale: """
            RFC 6265 §4.1.1 writes `max-age-av = "Max-Age=" non-zero-digit *DIGIT`, and §4.1 \
            says servers SHOULD NOT send Set-Cookie fields that fail this grammar. User agents \
            are more lenient (§5.2.2): they take an optional `-` and digits, so `Max-Age=-1` \
            expires the cookie at once and `Max-Age=0600` means 600 seconds. The cookie works, \
            which is why this is advice only; other consumers of the field (proxies, \
            frameworks, security scanners) may follow the stricter grammar. A lone `0` is \
            outside the grammar too, but it is the common way to delete a cookie and every \
            reader takes it the same way, so it is not reported. Values that are not numbers \
            at all are invalid-cookie-max-age's.
            """,
        fix: "Write Max-Age without leading zeros; to delete a cookie, send an Expires date in the past (as RFC 6265 §3.1 does) rather than a negative Max-Age",
        spec: [SpecReference(rfc: 6265, section: "4.1.1"), SpecReference(rfc: 6265, section: "5.2.2")],
        fields: ["Set-Cookie"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: old=; Max-Age=-1\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Path=/; max-age=0600\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Max-Age=600\nContent-Length: 0\n\n"),
            // Deleting with zero.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=; Max-Age=0\nContent-Length: 0\n\n"),
            // Not a number: invalid-cookie-max-age reports it.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Max-Age=-\nContent-Length: 0\n\n"),
            // Only in the cookie value.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: Max-Age=-1\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for cookie in SetCookie.all(in: response) {
            for attribute in cookie.attributes where attribute.key == "max-age" && InvalidCookieMaxAge.isReadable(attribute.value) {
                let value = attribute.value
                let problem: String
                if value.hasPrefix("-") {
                    problem = "is negative"
                } else if value.hasPrefix("0") && value.utf8.count > 1 {
                    problem = "has a leading zero"
                } else {
                    continue
                }
                report.add("Set-Cookie \(cookie.displayName): Max-Age '\(Printable.escape(value))' \(problem); RFC 6265 §4.1.1 allows only a number starting with 1-9 (browsers still read it)",
                           at: cookie.field.valueSpan, status: response.status)
            }
        }
    }
}
