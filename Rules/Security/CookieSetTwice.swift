import HTTPLintCore

/// Two Set-Cookie fields in one response for the same cookie: the later replaces the earlier.
struct CookieSetTwice: Rule {
    static let description = RuleDescription(
        id: "cookie-set-twice",
        severity: .warning,
        category: .security,
        summary: "Two Set-Cookie fields in one response for the same cookie name, domain and path",
        rationale: """
            RFC 6265 §4.1.1: servers SHOULD NOT include more than one Set-Cookie field with \
            the same cookie-name in the same response. A user agent stores the fields in \
            order, and a cookie with the same name, domain and path as a stored one replaces \
            it (§5.3 step 11), so the earlier field has no effect; often the two come from \
            different layers of the server that each think they own the cookie. Cookies with \
            the same name but another Domain or Path are distinct cookies and are not \
            reported, nor is a Partitioned cookie beside an unpartitioned one (browsers that \
            partition keep them apart). Domain and Path are compared as user agents store them: the last \
            attribute of each, Domain lowercased without a leading dot, and a Path that is \
            empty or does not start with `/` taken as the default path.
            """,
        fix: "Send each cookie once per response; remove the earlier Set-Cookie or give the cookies different names",
        spec: [SpecReference(rfc: 6265, section: "4.1.1"), SpecReference(rfc: 6265, section: "5.3")],
        fields: ["Set-Cookie"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: sid=a1; Path=/\nSet-Cookie: sid=b2; Path=/; HttpOnly\nContent-Length: 0\n\n", line: 4),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: sid=a1; Domain=.Example.com\nSet-Cookie: lang=en\nSet-Cookie: sid=; Domain=example.com; Max-Age=0\nContent-Length: 0\n\n", line: 5),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: sid=a1; Path=/\nSet-Cookie: lang=en; Path=/\nContent-Length: 0\n\n"),
            // Different paths or domains make different cookies.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: sid=; Path=/app; Max-Age=0\nSet-Cookie: sid=a1; Path=/\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: sid=; Max-Age=0\nSet-Cookie: sid=a1; Domain=example.com\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: __Host-id=1; Secure; Path=/\nSet-Cookie: __Host-id=2; Secure; Path=/; Partitioned\nContent-Length: 0\n\n"),
            // Cookie names are case-sensitive.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: SID=a1\nSet-Cookie: sid=b2\nContent-Length: 0\n\n"),
        ]
    )

    private struct Key: Hashable {
        let name: String
        let domain: String?
        let path: String?
        let partitioned: Bool
    }

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let cookies = SetCookie.all(in: response)
        guard cookies.count > 1 else { return }
        var seen: Set<Key> = []
        for cookie in cookies where cookie.hasEquals {
            let key = Self.key(of: cookie)
            if !seen.insert(key).inserted {
                report.add("Set-Cookie \(cookie.displayName) is set a second time in this response with the same domain and path; it replaces the earlier one",
                           at: cookie.field.valueSpan, status: response.status)
            }
        }
    }

    /// The name, and the domain and path a user agent would store (RFC 6265 §5.2.3, §5.2.4).
    private static func key(of cookie: SetCookie) -> Key {
        var domain = cookie.last("Domain")?.value
        if let value = domain, value.hasPrefix(".") { domain = String(value.dropFirst()) }
        if domain?.isEmpty == true { domain = nil }
        var path = cookie.last("Path")?.value
        if let value = path, !value.hasPrefix("/") { path = nil }
        return Key(name: cookie.name, domain: domain?.asciiLowercased(), path: path, partitioned: cookie.has("Partitioned"))
    }
}
