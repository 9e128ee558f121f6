import HTTPLintCore

/// A script-restricting CSP that leaves `<object>` and `<embed>` unrestricted.
struct CSPMissingObjectSrc: Rule {
    static let description = RuleDescription(
        id: "csp-missing-object-src",
        severity: .info,
        category: .security,
        summary: "Content-Security-Policy that restricts scripts but has neither object-src nor default-src",
        rationale: """
            Plugin content and the resources of `<object>` and `<embed>` are governed by the \
            object-src directive, which falls back to default-src and to nothing else (CSP \
            Level 3, object-src and the fallback list of "Get the effective directive"). A \
            policy with only script-src therefore places no limit on them: injected markup \
            can still embed active content from anywhere, which script-src does not see. \
            Nothing requires the directive, so this is advice. Not reported: report-only \
            policies, policies that do not restrict scripts at all (frame-ancestors or \
            upgrade-insecure-requests alone), and responses where another enforced policy \
            sets object-src or default-src (content must pass every policy).
            """,
        fix: "Add `object-src 'none'` (or a default-src) to the policy",
        spec: [SpecReference(document: "CSP Level 3", section: "object-src", url: "https://www.w3.org/TR/CSP3/#directive-object-src"),
               SpecReference(document: "CSP Level 3", section: "6.8.3 Get the effective directive for request",
                             url: "https://www.w3.org/TR/CSP3/#directive-fallback-list")],
        fields: [ContentSecurityPolicy.enforced],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src 'self'\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src 'nonce-r4nd0m' 'strict-dynamic'; base-uri 'none'; img-src *\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src 'self'; object-src 'none'\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: default-src 'self'\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: frame-ancestors 'none'\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src 'self'\nContent-Security-Policy: object-src 'none'\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy-Report-Only: script-src 'self'\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let enforced = report.reading(CSPPolicies.self, of: response).all.filter { !$0.isReportOnly }
        guard !enforced.contains(where: { $0.has("object-src") || $0.has("default-src") }),
              let policy = enforced.first(where: { $0.restrictsScripts }) else { return }
        report.add("\(policy.fieldName) restricts scripts but has no object-src (or default-src); <object> and <embed> may load content from anywhere",
                   at: policy.field.valueSpan, status: response.status)
    }
}
