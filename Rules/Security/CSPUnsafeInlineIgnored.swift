import HTTPLintCore

/// `'unsafe-inline'` does nothing in a source list that also holds a nonce or a hash.
struct CSPUnsafeInlineIgnored: Rule {
    static let description = RuleDescription(
        id: "csp-unsafe-inline-ignored",
        severity: .info,
        category: .security,
        summary: "CSP source list with `'unsafe-inline'` next to a nonce or hash, which makes browsers ignore it",
        rationale: """
            CSP Level 3 §6.7.3.2 ("Does a source list allow all inline behavior"): a nonce-source \
            or hash-source in the list overrides `'unsafe-inline'`, in every browser that \
            implements CSP Level 2 or later. Inline scripts or styles without the nonce or a \
            matching hash are blocked, style attributes included, which surprises authors who \
            added `'unsafe-inline'` to allow them. As a deliberate fallback for CSP Level 1 \
            browsers it is harmless; lists with `'strict-dynamic'` (the usual form of that \
            fallback) are not reported.
            """,
        fix: "Remove `'unsafe-inline'`, or move what needs it to a directive without nonces (style-src-attr)",
        spec: [SpecReference(document: "CSP Level 3", section: "6.7.3.2 Does a source list allow all inline behavior",
                             url: "https://www.w3.org/TR/CSP3/#allow-all-inline")],
        fields: [ContentSecurityPolicy.enforced, ContentSecurityPolicy.reportOnly],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: style-src 'self' 'unsafe-inline' 'nonce-r4nd0m'\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: script-src 'UNSAFE-INLINE' 'sha256-AbC+/='\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: script-src 'nonce-r4nd0m' 'unsafe-inline' 'strict-dynamic' https:; style-src 'self' 'unsafe-inline'\nContent-Length: 0\n\n"),
            // The nonce is in another directive.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: script-src 'nonce-r4nd0m'; style-src 'unsafe-inline'\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for policy in report.reading(CSPPolicies.self, of: response).all {
            for directive in policy.directives where directive.isSourceList {
                let values = directive.values
                guard values.contains(where: { $0.equalsIgnoringASCIICase("'unsafe-inline'") }),
                      !values.contains(where: { $0.equalsIgnoringASCIICase("'strict-dynamic'") }),
                      let override = directive.values.first(where: Self.isNonceOrHash) else { continue }
                report.add("\(policy.fieldName) \(directive.name) has 'unsafe-inline' and \(Printable.escape(override)); browsers ignore 'unsafe-inline' there",
                           at: policy.field.valueSpan, status: response.status)
            }
        }
    }

    /// `'nonce-…'` or `'sha256-…'`, `'sha384-…'`, `'sha512-…'` (the prefix case-insensitive).
    static func isNonceOrHash(_ value: String) -> Bool {
        let lower = value.asciiLowercased()
        guard lower.hasPrefix("'"), lower.hasSuffix("'"), lower.count > 2 else { return false }
        return ["'nonce-", "'sha256-", "'sha384-", "'sha512-"].contains { lower.hasPrefix($0) && lower.count > $0.count + 1 }
    }
}
