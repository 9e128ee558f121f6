/// A JSON validator (RFC 8259) for field values made of JSON texts, such as NEL and Report-To:
///
///     json-field-value = #json-field-item      ; draft-reschke-http-jfv §2
///     json-field-item  = JSON-text
///
/// It reports the first error with its offset and never builds the values. Nesting is
/// limited so that no input can exhaust the stack.
enum JSONText {
    /// The type of a top-level JSON value.
    enum Kind: String {
        case object, array, string, number, literal = "true, false or null"
    }

    struct Problem: Error {
        let offset: Int
        let reason: String
    }

    /// The kinds of the comma-separated JSON texts in `bytes` (empty members skipped, as in
    /// any `#` list), or the first syntax error.
    static func members(of bytes: [UInt8]) throws(Problem) -> [Kind] {
        var parser = Parser(bytes: bytes)
        var kinds: [Kind] = []
        while true {
            parser.skipSpace()
            if parser.isAtEnd { return kinds }
            if parser.peek == ASCII.comma {
                parser.index += 1
                continue
            }
            kinds.append(try parser.value(depth: 0))
            parser.skipSpace()
            if parser.isAtEnd { return kinds }
            guard parser.peek == ASCII.comma else { throw parser.error("expected ',' between JSON values") }
            parser.index += 1
        }
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        static let maximumDepth = 64

        var isAtEnd: Bool { index >= bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        func error(_ reason: String) -> Problem {
            let what = peek.map { Printable.describe($0) } ?? "the end of the value"
            return Problem(offset: index, reason: "\(reason), found \(what)")
        }

        /// JSON's insignificant whitespace: SP, HTAB, LF, CR.
        mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func value(depth: Int) throws(Problem) -> Kind {
            guard depth < Self.maximumDepth else { throw error("JSON nested more than \(Self.maximumDepth) levels") }
            skipSpace()
            switch peek {
            case 0x7B?: try object(depth: depth); return .object
            case 0x5B?: try array(depth: depth); return .array
            case ASCII.dquote?: try string(); return .string
            case 0x2D?, 0x30?, 0x31?, 0x32?, 0x33?, 0x34?, 0x35?, 0x36?, 0x37?, 0x38?, 0x39?: try number(); return .number
            default:
                for literal in ["true", "false", "null"] where bytes[index...].starts(with: literal.utf8) {
                    index += literal.utf8.count
                    return .literal
                }
                throw error("expected a JSON value")
            }
        }

        mutating func object(depth: Int) throws(Problem) {
            index += 1
            skipSpace()
            if peek == 0x7D { index += 1; return }
            while true {
                skipSpace()
                guard peek == ASCII.dquote else { throw error("expected a member name in double quotes") }
                try string()
                skipSpace()
                guard peek == ASCII.colon else { throw error("expected ':' after a member name") }
                index += 1
                _ = try value(depth: depth + 1)
                skipSpace()
                if peek == 0x7D { index += 1; return }
                guard peek == ASCII.comma else { throw error("expected ',' or '}' in an object") }
                index += 1
            }
        }

        mutating func array(depth: Int) throws(Problem) {
            index += 1
            skipSpace()
            if peek == 0x5D { index += 1; return }
            while true {
                _ = try value(depth: depth + 1)
                skipSpace()
                if peek == 0x5D { index += 1; return }
                guard peek == ASCII.comma else { throw error("expected ',' or ']' in an array") }
                index += 1
            }
        }

        mutating func string() throws(Problem) {
            index += 1
            while let byte = peek {
                switch byte {
                case ASCII.dquote:
                    index += 1
                    return
                case ASCII.backslash:
                    index += 1
                    guard let escaped = peek else { break }
                    if escaped == 0x75 {  // \uXXXX
                        guard index + 4 < bytes.count, bytes[(index + 1)...(index + 4)].allSatisfy({ ASCII.hexValue($0) != nil }) else {
                            throw error("expected four hex digits after \\u")
                        }
                        index += 5
                    } else {
                        guard Array("\"\\/bfnrt".utf8).contains(escaped) else { throw error("invalid escape in a string") }
                        index += 1
                    }
                case 0x00..<0x20:
                    throw error("control characters must be escaped in a string")
                default:
                    index += 1
                }
            }
            throw error("the string has no closing '\"'")
        }

        // number = [ "-" ] int [ frac ] [ exp ]
        mutating func number() throws(Problem) {
            _ = take(0x2D)
            if take(0x30) {
                // A leading zero stands alone.
            } else {
                guard digits() > 0 else { throw error("expected a digit") }
            }
            if take(ASCII.dot) {
                guard digits() > 0 else { throw error("expected a digit after '.'") }
            }
            if take(0x65) || take(0x45) {
                _ = take(0x2B) || take(0x2D)
                guard digits() > 0 else { throw error("expected a digit in the exponent") }
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func digits() -> Int {
            let start = index
            while let byte = peek, ASCII.isDigit(byte) { index += 1 }
            return index - start
        }
    }
}
