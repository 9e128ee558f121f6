import HTTPLintCore

/// A Cache-Control directive defined only for requests, sent in a response.
struct RequestDirectiveInResponse: Rule {
    static let description = RuleDescription(
        id: "request-directive-in-response",
        severity: .info,
        category: .caching,
        summary: "Cache-Control max-stale, min-fresh or only-if-cached in a response, where they mean nothing",
        rationale: """
            RFC 9111 §5.2: "Cache directives are unidirectional, in that the presence of a \
            directive in a request does not imply that the same directive is present or copied \
            in the response." max-stale, min-fresh and only-if-cached are defined in §5.2.1 as \
            request directives only: they are a client's tolerance for stale or young responses \
            and its wish not to reach the origin. §5.2.2 defines no response meaning for them, \
            and §5.2.3 has caches ignore directives they do not understand, so in a response \
            they change nothing; the sender probably meant a response directive (max-age, \
            stale-while-revalidate, stale-if-error). No requirement is broken, hence \
            information.
            """,
        fix: "Remove the directive, or use the response directive that says what was meant (max-age, stale-while-revalidate, stale-if-error)",
        spec: [SpecReference(rfc: 9111, section: "5.2"), SpecReference(rfc: 9111, section: "5.2.1"),
               SpecReference(rfc: 9111, section: "5.2.3")],
        fields: ["Cache-Control"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=60, max-stale=3600\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nCache-Control: Only-If-Cached\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nCache-Control: public\nCache-Control: min-fresh=10\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            // Directives defined for both directions, and response-only ones.
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=60, no-transform, stale-if-error=600, stale-while-revalidate=30\nContent-Length: 0\n\n"),
            // A quoted field name that happens to spell a request directive is no directive.
            Example("HTTP/1.1 200 OK\nCache-Control: private=\"max-stale\", x-max-stale=1\nContent-Length: 0\n\n"),
        ]
    )

    /// The directives RFC 9111 §5.2.1 defines for requests and §5.2.2 does not define for responses.
    static let requestOnly = ["max-stale", "min-fresh", "only-if-cached"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let directives = report.reading(CacheDirectives.self, of: response)
        guard let anchor = directives.firstField else { return }
        var reported: [String] = []
        for directive in directives.all where directive.known == nil || directive.known == .onlyIfCached {
            let name = directives.name(of: directive)
            guard Self.requestOnly.contains(name), !reported.contains(name) else { continue }
            reported.append(name)
            report.add("Cache-Control \(name) is a request directive (RFC 9111 §5.2.1); in a response it has no meaning and caches ignore it",
                       at: anchor.lineSpan, status: response.status)
        }
    }
}
