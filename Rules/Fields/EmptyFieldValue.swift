import HTTPLintCore

/// A field sent empty although its grammar requires a value.
struct EmptyFieldValue: Rule {
    static let description = RuleDescription(
        id: "empty-field-value",
        severity: .warning,
        category: .fields,
        summary: "Field sent with an empty value although its grammar requires one (TTL, Sec-WebSocket-Accept…)",
        rationale: """
            RFC 9110 §5.5 allows an empty field value in general, but a field's own grammar \
            decides: `#element` lists may be empty (§5.6.1), while `1#element` lists and single \
            values such as `TTL = 1*DIGIT` (RFC 8030 §5.2) or `Sec-WebSocket-Accept` (RFC 6455 \
            §4.2.2) need at least one. An empty one usually means a template or proxy dropped \
            the value; recipients ignore the field or fail the exchange. The field table lists \
            the fields this checks.
            """,
        fix: "Send the value the field needs, or leave the field out",
        spec: [.rfc9110("5.5"), .rfc9110("5.6.1")],
        triggering: [
            Example("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Accept:\n\n", line: 4),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nTiming-Allow-Origin: \nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            // `Trailer = #field-name` and `Access-Control-Expose-Headers = #field-name` may be empty.
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nAccess-Control-Expose-Headers:\nTrailer:\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\n\n"),
            // Fields without a value syntax here are left to their own rules.
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nX-Custom:\nContent-Length: 0\n\n"),
        ]
    )

    /// The table fields a response may carry whose value syntax does not allow an empty value.
    private static let checked = FieldDefinition.entries { definition in
        definition.direction != .request && definition.valueSyntax.map { !$0.allowsEmpty } == true
    }

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        Self.check(response.fields, of: response, &report)
        Self.check(response.trailers, of: response, &report)
    }

    private static func check(_ fields: Fields, of response: Response, _ report: inout FindingReporter) {
        let checked = Self.checked
        fields.forEach { field in
            guard field.isEmptyValue, checked.contains(field), let syntax = FieldDefinition.lookup(field)?.valueSyntax else { return }
            let expected = (syntax.isList ? "at least one member, each " : "") + syntax.element.noun
            report.add("\(field.name) is empty, but it must hold \(expected)", at: field.lineSpan, status: response.status)
        }
    }
}
