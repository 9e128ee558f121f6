import HTTPLintCore

/// Cross-Origin-Resource-Policy takes same-origin, same-site or cross-origin, case-sensitive.
struct InvalidCrossOriginResourcePolicy: Rule {
    static let description = RuleDescription(
        id: "invalid-cross-origin-resource-policy",
        severity: .error,
        category: .security,
        summary: "Cross-Origin-Resource-Policy that is not same-origin, same-site or cross-origin",
        rationale: """
            Fetch defines `Cross-Origin-Resource-Policy = %s"same-origin" / %s"same-site" / \
            %s"cross-origin"`, case-sensitive, and its cross-origin resource policy check \
            treats any other value as if the field were absent. A misspelt or capitalized \
            `same-origin` therefore protects nothing: other sites can load the resource in \
            no-cors mode again.
            """,
        fix: "Send exactly `Cross-Origin-Resource-Policy: same-origin` (or same-site, or cross-origin)",
        spec: [SpecReference(document: "Fetch", section: "Cross-Origin-Resource-Policy header",
                             url: "https://fetch.spec.whatwg.org/#cross-origin-resource-policy-header")],
        fields: ["Cross-Origin-Resource-Policy"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nCross-Origin-Resource-Policy: Same-Origin\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nCross-Origin-Resource-Policy: same-site, same-origin\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nCross-Origin-Resource-Policy: cross-origin\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nCross-Origin-Resource-Policy: same-site\nContent-Length: 0\n\n"),
        ]
    )

    static let values = ["same-origin", "same-site", "cross-origin"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        // Each line on its own: two valid lines are singleton-field-repeated's business.
        for field in response.fields.named(.crossOriginResourcePolicy) {
            let value = field.value
            guard !Self.values.contains(value) else { continue }
            let why = Self.values.contains(value.asciiLowercased()) ? "; the values are case-sensitive" : ""
            report.add("Cross-Origin-Resource-Policy '\(Printable.escape(value))' is not same-origin, same-site or cross-origin\(why), so browsers ignore it",
                       at: field.valueSpan, status: response.status)
        }
    }
}
