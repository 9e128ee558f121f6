import HTTPLintCore

/// An attribute browsers do not know is ignored: usually a typo.
struct UnknownCookieAttribute: Rule {
    static let description = RuleDescription(
        id: "unknown-cookie-attribute",
        severity: .info,
        category: .security,
        summary: "Set-Cookie attribute that browsers do not recognize, often a misspelling such as `HttpOnley`",
        rationale: """
            Browsers ignore attributes they do not recognize (RFC 6265 §5.2 and RFC 6265bis \
            §5.6: attribute names match case-insensitively, unknown ones are skipped). A typo \
            such as `HTTP-Only`, `MaxAge` or `Secured` therefore silently drops the protection or \
            the lifetime it was meant to set. Known here: Expires, Max-Age, Domain, Path, \
            Secure, HttpOnly, SameSite, Partitioned (CHIPS) and Priority (Chromium), and the \
            obsolete RFC 2109/2965 attributes (Comment, CommentURL, Discard, Port, Version).
            """,
        fix: "Correct the attribute's spelling, or remove it",
        spec: [SpecReference(rfc: 6265, section: "5.2"),
               SpecReference(document: "RFC 6265bis (draft)", section: "5.6, the Set-Cookie header field",
                             url: "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6")],
        fields: ["Set-Cookie"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Path=/; HTTP-Only\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; MaxAge=3600\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: __Host-id=1; path=/; secure; HTTPONLY; samesite=none; Partitioned; Priority=High; Max-Age=60\nContent-Length: 0\n\n"),
            // An empty attribute from a trailing or doubled ';' is not an attribute.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Path=/;; Version=1;\nContent-Length: 0\n\n"),
        ]
    )

    static let known: Set<String> = [
        "expires", "max-age", "domain", "path", "secure", "httponly", "samesite", "partitioned", "priority", "sameparty",
        "comment", "commenturl", "discard", "port", "version",
    ]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for cookie in SetCookie.all(in: response) {
            for attribute in cookie.attributes where !attribute.name.isEmpty && !Self.known.contains(attribute.key) {
                report.add("Set-Cookie \(cookie.displayName) has the attribute '\(Printable.escape(attribute.name))', which browsers do not recognize and ignore",
                           at: cookie.field.valueSpan, status: response.status)
            }
        }
    }
}
