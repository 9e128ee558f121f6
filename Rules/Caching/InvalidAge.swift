import HTTPLintCore

/// Age is a number of seconds.
struct InvalidAge: Rule {
    static let description = RuleDescription(
        id: "invalid-age",
        severity: .error,
        category: .caching,
        summary: "Age that is not a number of seconds",
        rationale: """
            RFC 9111 §5.1: `Age = delta-seconds`, a non-negative decimal integer. Caches add it \
            to compute the response's current age (§4.2.3); one they cannot read is ignored, \
            and the response may be served as fresher than it is.
            """,
        fix: "Send the age in whole seconds: `Age: 120`",
        spec: [SpecReference(rfc: 9111, section: "5.1"), SpecReference(rfc: 9111, section: "1.2.2")],
        fields: ["Age"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nAge: 1.5\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nAge: -3\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nAge: 0\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nAge: 86400\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.age) {
            let value = field.readValueBytes.trimmingWhitespace()
            guard value.isEmpty || !value.allSatisfy(\.isASCIIDigit) else { continue }
            report.add("Age '\(Printable.escape(field.value))' is not a number of seconds", at: field.valueSpan, status: response.status)
        }
    }
}
