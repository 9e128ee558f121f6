import HTTPLintCore

/// Within one policy, a repeated directive is ignored.
struct CSPDirectiveRepeated: Rule {
    static let description = RuleDescription(
        id: "csp-directive-repeated",
        severity: .warning,
        category: .security,
        summary: "Content-Security-Policy policy that names a directive twice (the second is ignored)",
        rationale: """
            CSP Level 3 §2.2.1 step 3.5: when a policy already holds a directive of that name, \
            a later one is skipped. `script-src 'self'; script-src https://cdn.example` \
            therefore blocks the CDN, although the author meant to allow it. (Separate \
            policies, after a comma or in another field line, are each enforced and are not \
            repeats.)
            """,
        fix: "Merge the values into one directive: `script-src 'self' https://cdn.example`",
        spec: [SpecReference(document: "CSP Level 3", section: "2.2.1 Parse a serialized CSP",
                             url: "https://www.w3.org/TR/CSP3/#parse-serialized-policy")],
        fields: [ContentSecurityPolicy.enforced, ContentSecurityPolicy.reportOnly],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: script-src 'self'; img-src *; Script-Src https://cdn.example\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            // Two policies: both are enforced.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: script-src 'self', script-src 'self' https://cdn.example\nContent-Security-Policy: script-src 'none'\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: script-src 'self'; script-src-elem 'self'\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for policy in report.reading(CSPPolicies.self, of: response).all {
            // A policy has a handful of directives: comparing names beats hashing them, up to
            // a few dozen (a set keeps a long policy linear).
            let directives = policy.directives
            let isShort = directives.count <= 32
            var seen = Set<String>()
            for (index, directive) in directives.enumerated() {
                let isRepeat = isShort
                    ? directives[..<index].contains { $0.name == directive.name }
                    : !seen.insert(directive.name).inserted
                guard isRepeat else { continue }
                report.add("\(policy.fieldName) names \(directive.name) twice in one policy; browsers ignore the second",
                           at: policy.field.valueSpan, status: response.status)
            }
        }
    }
}
