import HTTPLintCore

/// Cache-Control directives that contradict each other.
struct ConflictingCacheControl: Rule {
    static let description = RuleDescription(
        id: "conflicting-cache-control",
        severity: .warning,
        category: .caching,
        summary: "Cache-Control with contradicting directives (no-store with max-age, public with private)",
        rationale: """
            `no-store` forbids caches to store the response at all (RFC 9111 §5.2.2.5), so a \
            lifetime next to it (`max-age`, `s-maxage`) is dead weight and shows that the \
            sender meant something else; `public` and `private` (§5.2.2.9, §5.2.2.7) say \
            opposite things about shared caches, and caches resolve the clash differently. \
            Either way the response is not cached the way its author thinks.
            """,
        fix: "Keep the directives that say what you mean: `no-store` alone, or `public, max-age=…`, or `private`",
        spec: [SpecReference(rfc: 9111, section: "5.2.2.5"), SpecReference(rfc: 9111, section: "5.2.2.7"),
               SpecReference(rfc: 9111, section: "5.2.2.9")],
        fields: ["Cache-Control"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: no-store, max-age=3600\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nCache-Control: public\nCache-Control: private\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: no-store\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nCache-Control: private, max-age=0, no-cache\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let directives = report.reading(CacheDirectives.self, of: response)
        guard let anchor = directives.firstField else { return }
        if directives.has(.noStore), let lifetime = [CacheDirectives.Name.maxAge, .sMaxage].first(where: directives.has) {
            report.add("Cache-Control has no-store and \(lifetime.text): a response that may not be stored has no lifetime",
                       at: anchor.lineSpan, status: response.status)
        }
        if directives.has(.public), directives.has(.private) {
            report.add("Cache-Control says both public and private", at: anchor.lineSpan, status: response.status)
        }
    }
}
