import HTTPLintCore

/// `self`, `none`, nonces and hashes need single quotes in a source list.
struct CSPKeywordWithoutQuotes: Rule {
    static let description = RuleDescription(
        id: "csp-keyword-without-quotes",
        severity: .warning,
        category: .security,
        summary: "CSP source list with a keyword, nonce or hash written without single quotes, such as `self`",
        rationale: """
            CSP Level 3 §2.3.1: the keywords (`'self'`, `'none'`, `'unsafe-inline'`, \
            `'unsafe-eval'`, `'strict-dynamic'`…), nonces and hashes are written inside single \
            quotes. Without them the grammar reads the word as a host-source, so \
            `script-src self` allows scripts from a host called `self` and not from the page's \
            own origin, and `unsafe-inline` or `nonce-…` without quotes enables nothing.
            """,
        fix: "Quote keywords, nonces and hashes: `script-src 'self' 'nonce-abc123'`",
        spec: [SpecReference(document: "CSP Level 3", section: "2.3.1 Source Lists",
                             url: "https://www.w3.org/TR/CSP3/#framework-directive-source-list")],
        fields: [ContentSecurityPolicy.enforced, ContentSecurityPolicy.reportOnly],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: default-src self; object-src none\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy-Report-Only: script-src 'self' nonce-r4nd0m Unsafe-Inline; report-to csp\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: default-src 'self'; script-src 'nonce-r4nd0m' 'strict-dynamic' 'sha256-AbC+/=' https:; object-src 'none'\nContent-Length: 0\n\n"),
            // Outside source lists these words are values of their own.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: sandbox allow-scripts; report-to self; trusted-types none\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: img-src self.example.com nonce.example\nContent-Length: 0\n\n"),
        ]
    )

    static let keywords: Set<String> = [
        "self", "none", "unsafe-inline", "unsafe-eval", "strict-dynamic", "unsafe-hashes", "report-sample",
        "unsafe-allow-redirects", "wasm-unsafe-eval", "trusted-types-eval", "report-sha256", "report-sha384",
        "report-sha512", "unsafe-webtransport-hashes", "inline-speculation-rules",
    ]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for policy in report.reading(CSPPolicies.self, of: response).all {
            for directive in policy.directives where directive.isSourceList {
                for value in directive.values where Self.isUnquotedKeyword(value) {
                    report.add("\(policy.fieldName) \(directive.name) has \(Printable.escape(value)) without single quotes; it is read as a host name, not as '\(Printable.escape(value))'",
                               at: policy.field.valueSpan, status: response.status)
                }
            }
        }
    }

    /// A keyword, `nonce-…` or `sha256-…`/`sha384-…`/`sha512-…` without its quotes.
    static func isUnquotedKeyword(_ value: String) -> Bool {
        // Most sources are quoted ('self') or hosts and schemes ("https://a.example"): no
        // keyword starts with a quote or has a dot or colon, and such nonces and hashes read
        // as hosts (below). Answered from the bytes, before any lowercasing.
        if value.utf8.first == UInt8(ascii: "'")
            || value.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") }) {
            return false
        }
        let lower = value.asciiLowercased()
        if keywords.contains(lower) { return true }
        for prefix in ["nonce-", "sha256-", "sha384-", "sha512-"] where lower.hasPrefix(prefix) && lower.count > prefix.count {
            // `nonce-cdn.example.com` or `sha256-host:8443` is a plausible host-source.
            return !lower.contains(".") && !lower.contains(":")
        }
        return false
    }
}
