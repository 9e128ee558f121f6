import HTTPLintCore

/// One challenge of a WWW-Authenticate or Proxy-Authenticate field (RFC 9110 §11.3):
///
///     challenge  = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
///     auth-param = token BWS "=" BWS ( token / quoted-string )
struct AuthChallenge {
    /// The scheme as written (it matches case-insensitively, RFC 9110 §11.1).
    let scheme: String
    /// The token68 form of the challenge's data, if it used that form.
    let token68: String?
    /// The parameters in order: names as written, values with quoting removed.
    let parameters: [(name: String, value: String)]
    /// The field line (an index into the fields parsed) where the challenge starts.
    let fieldIndex: Int
    /// How each parameter was written, in the order of ``parameters``.
    var forms: [AuthParameterForm] = []

    /// Whether the scheme is `name`, ignoring case.
    func isScheme(_ name: String) -> Bool { scheme.asciiLowercased() == name.asciiLowercased() }

    /// The value of the first parameter called `name` (case-insensitive, RFC 9110 §11.2).
    func parameter(_ name: String) -> String? {
        let wanted = name.asciiLowercased()
        return parameters.first { $0.name.asciiLowercased() == wanted }?.value
    }
}

/// How one auth-param was written, for the rules about its form rather than its meaning.
struct AuthParameterForm {
    /// Whether the value was a quoted-string rather than a token.
    let isQuoted: Bool
    /// Whether whitespace stood before or after the `=` (the BWS of RFC 9110 §11.2).
    let hasSpaceAroundEquals: Bool
    /// The characters escaped with a backslash although they are neither `"` nor `\\`.
    let needlessEscapes: [UInt8]
}

/// Parsing of the challenge lists of WWW-Authenticate (RFC 9110 §11.6.1) and
/// Proxy-Authenticate (§11.7.1): `#challenge`. Commas separate both challenges and the
/// parameters of one challenge; an element starts a new challenge when its first token is not
/// followed (after optional whitespace) by `=`.
enum AuthChallenges {
    /// The challenges read from some field lines, and the first syntax error if there is one.
    struct Parsed {
        /// The complete challenges before the first error (all of them when there is none).
        var challenges: [AuthChallenge] = []
        var problem: Problem?
    }

    /// Where and why the list stops matching the grammar.
    struct Problem {
        /// Index of the field line (among those parsed) that holds the error.
        let fieldIndex: Int
        let message: String
    }

    /// The fields that carry challenges.
    static let fieldNames = ["WWW-Authenticate", "Proxy-Authenticate"]

    /// Each challenge field of `response` that is present: its name, its lines and their
    /// challenges.
    static func fields(of response: Response) -> [(name: String, lines: FieldLines, parsed: Parsed)] {
        // Found by table place (one number compared per field), not by name.
        var found: [(name: String, lines: FieldLines, parsed: Parsed)] = []
        for (name, tableField) in zip(fieldNames, tableFields) {
            let lines = response.fields.named(tableField)
            if !lines.isEmpty { found.append((name, lines, parse(lines))) }
        }
        return found
    }

    /// ``fieldNames`` as table fields.
    static let tableFields = fieldNames.map(TableField.init)

    /// Parses the field lines as one combined value (RFC 9110 §5.3: lines of a list field
    /// combine with commas), so that a challenge's parameters may continue on the next line.
    static func parse(_ fields: some Collection<Field>) -> Parsed {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for field in fields {
            if !starts.isEmpty { bytes += Array(", ".utf8) }
            starts.append(bytes.count)
            bytes += field.unfoldedValueBytes
        }
        var parser = Parser(bytes: bytes, starts: starts)
        parser.run()
        return parser.result
    }

    /// Parses one field value on its own.
    static func parse(value: String) -> Parsed {
        var parser = Parser(bytes: Array(value.utf8), starts: [0])
        parser.run()
        return parser.result
    }

    private struct Parser {
        let bytes: [UInt8]
        let starts: [Int]
        var index = 0
        var result = Parsed()
        /// The needless escapes of the quoted string read last.
        var needlessEscapes: [UInt8] = []

        init(bytes: [UInt8], starts: [Int]) {
            self.bytes = bytes
            self.starts = starts
        }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        func fieldIndex(at offset: Int) -> Int {
            starts.lastIndex { $0 <= offset } ?? 0
        }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

        /// token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
        static func isToken68Char(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E, 0x2B, 0x2F: true
            default: false
            }
        }

        mutating func skipSpaces() { while let byte = peek, Self.isSpace(byte) { index += 1 } }

        func skippingSpaces(from start: Int) -> Int {
            var position = start
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
            return position
        }

        func tokenEnd(from start: Int) -> Int {
            var position = start
            while position < bytes.count, bytes[position].isHTTPTokenCharacter { position += 1 }
            return position
        }

        func text(_ range: Range<Int>) -> String { Printable.escape(bytes[range]) }

