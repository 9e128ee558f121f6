import HTTPLintCore

/// A directive name that no browser knows is ignored, so the policy is weaker than written.
struct UnknownCSPDirective: Rule {
    static let description = RuleDescription(
        id: "unknown-csp-directive",
        severity: .warning,
        category: .security,
        summary: "Content-Security-Policy directive that is not a known directive, such as `script-source`",
        rationale: """
            CSP Level 3 §2.2.1 parses a policy into directives by name, and browsers enforce \
            only the directives they implement (§6 lists them, with those of Trusted Types, \
            Mixed Content and Upgrade Insecure Requests); any other name is dropped with at \
            most a console message. A misspelled directive therefore leaves that resource type \
            unrestricted (or falling back to default-src). A name that looks like a source \
            usually comes from a comma, which starts a new policy in CSP, used to separate sources.
            """,
        fix: "Correct the directive name (see CSP Level 3 §6); separate sources with spaces and directives with `;`",
        spec: [SpecReference(document: "CSP Level 3", section: "2.2.1 Parse a serialized CSP",
                             url: "https://www.w3.org/TR/CSP3/#parse-serialized-policy"),
               SpecReference(document: "CSP Level 3", section: "6 Content Security Policy Directives",
                             url: "https://www.w3.org/TR/CSP3/#csp-directives")],
        fields: [ContentSecurityPolicy.enforced, ContentSecurityPolicy.reportOnly],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: default-src 'self'; script-source https://cdn.example\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: script-src https://a.example, https://b.example\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: default-src 'none'; Script-Src-Elem 'self'; style-src-attr 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; upgrade-insecure-requests; report-to csp\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy-Report-Only: require-trusted-types-for 'script'; trusted-types default; block-all-mixed-content; report-uri /csp;\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for policy in report.reading(CSPPolicies.self, of: response).all {
            for directive in policy.directives where !directive.isKnown {
                let looksLikeSource = directive.name.contains(where: { ".:/*'".contains($0) })
                let hint = looksLikeSource
                    ? "; it looks like a source: sources are separated by spaces, and a comma starts a new policy"
                    : "; browsers ignore it"
                report.add("\(policy.fieldName) has the unknown directive '\(Printable.escape(directive.writtenName))'\(hint)",
                           at: policy.field.valueSpan, status: response.status)
            }
        }
    }
}
