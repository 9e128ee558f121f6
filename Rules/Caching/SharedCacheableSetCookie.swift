import HTTPLintCore

/// A response that sets a cookie and that Cache-Control explicitly lets shared caches store.
struct SharedCacheableSetCookie: Rule {
    static let description = RuleDescription(
        id: "shared-cacheable-set-cookie",
        severity: .info,
        category: .caching,
        summary: "Set-Cookie on a response that public or s-maxage lets shared caches store, with the cookie",
        rationale: """
            RFC 9111 §3: public and s-maxage make a response storable by a shared cache (§5.2.2.9, \
            §5.2.2.10), and §3.1 has caches store every header field of the response, except \
            the fields a no-cache or private directive names (§5.2.2.4, §5.2.2.7, whose \
            examples name Set-Cookie) and a few others; Set-Cookie is not among them. A CDN or \
            proxy may then hand the cookie set for one user, often a session, to everyone it \
            serves the stored response to. Some caches refuse to store such responses, others \
            strip the field, others keep it: nothing in HTTP says which. No requirement is \
            broken, hence information.
            """,
        fix: "Keep the cookie out of shared caches: `Cache-Control: private=\"Set-Cookie\"` (or no-cache=\"Set-Cookie\"), or set cookies only on responses that are private or no-store",
        spec: [SpecReference(rfc: 9111, section: "3"), SpecReference(rfc: 9111, section: "3.1"),
               SpecReference(rfc: 9111, section: "5.2.2.7"), SpecReference(rfc: 6265, section: "4.1")],
        fields: ["Set-Cookie", "Cache-Control"],
        runsWhen: .anyOf(["Set-Cookie"]),
        triggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: public, max-age=3600\nSet-Cookie: sid=31d4d96e407aad42; Secure; HttpOnly\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nCache-Control: s-maxage=600\nSet-Cookie: lang=en\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: public, max-age=3600, private=\"Set-Cookie\"\nSet-Cookie: sid=31d4d96e407aad42\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nCache-Control: s-maxage=600, no-cache=\"Set-Cookie, Set-Cookie2\"\nSet-Cookie: lang=en\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nCache-Control: private, max-age=60\nSet-Cookie: sid=1\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nCache-Control: public, no-store\nSet-Cookie: sid=1\nContent-Length: 0\n\n"),
            // Without public or s-maxage the response's cacheability is the usual one.
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=60\nSet-Cookie: sid=1\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.fields.contains(.setCookie) else { return }
        let directives = report.reading(CacheDirectives.self, of: response)
        guard let anchor = directives.firstField, directives.has(.public) || directives.has(.sMaxage) else { return }
        if directives.has(.noStore) || directives.hasNoValue(.private) || directives.hasNoValue(.noCache) { return }
        for name: CacheDirectives.Name in [.private, .noCache] {
            if case .some(let fields?) = directives.value(name),
               fields.split(separator: ",").contains(where: { $0.trimmingWhitespace().asciiLowercased() == "set-cookie" }) {
                return
            }
        }
        let which = directives.has(.public) ? "public" : "s-maxage"
        report.add("Cache-Control \(which) lets shared caches store this response, and with it the cookie its Set-Cookie sets for one client",
                   at: anchor.lineSpan, status: response.status)
    }
}
