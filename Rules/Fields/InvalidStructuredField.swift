import HTTPLintCore

/// A field defined as a Structured Field (RFC 9651) whose value does not parse.
struct InvalidStructuredField: Rule {
    static let description = RuleDescription(
        id: "invalid-structured-field",
        severity: .error,
        category: .fields,
        summary: "Structured field (Priority, Cache-Status, Proxy-Status…) whose value does not parse",
        rationale: """
            Fields defined with Structured Field Values (RFC 9651) are parsed by one strict \
            algorithm (§4.2), and "when a field fails to parse, the entire field is ignored": a \
            single stray character makes the whole field disappear for conforming recipients. \
            All field lines of one name are combined before parsing, as §4.2 requires.
            """,
        fix: "Write the value in Structured Field syntax: lowercase keys, quoted strings, `?1` for true",
        spec: [SpecReference(rfc: 9651, section: "4.2")],
        runsWhen: .anyOf(FieldDefinition.all.filter { $0.structuredType != nil }.map(\.name)),
        triggering: [
            Example("HTTP/1.1 200 OK\nPriority: U=3\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nCache-Status: ExampleCache; hit; ttl=1.5s\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nPriority: u=3, i\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nCache-Status: ExampleCache; hit; ttl=376\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for entry in report.reading(StructuredFieldValues.self, of: response).all {
            guard case .failure(let error) = entry.parsed else { continue }
            report.add("\(entry.definition.name) is not a valid structured \(entry.type.rawValue): \(error); recipients ignore the whole field",
                       at: entry.span, status: response.status)
        }
    }
}
