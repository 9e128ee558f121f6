import HTTPLintCore

/// Expires values such as 0 or -1.
struct InvalidExpires: Rule {
    static let description = RuleDescription(
        id: "invalid-expires",
        severity: .warning,
        category: .fields,
        summary: "Expires that is not an HTTP date, such as `0` or `-1`",
        rationale: """
            RFC 9111 §5.3: `Expires = HTTP-date`, and "a cache recipient MUST interpret invalid \
            date formats, especially the value "0", as representing a time in the past (i.e., \
            "already expired")." So `Expires: 0` works by accident of that rule; the sender \
            still breaks the grammar, and the intent is clearer with Cache-Control.
            """,
        fix: "Send `Cache-Control: no-cache` (or `max-age=0`), or an Expires date in the past as IMF-fixdate",
        spec: [SpecReference(rfc: 9111, section: "5.3")],
        fields: ["Expires"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nExpires: 0\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nExpires: -1\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nExpires: Thu, 01 Jan 1970 00:00:00 GMT\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.expires) {
            do {
                _ = try HTTPDate.parse(field.value)
            } catch {
                report.add("Expires '\(Printable.escape(field.value))' is not an HTTP date (\(error)); caches read it as already expired",
                           at: field.valueSpan, status: response.status)
            }
        }
    }
}
