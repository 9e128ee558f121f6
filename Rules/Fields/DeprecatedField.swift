import HTTPLintCore

/// Fields the registry marks deprecated or obsoleted.
struct DeprecatedField: Rule {
    static let description = RuleDescription(
        id: "deprecated-field",
        severity: .warning,
        category: .fields,
        summary: "Deprecated or obsoleted field",
        rationale: """
            The IANA HTTP Field Name Registry (RFC 9110 §16.3.1) marks fields whose definition \
            was retired: Pragma and Warning by RFC 9111, Content-MD5, Expect-CT, Public-Key-Pins \
            and others. Clients ignore them or, worse, still act on an outdated meaning; what \
            they were for is done by another field now.
            """,
        fix: "Remove the field, or send its replacement",
        spec: [.rfc9110("16.3.1")],
        runsWhen: .anyOf(FieldDefinition.all.filter(isRetired).map(\.name)),
        triggering: [
            Example("HTTP/1.1 200 OK\nPragma: no-cache\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nWarning: 110 - \"Response is Stale\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: no-cache\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nX-Pragma: no-cache\nContent-Length: 0\n\n"),
        ]
    )

    static func isRetired(_ definition: FieldDefinition) -> Bool {
        definition.standing == .deprecated || definition.standing == .obsoleted
    }

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            for field in response.fields {
                guard let definition = FieldDefinition.lookup(field), Self.isRetired(definition) else { continue }
                let source = definition.spec.map { " (\($0))" } ?? ""
                let instead = definition.replacement.map { "; use \($0) instead" } ?? ""
                report.add("\(definition.name) is \(definition.standing.rawValue)\(source)\(instead)", at: field.lineSpan, status: response.status)
            }
        }
    }
}
