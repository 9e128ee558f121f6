import HTTPLintCore

/// The XSS auditor is gone, and turning it on was harmful.
struct XSSProtectionEnabled: Rule {
    static let description = RuleDescription(
        id: "x-xss-protection-enabled",
        severity: .warning,
        category: .security,
        summary: "X-XSS-Protection that turns the old XSS auditor on",
        rationale: """
            X-XSS-Protection controlled the XSS auditors of old browsers, which current browsers \
            have removed; the auditor itself could be abused to leak data from pages \
            (cross-site information leaks), so `1` and `1; mode=block` did harm where they \
            still worked. It is not registered in the IANA field registry (RFC 9110 §16.3.1). \
            `0` (off) is harmless.
            """,
        fix: "Remove X-XSS-Protection (or send `0`) and use Content-Security-Policy",
        spec: [.rfc9110("16.3.1")],
        fields: ["X-XSS-Protection"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nX-XSS-Protection: 1; mode=block\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nX-XSS-Protection: 0\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.xXSSProtection) where field.value.trimmingWhitespace().hasPrefix("1") {
            report.add("X-XSS-Protection '\(field.value)' turns on an auditor browsers have removed and that leaked data; send 0 or nothing",
                       at: field.valueSpan, status: response.status)
        }
    }
}
