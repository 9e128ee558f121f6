import HTTPLintCore

/// A date field that is not a date.
struct InvalidHTTPDate: Rule {
    static let description = RuleDescription(
        id: "invalid-http-date",
        severity: .error,
        category: .fields,
        summary: "Date, Last-Modified or Retry-After that is not an HTTP date",
        rationale: """
            RFC 9110 §5.6.7: an HTTP-date is `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate), or \
            one of two obsolete forms that recipients still accept. Anything else, including a \
            weekday that does not match the date, is invalid: caches cannot compute age or \
            freshness from it, and clients ignore it.
            """,
        fix: "Send dates as IMF-fixdate in GMT, such as `Date: Sun, 06 Nov 1994 08:49:37 GMT`",
        spec: [.rfc9110("5.6.7"), .rfc9110("6.6.1")],
        fields: ["Date", "Last-Modified", "Retry-After"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: 2026-11-21T10:00:00Z\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nDate: Mon, 21 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nLast-Modified: Sat, 31 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 503 Service Unavailable\nRetry-After: soon\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 503 Service Unavailable\nRetry-After: 120\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sunday, 06-Nov-94 08:49:37 GMT\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for parsed in report.reading(DateFields.self, of: response).checked {
            guard case .failure(let problem) = parsed.result else { continue }
            let field = parsed.field
            report.add("\(field.name) '\(Printable.escape(field.value))' is not an HTTP date: \(problem)",
                       at: field.valueSpan, status: response.status)
        }
    }
}
