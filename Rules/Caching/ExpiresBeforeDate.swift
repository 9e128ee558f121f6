import HTTPLintCore

/// Expires at or before Date with nothing in Cache-Control saying what is meant.
struct ExpiresBeforeDate: Rule {
    static let description = RuleDescription(
        id: "expires-before-date",
        severity: .info,
        category: .caching,
        summary: "Expires at or before Date, without Cache-Control saying whether to store the response",
        rationale: """
            An Expires at or before Date makes the response stale on arrival (RFC 9111 §4.2.1, \
            §5.3). That is the HTTP/1.0 way to make caches revalidate every time (§4.2), but it \
            does not stop them storing the response, and a disconnected cache may still serve \
            it stale (§4.2.4). When the intent is not to store, Cache-Control: no-store says \
            so; when it is to revalidate, no-cache (or max-age=0) does. Not reported when \
            Cache-Control already has max-age, s-maxage, no-cache or no-store. Opt-in: it is \
            advice about an idiom the specification allows.
            """,
        fix: "Add `Cache-Control: no-store` (never store) or `Cache-Control: no-cache` (store, revalidate every time)",
        spec: [SpecReference(rfc: 9111, section: "4.2"), SpecReference(rfc: 9111, section: "5.3"),
               SpecReference(rfc: 9111, section: "4.2.4")],
        fields: ["Expires", "Date", "Cache-Control"],
        runsWhen: .anyFieldPresent,
        isEnabledByDefault: false,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nExpires: Thu, 01 Jan 1970 00:00:00 GMT\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nExpires: Thu, 01 Jan 1970 00:00:00 GMT\nCache-Control: no-store, no-cache\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nExpires: Sun, 06 Nov 1994 09:49:37 GMT\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.fields.contains(.expires) else { return }
        let directives = report.reading(CacheDirectives.self, of: response)
        let dates = report.reading(DateFields.self, of: response)
        guard ![CacheDirectives.Name.maxAge, .sMaxage, .noCache, .noStore].contains(where: directives.has),
              let (field, expires) = dates.first(.expires), let date = dates.date(.date),
              expires.secondsSince1970 <= date.secondsSince1970 else { return }
        report.add("Expires is not after Date, so the response is stale on arrival but may still be stored; say no-store or no-cache in Cache-Control",
                   at: field.valueSpan, status: response.status)
    }
}