        /// What is at `position`, for messages: the rest of the element, shortened.
        func found(at position: Int) -> String {
            guard position < bytes.count else { return "the end of the value" }
            var end = position
            while end < bytes.count, bytes[end] != 0x2C, end - position < 24 { end += 1 }
            return "'\(text(position..<max(end, position + 1)))'"
        }

        mutating func fail(_ message: String, at position: Int) {
            result.problem = Problem(fieldIndex: fieldIndex(at: min(position, max(bytes.count - 1, 0))), message: message)
        }

        /// Skips whitespace and the commas of empty list elements.
        mutating func skipEmptyElements() {
            while let byte = peek, Self.isSpace(byte) || byte == 0x2C { index += 1 }
        }

        mutating func run() {
            while true {
                skipEmptyElements()
                guard index < bytes.count else { return }
                guard challenge() else { return }
            }
        }

        /// Reads one challenge at `index`; false after an error.
        mutating func challenge() -> Bool {
            let start = index
            let schemeEnd = tokenEnd(from: index)
            guard schemeEnd > index else {
                fail("expected an authentication scheme (a token), found \(found(at: index))", at: index)
                return false
            }
            let scheme = text(index..<schemeEnd)
            let field = fieldIndex(at: start)
            index = schemeEnd
            let spaced = peek.map(Self.isSpace) ?? false
            skipSpaces()
            guard let next = peek, next != 0x2C else {
                result.challenges.append(AuthChallenge(scheme: scheme, token68: nil, parameters: [], fieldIndex: field))
                return true
            }
            guard spaced else {
                fail("\(found(at: index)) follows the scheme \(scheme) without a space", at: index)
                return false
            }
            // token68, alone up to the end of the element.
            var end = index
            while end < bytes.count, Self.isToken68Char(bytes[end]) { end += 1 }
            if end > index {
                while end < bytes.count, bytes[end] == 0x3D { end += 1 }
                let after = skippingSpaces(from: end)
                if after == bytes.count || bytes[after] == 0x2C {
                    result.challenges.append(AuthChallenge(scheme: scheme, token68: text(index..<end), parameters: [],
                                                           fieldIndex: field))
                    index = after
                    return true
                }
            }
            var parameters: [(name: String, value: String)] = []
            var forms: [AuthParameterForm] = []
            while true {
                let nameEnd = tokenEnd(from: index)
                guard nameEnd > index else {
                    fail("expected a parameter name in the \(scheme) challenge, found \(found(at: index))", at: index)
                    return false
                }
                let name = text(index..<nameEnd)
                index = skippingSpaces(from: nameEnd)
                var spaced = index > nameEnd
                guard peek == 0x3D else {
                    fail("parameter \(name) of the \(scheme) challenge has no '=' and value, found \(found(at: index))", at: index)
                    return false
                }
                index = skippingSpaces(from: index + 1)
                spaced = spaced || bytes[index - 1] != 0x3D
                let valueStart = index
                needlessEscapes = []
                guard let value = parameterValue() else {
                    return false
                }
                parameters.append((name, value))
                forms.append(AuthParameterForm(isQuoted: bytes[valueStart] == 0x22, hasSpaceAroundEquals: spaced,
                                               needlessEscapes: needlessEscapes))
                skipSpaces()
                guard let separator = peek else { break }
                guard separator == 0x2C else {
                    fail("\(found(at: index)) follows the value of parameter \(name) in the \(scheme) challenge; "
                         + "a comma must separate parameters, and a value with spaces must be quoted", at: index)
                    return false
                }
                // After the comma (and any empty elements): another parameter, or the next challenge?
                var lookahead = index
                while lookahead < bytes.count, Self.isSpace(bytes[lookahead]) || bytes[lookahead] == 0x2C { lookahead += 1 }
                let nextEnd = tokenEnd(from: lookahead)
                let afterNext = skippingSpaces(from: nextEnd)
                if nextEnd > lookahead, afterNext < bytes.count, bytes[afterNext] == 0x3D {
                    index = lookahead
                    continue
                }
                break
            }
            result.challenges.append(AuthChallenge(scheme: scheme, token68: nil, parameters: parameters, fieldIndex: field,
                                                   forms: forms))
            return true
        }

        /// token / quoted-string, unquoted; nil after an error.
        mutating func parameterValue() -> String? {
            guard let first = peek else {
                fail("a parameter has '=' but no value at the end of the value", at: index)
                return nil
            }
            if first == 0x22 {
                let open = index
                var value: [UInt8] = []
                index += 1
                while let byte = peek {
                    index += 1
                    if byte == 0x22 { return Printable.escape(value) }
                    if byte == 0x5C {
                        guard let escaped = peek else { break }
                        if escaped != 0x22, escaped != 0x5C { needlessEscapes.append(escaped) }
                        value.append(escaped)
                        index += 1
                    } else {
                        value.append(byte)
                    }
                }
                fail("the quoted string \(found(at: open)) has no closing quote", at: open)
                return nil
            }
            let end = tokenEnd(from: index)
            guard end > index else {
                fail("expected a token or a quoted string as a parameter value, found \(found(at: index))", at: index)
                return nil
            }
            defer { index = end }
            return text(index..<end)
        }
    }
}
