import HTTPLintCore

/// The header fields of a response that the table defines as Structured Fields (RFC 9651),
/// each name's lines combined and parsed once for the rules that judge them: whether the value
/// parses (invalid-structured-field) and whether its members are what the field's
/// specification asks for (invalid-field-value).
final class StructuredFieldValues: ResponseReading {
    /// One structured field name: its lines, its definition and its value parsed.
    struct Entry {
        let definition: FieldDefinition
        let type: FieldDefinition.StructuredType
        let lines: FieldLines
        /// The lines' values joined with ", " (RFC 9651 §4.2: lines are combined first).
        let value: String
        let parsed: Result<StructuredFields.Value, StructuredFields.ParseError>

        /// Where findings about the value point: the value of a single line, else the first line.
        var span: ByteSpan { lines.count == 1 ? lines[0].valueSpan : lines[0].lineSpan }
    }

    /// One entry per structured field name, in the order of each name's first line.
    let all: [Entry]

    /// The table fields defined as structured fields.
    private static let structured = FieldDefinition.entries { $0.structuredType != nil }

    init(_ response: Response) {
        var all: [Entry] = []
        var done = FieldNameSet()
        let structured = Self.structured
        let fields = response.fields
        fields.forEach { field in
            guard structured.contains(field), done.insert(nameOf: field), let definition = FieldDefinition.lookup(field),
                  let type = definition.structuredType, let tableField = TableField(of: field) else { return }
            let lines = fields.named(tableField)
            let value = lines.count == 1 ? lines[0].value : lines.map(\.value).joined(separator: ", ")
            let parsed = Result { () throws(StructuredFields.ParseError) in try StructuredFields.parse(value, as: type) }
            all.append(Entry(definition: definition, type: type, lines: lines, value: value, parsed: parsed))
        }
        self.all = all
    }
}
