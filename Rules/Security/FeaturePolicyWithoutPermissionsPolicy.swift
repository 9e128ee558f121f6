import HTTPLintCore

/// Feature-Policy is the superseded form of Permissions-Policy.
struct FeaturePolicyWithoutPermissionsPolicy: Rule {
    static let description = RuleDescription(
        id: "feature-policy-without-permissions-policy",
        severity: .warning,
        category: .security,
        summary: "Feature-Policy without Permissions-Policy",
        rationale: """
            Feature Policy was renamed Permissions Policy, and its header was replaced by \
            Permissions-Policy with a structured-field syntax. Only Chromium-based browsers \
            ever read Feature-Policy (Firefox never shipped the header), and they prefer \
            Permissions-Policy when both are present. A response with only Feature-Policy \
            therefore restricts nothing in most browsers. Sending both during a migration is \
            fine and not reported.
            """,
        fix: "Send Permissions-Policy: `Feature-Policy: camera 'none'` becomes `Permissions-Policy: camera=()`",
        spec: [SpecReference(document: "Permissions Policy", section: "Permissions-Policy HTTP Header Field",
                             url: "https://www.w3.org/TR/permissions-policy/#permissions-policy-http-header-field")],
        fields: ["Feature-Policy", "Permissions-Policy"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nFeature-Policy: camera 'none'; geolocation 'self'\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nFeature-Policy: camera 'none'\nPermissions-Policy: camera=()\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nPermissions-Policy: camera=()\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let field = response.fields.first(named: .featurePolicy), !response.fields.contains(.permissionsPolicy) else { return }
        report.add("Feature-Policy is superseded by Permissions-Policy, and only Chromium-based browsers read it; send Permissions-Policy",
                   at: field.lineSpan, status: response.status)
    }
}
