import HTTPLintCore
@testable import HTTPLintRules
import Testing

/// The caching-summary sentence, whole, for each kind of clause it can hold: lifetimes from
/// s-maxage, max-age, Expires and heuristics, Age, no-cache and private with and without
/// fields, Vary, a request with Authorization or another method, and the refusals.
@Suite struct CachingSummaryTests {
    static let cases: [(response: String, request: String?, sentence: String)] = [
        ("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nCache-Control: public, max-age=3600\nAge: 60\nVary: Accept-Encoding, Origin\nContent-Length: 0\n\n",
         nil,
         "caching: a shared cache may store it, fresh for 3600 s (max-age, 3540 s left after Age 60); a private cache may store it, fresh for 3600 s (max-age, 3540 s left after Age 60); stored copies are chosen by Accept-Encoding, Origin; assuming a GET request"),
        ("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nCache-Control: private, no-cache\nContent-Length: 0\n\n",
         nil,
         "caching: a shared cache may not store it (private); a private cache may store it, but must revalidate it before each reuse (no-cache); assuming a GET request"),
        ("HTTP/1.1 404 Not Found\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nLast-Modified: Sun, 15 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n",
         nil,
         "caching: a shared cache may store it (unless the request had Authorization), fresh for a heuristic lifetime (often 10% of the 604800 s since Last-Modified: 60480 s); a private cache may store it, fresh for a heuristic lifetime (often 10% of the 604800 s since Last-Modified: 60480 s); assuming a GET request"),
        ("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nCache-Control: max-age=60, s-maxage=600, no-cache=\"Set-Cookie\", private=\"X-User\"\nAge: 900\nContent-Length: 0\n\n",
         nil,
         "caching: a shared cache may store it, fresh for 600 s (s-maxage, 0 s left after Age 900), reusing the fields Set-Cookie only after revalidation (no-cache=), without the fields X-User (private=); a private cache may store it, fresh for 60 s (max-age, 0 s left after Age 900), reusing the fields Set-Cookie only after revalidation (no-cache=); assuming a GET request"),
        ("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nExpires: soon\nVary: *\nContent-Length: 0\n\n",
         nil,
         "caching: a shared cache may store it (unless the request had Authorization), already stale (Expires is not a date); a private cache may store it, already stale (Expires is not a date); Vary: * means no stored copy can answer a later request without the origin; assuming a GET request"),
        ("HTTP/1.1 200 OK\nExpires: Sun, 22 Nov 2026 11:00:00 GMT\nContent-Length: 0\n\n",
         nil,
         "caching: a shared cache may store it (unless the request had Authorization), fresh until the Expires time (there is no Date to count from); a private cache may store it, fresh until the Expires time (there is no Date to count from); assuming a GET request"),
        ("HTTP/1.1 201 Created\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nLocation: /x\nContent-Length: 0\n\n",
         nil,
         "caching: a shared cache may not store it: it has no explicit lifetime, public or private, and 201 is not heuristically cacheable; a private cache may not store it: it has no explicit lifetime, public or private, and 201 is not heuristically cacheable; assuming a GET request"),
        ("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nExpires: Sun, 22 Nov 2026 09:00:00 GMT\nCache-Control: no-store\nContent-Length: 0\n\n",
         nil,
         "caching: no cache may store the response (no-store)"),
        ("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nExpires: Sun, 22 Nov 2026 12:00:00 GMT\nContent-Length: 0\n\n",
         nil,
         "caching: a shared cache may store it (unless the request had Authorization), fresh for 7200 s (Expires - Date); a private cache may store it, fresh for 7200 s (Expires - Date); assuming a GET request"),
        ("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nCache-Control: max-age=60\nContent-Length: 0\n\n",
         "GET / HTTP/1.1\nHost: a\nAuthorization: Basic YTpi\n\n",
         "caching: a shared cache may not store it: the request had Authorization and there is no public, s-maxage or must-revalidate; a private cache may store it, fresh for 60 s (max-age)"),
        ("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nCache-Control: max-age=60\nContent-Length: 0\n\n",
         "POST / HTTP/1.1\nHost: a\nContent-Length: 0\n\n",
         "caching: caches normally store only responses to GET and HEAD, and this answers POST"),
        ("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nCache-Control: public\nLast-Modified: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Length: 0\n\n",
         "GET / HTTP/1.1\nHost: a\n\n",
         "caching: a shared cache may store it, fresh for a heuristic lifetime (often 10% of the 3600 s since Last-Modified: 360 s); a private cache may store it, fresh for a heuristic lifetime (often 10% of the 3600 s since Last-Modified: 360 s)"),
    ]

    @Test func sentences() throws {
        for (response, request, sentence) in Self.cases {
            let requests = request.map { RequestParser.parse(SourceText(name: "request", text: $0)) } ?? []
            let exchanges = ResponseParser.parse(SourceText(name: "response", text: response), requests: requests)
            var reporter = FindingReporter(rule: CachingSummary.description, exchangeIndex: 0)
            CachingSummary().check(exchanges[0], &reporter)
            #expect(reporter.findings.map(\.message) == [sentence], "\(response)")
        }
    }
}
