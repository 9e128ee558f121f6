import HTTPLintCore

/// `Vary: User-Agent` on a response shared caches may store.
struct VaryUserAgent: Rule {
    static let description = RuleDescription(
        id: "vary-user-agent",
        severity: .info,
        category: .caching,
        summary: "Vary lists User-Agent on a response shared caches may store, so they keep a copy per browser version",
        rationale: """
            RFC 9111 §4.1: a stored response is reused only for a request whose fields named \
            in Vary match the original request's. User-Agent strings differ by browser, version, \
            platform and device, so a shared cache ends up holding one copy per string and \
            rarely reuses any; some caches do not store such responses at all. RFC 9110 \
            §12.5.5 makes Vary right when the content really differs by User-Agent, so this is \
            advice: when only a few classes of client need different content, a small \
            derived field (such as a Client Hint, RFC 8942, or a header a CDN computes) keeps \
            the cache useful. Not reported with no-store or private, which keep shared caches \
            out anyway.
            """,
        fix: "Vary on a coarser field (a Client Hint such as Sec-CH-UA-Mobile, or one your CDN sets) or serve one variant",
        spec: [SpecReference(rfc: 9111, section: "4.1"), .rfc9110("12.5.5")],
        fields: ["Vary"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nVary: User-Agent\nCache-Control: max-age=600\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nVary: Accept-Encoding, user-agent\nContent-Length: 0\n\n", line: 2),
            // Qualified private keeps only the named fields out of shared caches.
            Example("HTTP/1.1 200 OK\nVary: User-Agent\nCache-Control: private=\"Set-Cookie\", max-age=60\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nVary: User-Agent\nCache-Control: private, max-age=600\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nVary: User-Agent\nCache-Control: no-store\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nVary: Accept-Encoding, Sec-CH-UA-Mobile\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        // An element user-agent is those letters in a row in the received bytes too (unfolding
        // changes only CR, LF and whitespace): a value without them is not split.
        guard let field = response.fields.named(.vary).first(where: {
            ByteParsing.contains($0.rawValueBytes, lowercase: "user-agent") && $0.listContains("user-agent")
        }) else { return }
        let directives = report.reading(CacheDirectives.self, of: response)
        guard !directives.has(.noStore), !directives.hasNoValue(.private) else { return }
        report.add("Vary lists User-Agent: shared caches keep one copy per User-Agent string and rarely reuse any",
                   at: field.valueSpan, status: response.status)
    }
}
