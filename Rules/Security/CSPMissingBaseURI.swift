import HTTPLintCore

/// A nonce-based CSP without base-uri, so an injected `<base>` can move nonced scripts.
struct CSPMissingBaseURI: Rule {
    static let description = RuleDescription(
        id: "csp-missing-base-uri",
        severity: .info,
        category: .security,
        summary: "Content-Security-Policy that trusts scripts by nonce or 'strict-dynamic' but has no base-uri",
        rationale: """
            base-uri is a document directive: it does not fall back to default-src (CSP Level \
            3, base-uri, and the fallback list that names only fetch directives), so without \
            it any `<base>` element is allowed. In a policy that trusts scripts by nonce or \
            through 'strict-dynamic', the host the script comes from no longer matters: \
            markup injected above a nonced `<script src=\"app.js\">` can add `<base \
            href=\"https://attacker.example/\">`, and the page's own trusted script is then \
            fetched from the attacker's host. Host allow-lists are not exposed this way (the \
            moved URL fails them), so only nonce and 'strict-dynamic' policies are reported. \
            Advice: nothing requires the directive. Not reported: report-only policies, or \
            when another enforced policy sets base-uri.
            """,
        fix: "Add `base-uri 'none'` (or `'self'` if the page uses a `<base>` element)",
        spec: [SpecReference(document: "CSP Level 3", section: "base-uri", url: "https://www.w3.org/TR/CSP3/#directive-base-uri"),
               SpecReference(document: "CSP Level 3", section: "8.2 Usage of 'strict-dynamic'", url: "https://www.w3.org/TR/CSP3/#strict-dynamic-usage")],
        fields: [ContentSecurityPolicy.enforced],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src 'nonce-r4nd0m' 'strict-dynamic'; object-src 'none'\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: default-src 'self' 'nonce-r4nd0m'\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src 'nonce-r4nd0m' 'strict-dynamic'; object-src 'none'; base-uri 'none'\nContent-Length: 0\n\n"),
            // Host allow-lists reject scripts a <base> moves elsewhere.
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: default-src 'self'\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src 'nonce-r4nd0m'\nContent-Security-Policy: base-uri 'self'\nContent-Length: 0\n\n"),
            // A nonce for styles only.
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src 'self'; style-src 'nonce-r4nd0m'\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy-Report-Only: script-src 'nonce-r4nd0m'\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let enforced = report.reading(CSPPolicies.self, of: response).all.filter { !$0.isReportOnly }
        guard !enforced.contains(where: { $0.has("base-uri") }),
              let policy = enforced.first(where: Self.trustsByNonce) else { return }
        report.add("\(policy.fieldName) trusts scripts by nonce or 'strict-dynamic' but has no base-uri; an injected <base> can move the page's trusted scripts to another host",
                   at: policy.field.valueSpan, status: response.status)
    }

    /// Whether the list that governs script elements holds a nonce or 'strict-dynamic'.
    static func trustsByNonce(_ policy: CSPPolicy) -> Bool {
        guard let list = policy.first("script-src-elem") ?? policy.first("script-src") ?? policy.first("default-src") else { return false }
        return list.values.contains {
            $0.asciiLowercased().hasPrefix("'nonce-") || $0.equalsIgnoringASCIICase("'strict-dynamic'")
        }
    }
}
