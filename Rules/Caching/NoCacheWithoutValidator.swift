import HTTPLintCore

/// `no-cache` asks for revalidation, but the response gives nothing to revalidate with.
struct NoCacheWithoutValidator: Rule {
    static let description = RuleDescription(
        id: "no-cache-without-validator",
        severity: .info,
        category: .caching,
        summary: "Cache-Control no-cache on a 200 without ETag or Last-Modified, so every reuse is a full refetch",
        rationale: """
            RFC 9111 §5.2.2.4: no-cache means a cache "MUST NOT use the response to satisfy a \
            subsequent request without successful validation on the origin server". \
            Validation is a conditional request built from the stored response's validators \
            (§4.3.1: If-None-Match from ETag, If-Modified-Since from Last-Modified, RFC 9110 \
            §8.8). Without either, the cache can only ask for the whole response again, so the \
            stored copy is never reused and the 304 that no-cache is meant to earn never comes: \
            the response costs what no-store costs, and says something else. With `public` \
            next to it the intent is plainly to cache. Advice, hence information. The qualified \
            form (`no-cache="Set-Cookie"`) and responses with no-store are not reported.
            """,
        fix: "Send an ETag or Last-Modified so caches can revalidate, or say no-store if the response must never be reused",
        spec: [SpecReference(rfc: 9111, section: "5.2.2.4"), SpecReference(rfc: 9111, section: "4.3.1"), .rfc9110("8.8")],
        fields: ["Cache-Control", "ETag", "Last-Modified"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: public, no-cache\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=0\nCache-Control: No-Cache\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: public, no-cache\nETag: \"v1\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nCache-Control: no-cache\nLast-Modified: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nCache-Control: no-cache, no-store\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nCache-Control: no-cache=\"Set-Cookie\", max-age=60\nContent-Length: 0\n\n"),
            // Not a stored representation that could be revalidated.
            Example("HTTP/1.1 404 Not Found\nCache-Control: no-cache\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 204 No Content\nCache-Control: no-cache\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 200 || response.status == 203,
              !response.fields.contains(.etag), !response.fields.contains(.lastModified) else { return }
        let directives = report.reading(CacheDirectives.self, of: response)
        guard directives.hasNoValue(.noCache), !directives.has(.noStore), let field = directives.firstField else { return }
        report.add("no-cache asks caches to revalidate before each reuse, but without ETag or Last-Modified they can only refetch the whole response",
                   at: field.valueSpan, status: response.status)
    }
}
