import HTTPLintCore

/// Vary lists field names, or is `*`.
struct InvalidVary: Rule {
    static let description = RuleDescription(
        id: "invalid-vary",
        severity: .error,
        category: .fields,
        summary: "Vary member that is not a field name, or `*` next to field names",
        rationale: """
            RFC 9110 §12.5.5: `Vary = #( "*" / field-name )`. Caches key stored responses on \
            the listed request fields; a member that is no field name cannot be matched, and \
            `*` already means "never reuse without revalidation", so field names beside it are \
            meaningless and show a mistake.
            """,
        fix: "List request field names (`Vary: Accept-Encoding, Origin`), or send `Vary: *` alone",
        spec: [.rfc9110("12.5.5")],
        fields: ["Vary"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nVary: Accept Encoding\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nVary: *, Origin\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nVary: Accept-Encoding, Origin\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nVary: *\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let (lines, memberCount, hasStar) = TokenLists.report(.vary, what: "field name", in: response, &report)
        if hasStar, memberCount > 1, let field = lines.first {
            report.add("Vary lists * together with field names; * alone already says it all", at: field.valueSpan, status: response.status)
        }
    }
}
