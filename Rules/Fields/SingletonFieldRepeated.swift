import HTTPLintCore

/// A field that takes one value, sent on several lines.
struct SingletonFieldRepeated: Rule {
    static let description = RuleDescription(
        id: "singleton-field-repeated",
        severity: .error,
        category: .fields,
        summary: "Field that takes a single value sent on several lines",
        rationale: """
            RFC 9110 §5.3: "A sender MUST NOT generate multiple field lines with the same name \
            in a message … unless that field's definition allows multiple field line values to \
            be recombined as a comma-separated list". For a singleton field such as Date, ETag, \
            Location or Content-Type, recipients pick one line or the other, or reject the \
            message, so the response means different things to different clients. Content-Length \
            is reported by the framing rules; Set-Cookie may repeat.
            """,
        fix: "Send the field once, with the one value meant",
        spec: [.rfc9110("5.3")],
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Type: application/json\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 302 Found\nLocation: /a\nlocation: /b\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nETag: \"a\"\nETag: \"a\"\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: no-cache\nCache-Control: private\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nSet-Cookie: a=1\nSet-Cookie: b=2\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nX-Custom: 1\nX-Custom: 2\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            check(response.fields, in: response, &report)
            check(response.trailers, in: response, &report)
        }
    }

    /// The singleton table fields but Content-Length, whose repeats have rules of their own.
    private static let singletons = FieldDefinition.entries { $0.cardinality == .singleton && $0.name != "Content-Length" }

    private func check(_ fields: Fields, in response: Response, _ report: inout FindingReporter) {
        // Singletons are table fields: one bit per table entry says whether one came before.
        var seen = FieldNameSet()
        let singletons = Self.singletons
        fields.forEach { field in
            guard singletons.contains(field), !seen.insert(nameOf: field), let definition = FieldDefinition.lookup(field),
                  let first = fields.first(named: definition.name) else { return }
            let values = first.value == field.value ? "the same value twice" : "'\(first.value)' and '\(field.value)'"
            report.add("\(definition.name) takes one value but is sent again with \(values)", at: field.lineSpan, status: response.status)
        }
    }
}
