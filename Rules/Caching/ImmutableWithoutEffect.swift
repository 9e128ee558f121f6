import HTTPLintCore

/// `immutable` where it can do nothing: no explicit freshness lifetime, or a response whose
/// length clients cannot trust.
struct ImmutableWithoutEffect: Rule {
    static let description = RuleDescription(
        id: "immutable-without-effect",
        severity: .info,
        category: .caching,
        summary: "Cache-Control immutable without an explicit freshness lifetime, or on a close-delimited response",
        rationale: """
            RFC 8246 (abstract, §2): immutable marks "resources that will not be updated during \
            their freshness lifetime", so a client skips conditional revalidation of the \
            response while it is fresh; once stale it is revalidated as usual. Without max-age, s-maxage or Expires (RFC 9111 \
            §4.2.1), or with a lifetime of zero, the response has at most a heuristic lifetime \
            the cache picks (§4.2.2), and immutable promises little or nothing. RFC 8246 §3 \
            (security considerations) adds that clients SHOULD ignore immutable on responses \
            without a strong indication that their size is right, "such as responses delimited \
            by connection close": a truncated response would otherwise be pinned. Neither case \
            breaks a requirement on the server, hence information.
            """,
        fix: "Give the response a long explicit lifetime (`Cache-Control: max-age=31536000, immutable`) and a Content-Length or chunked framing",
        spec: [SpecReference(rfc: 8246, section: "2"), SpecReference(rfc: 8246, section: "3"),
               SpecReference(rfc: 9111, section: "4.2.1")],
        fields: ["Cache-Control"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: public, immutable\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=0, immutable\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=31536000, immutable\nConnection: close\n\nbody", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=31536000, immutable\nContent-Length: 4\n\nbody"),
            Example("HTTP/1.1 200 OK\nCache-Control: s-maxage=600, Immutable\nTransfer-Encoding: chunked\n\n4\nbody\n0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nExpires: Mon, 06 Nov 1995 08:49:37 GMT\nCache-Control: immutable\nContent-Length: 0\n\n"),
            // Close-delimited without immutable: nothing to ignore.
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=60\nConnection: close\n\nbody"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let directives = report.reading(CacheDirectives.self, of: response)
        guard let anchor = directives.firstField, directives.has(.immutable), !directives.has(.noStore) else { return }
        let explicit = [directives.seconds(.maxAge), directives.seconds(.sMaxage)].compactMap { $0 }
        if explicit.isEmpty, !response.fields.contains(.expires), !directives.has(.maxAge), !directives.has(.sMaxage) {
            report.add("Cache-Control immutable applies only while the response is fresh, and it gives no max-age, s-maxage or Expires",
                       at: anchor.lineSpan, status: response.status)
        } else if !explicit.isEmpty, explicit.allSatisfy({ $0 == 0 }), !response.fields.contains(.expires) {
            report.add("Cache-Control immutable applies only while the response is fresh, and its lifetime is zero",
                       at: anchor.lineSpan, status: response.status)
        }
        if response.content.framing == .closeDelimited {
            report.add("Cache-Control immutable on a response delimited by closing the connection, whose length clients cannot trust; RFC 8246 §3 has clients ignore it",
                       at: anchor.lineSpan, status: response.status)
        }
    }
}
