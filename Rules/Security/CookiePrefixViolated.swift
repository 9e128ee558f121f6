import HTTPLintCore

/// `__Secure-` and `__Host-` cookies must carry the attributes their prefix promises.
struct CookiePrefixViolated: Rule {
    static let description = RuleDescription(
        id: "cookie-prefix-violated",
        severity: .error,
        category: .security,
        summary: "`__Secure-` cookie without Secure, or `__Host-` cookie without Secure and `Path=/` or with Domain",
        rationale: """
            RFC 6265bis (§4.1.3 and the storage model, §5.7 steps 20-22) gives two cookie name \
            prefixes a meaning that browsers enforce: a `__Secure-` cookie must have the \
            Secure attribute, and a `__Host-` cookie must have Secure, `Path=/` and no Domain \
            attribute. A cookie that breaks its prefix's rule is rejected outright, so the \
            session or token it carries is never stored. Browsers match the prefixes \
            case-insensitively (§5.4), and also reject a nameless cookie whose value begins \
            with a prefix.
            """,
        fix: "`Set-Cookie: __Host-id=1; Secure; Path=/` (no Domain), or `__Secure-id=1; Secure`",
        spec: [SpecReference(document: "RFC 6265bis (draft)", section: "4.1.3, cookie name prefixes",
                             url: "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.3"),
               SpecReference(document: "RFC 6265bis (draft)", section: "5.7, storage model",
                             url: "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.7")],
        fields: ["Set-Cookie"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: __Secure-id=1; Path=/\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: __Host-id=1; Secure\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: __Host-id=1; Secure; Path=/; Domain=example.com\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: __host-id=1; Secure; Path=/app\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: __Host-id=1; Path=/\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: =__Secure-id=1; Secure\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: __Host-id=1; Secure; Path=/; HttpOnly; SameSite=Lax\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: __Secure-id=1; Secure; Domain=example.com; Path=/app\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: _Host-id=1\nSet-Cookie: my__Secure-id=1\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for cookie in SetCookie.all(in: response) {
            guard let problem = Self.problem(in: cookie) else { continue }
            report.add("Set-Cookie \(cookie.displayName) \(problem); browsers reject the cookie",
                       at: cookie.field.valueSpan, status: response.status)
        }
    }

    static func problem(in cookie: SetCookie) -> String? {
        guard cookie.hasEquals, !cookie.name.isEmpty else {
            let value = cookie.value.asciiLowercased()
            return value.hasPrefix("__secure-") || value.hasPrefix("__host-")
                ? "has no name and a value that starts with a cookie prefix" : nil
        }
        let name = cookie.name.asciiLowercased()
        if name.hasPrefix("__secure-") {
            return cookie.isSecure ? nil : "has the __Secure- prefix but no Secure attribute"
        }
        guard name.hasPrefix("__host-") else { return nil }
        var problems: [String] = []
        if !cookie.isSecure { problems.append("no Secure attribute") }
        if let domain = cookie.last("Domain"), !domain.value.isEmpty, domain.value != "." {
            problems.append("a Domain attribute ('\(Printable.escape(domain.value))')")
        }
        if let path = cookie.last("Path") {
            if path.value != "/" { problems.append("Path '\(Printable.escape(path.value))' instead of /") }
        } else {
            problems.append("no Path=/ attribute")
        }
        guard !problems.isEmpty else { return nil }
        let list = problems.count == 1 ? problems[0]
            : problems.dropLast().joined(separator: ", ") + " and " + problems[problems.count - 1]
        return "has the __Host- prefix but \(list)"
    }
}
