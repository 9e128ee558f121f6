import HTTPLintCore

/// `no-cache` or `private` with a field-name list written as a token instead of a quoted string.
struct QualifiedDirectiveTokenForm: Rule {
    static let description = RuleDescription(
        id: "qualified-directive-token-form",
        severity: .warning,
        category: .caching,
        summary: "Cache-Control no-cache or private with its field names unquoted",
        rationale: """
            RFC 9111 §5.2.2.4 (no-cache) and §5.2.2.7 (private): the qualified form lists field \
            names, and "This directive uses the quoted-string form of the argument syntax. A \
            sender SHOULD NOT generate the token form (even if quoting appears not to be needed \
            for single-entry lists)." A cache that only reads the quoted form may take \
            `private=Set-Cookie` for something else, or for the unqualified directive, which \
            keeps the whole response out of shared caches rather than one field.
            """,
        fix: "Quote the list: `no-cache=\"Set-Cookie\"`, `private=\"Set-Cookie, Authorization\"`",
        spec: [SpecReference(rfc: 9111, section: "5.2.2.4"), SpecReference(rfc: 9111, section: "5.2.2.7")],
        fields: ["Cache-Control"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=60, no-cache=Set-Cookie\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nCache-Control: PRIVATE=Authorization\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=60, no-cache=\"Set-Cookie\", private=\"Authorization, Set-Cookie\"\nContent-Length: 0\n\n"),
            // The unqualified forms take no argument at all.
            Example("HTTP/1.1 200 OK\nCache-Control: no-cache, private\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let directives = report.reading(CacheDirectives.self, of: response)
        guard let anchor = directives.firstField else { return }
        for directive in directives.all where directive.known == .noCache || directive.known == .private {
            guard let value = directives.value(of: directive), !value.isEmpty, !value.hasPrefix("\"") else { continue }
            let name = directives.name(of: directive)
            report.add("Cache-Control \(name)=\(value) lists its field names as a token; RFC 9111 asks for the quoted form \(name)=\"\(value)\"",
                       at: anchor.lineSpan, status: response.status)
        }
    }
}
