import HTTPLintCore

/// Dates in the obsolete RFC 850 or asctime forms.
struct ObsoleteDateFormat: Rule {
    static let description = RuleDescription(
        id: "obsolete-date-format",
        severity: .warning,
        category: .fields,
        summary: "Date in the obsolete RFC 850 or asctime form",
        rationale: """
            RFC 9110 §5.6.7: "When a sender generates a field that contains one or more \
            timestamps defined as HTTP-date, the sender MUST generate those timestamps in the \
            IMF-fixdate format." Recipients must still accept the RFC 850 form (with its \
            two-digit year) and the asctime form, so nothing breaks at once, which is why this \
            is a warning; the two-digit year is ambiguous.
            """,
        fix: "Send dates as IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`",
        spec: [.rfc9110("5.6.7")],
        fields: ["Date", "Last-Modified", "Retry-After"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sunday, 06-Nov-94 08:49:37 GMT\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nLast-Modified: Sun Nov  6 08:49:37 1994\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for parsed in report.reading(DateFields.self, of: response).checked {
            guard case .success(let date) = parsed.result, date.format != .imfFixdate else { continue }
            let field = parsed.field
            report.add("\(field.name) uses the obsolete \(date.format.rawValue) date form; senders must use IMF-fixdate",
                       at: field.valueSpan, status: response.status)
        }
    }
}
