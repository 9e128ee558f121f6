import HTTPLintCore

/// Fields that only mean something in a request, sent in a response.
struct RequestFieldInResponse: Rule {
    static let description = RuleDescription(
        id: "request-field-in-response",
        severity: .warning,
        category: .fields,
        summary: "Request-only field (Host, Accept, Cookie, User-Agent…) in a response",
        rationale: """
            Each field's definition says where it belongs (RFC 9110 §6.3: request fields \
            "provide additional information about the request"). A request field in a \
            response means nothing to the client; it usually shows a server echoing the \
            request's fields back, which can leak Cookie or Authorization values to places \
            that log responses.
            """,
        fix: "Remove the field from the response",
        spec: [.rfc9110("6.3"), .rfc9110("7.2")],
        runsWhen: .anyOf(FieldDefinition.all.filter(isRequestOnly).map(\.name)),
        triggering: [
            Example("HTTP/1.1 200 OK\nHost: example.com\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nCookie: session=abc\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nAccept-Ranges: bytes\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nVary: Accept, Cookie\nContent-Length: 0\n\n"),
            // A 415 lists the codings the server accepts (RFC 9110 §15.5.16).
            Example("HTTP/1.1 415 Unsupported Media Type\nAccept-Encoding: gzip, br;q=0.5\nContent-Length: 0\n\n"),
        ]
    )

    /// Deprecated ones (Pragma) are deprecated-field's.
    static func isRequestOnly(_ definition: FieldDefinition) -> Bool {
        definition.direction == .request && !DeprecatedField.isRetired(definition)
    }

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            for field in response.fields {
                guard let definition = FieldDefinition.lookup(field), Self.isRequestOnly(definition) else { continue }
                let source = definition.spec.map { " (\($0))" } ?? ""
                report.add("\(definition.name) is a request field\(source); it means nothing in a response",
                           at: field.lineSpan, status: response.status)
            }
        }
    }
}
