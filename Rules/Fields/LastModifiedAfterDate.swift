import HTTPLintCore

/// Last-Modified after the response's own Date.
struct LastModifiedAfterDate: Rule {
    static let description = RuleDescription(
        id: "last-modified-after-date",
        severity: .warning,
        category: .fields,
        summary: "Last-Modified later than Date",
        rationale: """
            RFC 9110 §8.8.2.1: "An origin server SHOULD NOT send a Last-Modified date that is \
            later than the server's time of message origination (Date)", and a recipient should \
            replace such a date with the message's Date. A future modification time breaks \
            conditional requests (If-Modified-Since) and heuristic caching.
            """,
        fix: "Send the representation's real modification time, no later than Date",
        spec: [.rfc9110("8.8.2.1")],
        fields: ["Last-Modified", "Date"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nLast-Modified: Sat, 21 Nov 2026 10:00:01 GMT\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nLast-Modified: Sat, 21 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nLast-Modified: Sat, 21 Nov 2026 10:00:01 GMT\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let dates = report.reading(DateFields.self, of: response)
        guard let date = dates.date(.date), let (modified, lastModified) = dates.first(.lastModified),
              lastModified.secondsSince1970 > date.secondsSince1970 else { return }
        report.add("Last-Modified is \(lastModified.secondsSince1970 - date.secondsSince1970) seconds after the response's Date",
                   at: modified.valueSpan, status: response.status)
    }
}
