import HTTPLintCore

/// Fields that must be known before the content, sent as trailers.
struct FieldNotAllowedInTrailers: Rule {
    static let description = RuleDescription(
        id: "field-not-allowed-in-trailers",
        severity: .error,
        category: .fields,
        summary: "Field sent as a trailer whose definition does not allow trailers",
        rationale: """
            RFC 9110 §6.5.1: "Many fields cannot be processed outside the header section \
            because their evaluation is necessary prior to receiving the content, such as those \
            that describe message framing, routing, authentication, request modifiers, response \
            controls, or content format. A sender MUST NOT generate a trailer field unless the \
            sender knows the corresponding header field name's definition permits the field to \
            be sent in trailers." Recipients discard or ignore such trailers.
            """,
        fix: "Send the field in the header section",
        spec: [.rfc9110("6.5.1"), .rfc9110("6.5.2")],
        triggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2\nok\n0\nContent-Type: text/plain\n\n", line: 7),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n0\nContent-Length: 2\n\n", line: 5),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\nTrailer: Server-Timing\n\n2\nok\n0\nServer-Timing: db;dur=53\n\n"),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n0\nX-Checksum: abc\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.trailers {
            guard let definition = FieldDefinition.lookup(field), definition.allowedInTrailers == false else { continue }
            report.add("\(definition.name) is sent as a trailer, which its definition does not allow; recipients ignore it",
                       at: field.lineSpan, status: response.status)
        }
    }
}
