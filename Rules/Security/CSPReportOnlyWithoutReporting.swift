import HTTPLintCore

/// A report-only policy that names nowhere to report.
struct CSPReportOnlyWithoutReporting: Rule {
    static let description = RuleDescription(
        id: "csp-report-only-without-reporting",
        severity: .warning,
        category: .security,
        summary: "Content-Security-Policy-Report-Only policy without report-to or report-uri",
        rationale: """
            A report-only policy is monitored, not enforced (CSP Level 3 §3.2): its whole point \
            is the violation reports, and reports go to the server only through the report-to \
            or report-uri directive (§6.5). Without either, violations appear only in the \
            console of the visitor's browser, so the policy being tested produces no data for \
            the site.
            """,
        fix: "Add `report-to <endpoint>` (with Reporting-Endpoints) and, for older browsers, `report-uri <url>`",
        spec: [SpecReference(document: "CSP Level 3", section: "3.2 Content-Security-Policy-Report-Only",
                             url: "https://www.w3.org/TR/CSP3/#cspro-header"),
               SpecReference(document: "CSP Level 3", section: "6.5 Reporting Directives",
                             url: "https://www.w3.org/TR/CSP3/#directives-reporting")],
        fields: [ContentSecurityPolicy.reportOnly],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy-Report-Only: default-src 'self'\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy-Report-Only: default-src 'self'; Report-URI /csp-reports\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nReporting-Endpoints: csp=\"https://example.com/csp\"\nContent-Security-Policy-Report-Only: default-src 'self'; report-to csp\nContent-Length: 0\n\n"),
            // An enforced policy works without reports.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nContent-Security-Policy: default-src 'self'\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for policy in report.reading(CSPPolicies.self, of: response).all where policy.isReportOnly && !policy.directives.isEmpty {
            guard !policy.directives.contains(where: { $0.name == "report-to" || $0.name == "report-uri" }) else { continue }
            report.add("\(policy.fieldName) has no report-to or report-uri; violations of the policy are reported nowhere but the browser console",
                       at: policy.field.valueSpan, status: response.status)
        }
    }
}
