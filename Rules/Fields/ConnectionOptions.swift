import HTTPLintCore

/// The Connection fields of a response and their options in lowercase (option names are
/// case-insensitive, RFC 9110 §7.6.1), read once for the rules about connection options
/// (``FindingReporter/reading(_:of:)``).
final class ConnectionOptions: ResponseReading {
    /// Each Connection field line, in order, with its options lowercased.
    let lines: [Line]

    /// One Connection field line and its options. A struct rather than a tuple: copies of a
    /// tuple went through the runtime's generic copy.
    struct Line {
        let field: Field
        let options: [String]
    }

    init(_ response: Response) {
        lines = response.fields.named(.connection).map { field in Line(field: field, options: Self.options(of: field)) }
    }

    /// The field's list elements in lowercase, each made in one step from the value bytes.
    private static func options(of field: Field) -> [String] {
        let value = field.readValueBytes
        var options: [String] = []
        options.reserveCapacity(2)  // one or two options, usually: one allocation
        ListSyntax.forEachElement(of: value) { range in
            let element = value[range]
            // Option names are tokens, so ASCII: other bytes go through the lossless decoding.
            guard element.allSatisfy({ $0 < 0x80 }) else {
                options.append(SourceText.decode(element).asciiLowercased())
                return
            }
            options.append(String(unsafeUninitializedCapacity: element.count) { out in
                var index = 0
                for byte in element {
                    out[index] = byte.asciiLowercased
                    index += 1
                }
                return index
            })
        }
        return options
    }

    /// How many options all the lines list together.
    var optionCount: Int { lines.reduce(0) { $0 + $1.options.count } }

    /// Whether a line lists `option` (given in lowercase).
    func contains(_ option: String) -> Bool { lines.contains { $0.options.contains(option) } }
}
