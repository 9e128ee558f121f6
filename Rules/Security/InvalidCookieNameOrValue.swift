import HTTPLintCore

/// The cookie-pair of a Set-Cookie field: a token name, `=`, and cookie-octets.
struct InvalidCookieNameOrValue: Rule {
    static let description = RuleDescription(
        id: "invalid-cookie-name-or-value",
        severity: .warning,
        category: .security,
        summary: "Set-Cookie whose cookie name is not a token or whose value has characters outside cookie-octet",
        rationale: """
            RFC 6265 §4.1.1: servers SHOULD NOT send a Set-Cookie field outside its grammar \
            (RFC 6265bis §4.1.1 makes it MUST NOT): `cookie-pair = cookie-name "=" \
            cookie-value`, the name a token, the value cookie-octets (printable US-ASCII \
            without space, DQUOTE, comma, semicolon and backslash), optionally inside one pair \
            of double quotes. Browsers store more than that, but servers, proxies and \
            frameworks parse the Cookie header that comes back in different ways: a space or \
            comma in a value, or a cookie without a name (which RFC 6265bis forbids), is read \
            differently by each.
            """,
        fix: "Give every cookie a token name and encode its value (base64url or percent-encoding)",
        spec: [SpecReference(rfc: 6265, section: "4.1.1"),
               SpecReference(document: "RFC 6265bis (draft)", section: "4.1.1",
                             url: "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.1")],
        fields: ["Set-Cookie"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: greeting=hello world; Path=/\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: prefs={\"a\":1,\"b\":2}\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: user id=7\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: session-token; Secure\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: =abc\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: sid=YWJjZGVm/+0=; Path=/; Secure; HttpOnly\nContent-Length: 0\n\n"),
            // A quoted value, an empty value, whitespace around '=' (RFC 6265bis allows BWS).
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: q=\"abc:def\"\nSet-Cookie: gone=; Max-Age=0\nSet-Cookie: a = b\nContent-Length: 0\n\n"),
            // Spaces inside attribute values are not the cookie value's business.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for cookie in SetCookie.all(in: response) {
            guard let problem = Self.problem(in: cookie) else { continue }
            report.add("Set-Cookie: \(problem)", at: cookie.field.valueSpan, status: response.status)
        }
    }

    /// cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
    static func isCookieOctet(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x23...0x2B, 0x2D...0x3A, 0x3C...0x5B, 0x5D...0x7E: true
        default: false
        }
    }

    static func problem(in cookie: SetCookie) -> String? {
        guard cookie.hasEquals else {
            if cookie.value.isEmpty { return "the field is empty; browsers ignore it" }
            return "'\(Printable.escape(cookie.value))' has no '=', so browsers store it as a cookie with an empty name"
        }
        guard !cookie.name.isEmpty else {
            return "the cookie name before '=' is empty; RFC 6265bis forbids nameless cookies"
        }
        if let bad = cookie.name.utf8.first(where: { !$0.isHTTPTokenCharacter }) {
            return "cookie name '\(Printable.escape(cookie.name))' is not a token: it contains \(Printable.describe(bad))"
        }
        var value = Array(cookie.value.utf8)[...]
        if value.count >= 2, value.first == 0x22, value.last == 0x22 { value = value.dropFirst().dropLast() }
        if let bad = value.first(where: { !isCookieOctet($0) }) {
            return "cookie \(cookie.displayName) has \(Printable.describe(bad)) in its value, which cookie-octet excludes"
        }
        return nil
    }
}
