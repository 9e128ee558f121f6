import HTTPLintCore

/// A response whose Age is past its freshness lifetime although a directive forbids serving it stale.
struct StaleDespiteMustRevalidate: Rule {
    static let description = RuleDescription(
        id: "stale-despite-must-revalidate",
        severity: .warning,
        category: .caching,
        summary: "Age beyond the freshness lifetime of a must-revalidate or proxy-revalidate response: a cache served it stale",
        rationale: """
            RFC 9111 §5.1: Age is the time since the response was generated or validated at \
            the origin, and "The presence of an Age header field implies that the response was \
            not generated or validated by the origin server for this request". When it exceeds \
            the freshness lifetime (§4.2.1; for the shared caches that add Age, s-maxage before \
            max-age before Expires minus Date), the cache served the response stale. must-revalidate \
            says "once the response has become stale, a cache MUST NOT reuse that response to \
            satisfy another request until it has been successfully validated by the origin" \
            (§5.2.2.2); proxy-revalidate says the same to shared caches (§5.2.2.8), and §4.2.4 \
            repeats that no cache may generate a stale response these directives forbid. \
            s-maxage implies proxy-revalidate (§5.2.2.10), but beside stale-while-revalidate \
            or stale-if-error (RFC 5861), which allow stale use explicitly, the two readings \
            conflict, so s-maxage alone is not reported. The fault is the cache's, not the \
            origin's.
            """,
        fix: "Configure the cache to revalidate responses that must-revalidate, proxy-revalidate or s-maxage mark, instead of serving them stale",
        spec: [SpecReference(rfc: 9111, section: "5.2.2.2"), SpecReference(rfc: 9111, section: "5.2.2.8"),
               SpecReference(rfc: 9111, section: "4.2.4"),
               SpecReference(rfc: 9111, section: "5.1")],
        fields: ["Age", "Cache-Control"],
        runsWhen: .anyOf(["Age"]),
        triggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=60, must-revalidate\nAge: 120\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=600, s-maxage=60, proxy-revalidate\nAge: 61\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nExpires: Sun, 06 Nov 1994 08:50:37 GMT\nCache-Control: proxy-revalidate\nAge: 3600\nContent-Length: 0\n\n", line: 5),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=60, must-revalidate\nAge: 60\nContent-Length: 0\n\n"),
            // Without such a directive a cache may serve stale responses (RFC 9111 §4.2.4).
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=60, stale-while-revalidate=300\nAge: 120\nContent-Length: 0\n\n"),
            // s-maxage alone, beside stale-while-revalidate: not reported.
            Example("HTTP/1.1 200 OK\nCache-Control: s-maxage=60, stale-while-revalidate=300\nAge: 61\nContent-Length: 0\n\n"),
            // s-maxage sets the shared lifetime: 600 s, not max-age's 60.
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=60, s-maxage=600, must-revalidate\nAge: 120\nContent-Length: 0\n\n"),
            // No explicit lifetime: the heuristic one is the cache's to choose.
            Example("HTTP/1.1 200 OK\nCache-Control: must-revalidate\nAge: 120\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let ages = response.fields.named(.age)
        guard ages.count == 1, let age = Int(ages[0].value.trimmingWhitespace().prefix(12)), age >= 0 else { return }
        let directives = report.reading(CacheDirectives.self, of: response)
        let forbidding = [CacheDirectives.Name.mustRevalidate, .proxyRevalidate].filter { directives.has($0) }
        guard let directive = forbidding.first else { return }
        let lifetime: Int
        let source: String
        if let seconds = directives.seconds(.sMaxage) {
            (lifetime, source) = (seconds, "s-maxage")
        } else if let seconds = directives.seconds(.maxAge) {
            (lifetime, source) = (seconds, "max-age")
        } else {
            let dates = report.reading(DateFields.self, of: response)
            guard dates.expires.count == 1, let expires = dates.date(.expires), let date = dates.date(.date) else { return }
            (lifetime, source) = (max(0, Int(expires.secondsSince1970 - date.secondsSince1970)), "Expires minus Date")
        }
        guard age > lifetime else { return }
        report.add("Age \(age) is past the freshness lifetime of \(lifetime) s (\(source)), so a cache served this response stale, which \(directive.text) forbids",
                   at: ages[0].lineSpan, status: response.status)
    }
}
