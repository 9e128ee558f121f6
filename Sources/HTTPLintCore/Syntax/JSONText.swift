/// A JSON validator (RFC 8259) for field values made of JSON texts, such as NEL and Report-To:
///
///     json-field-value = #json-field-item      ; draft-reschke-http-jfv §2
///     json-field-item  = JSON-text
///
/// and for content labelled as JSON (``document(_:)``). It reports the first error with its
/// offset and never builds the values. Nesting is limited so that no input can exhaust the
/// stack.
public enum JSONText {
    /// The type of a top-level JSON value.
    enum Kind: String {
        case object, array, string, number, literal = "true, false or null"
    }

    public struct Problem: Error, Equatable, Sendable {
        /// The index of the byte where the text goes wrong (its length when it ends too soon).
        public let offset: Int
        public let reason: String
    }

    /// What ``document(_:)`` found.
    public enum DocumentVerdict: Equatable, Sendable {
        case valid
        case invalid(Problem)
        /// Nested deeper than the validator follows: not judged.
        case tooDeep
    }

    /// Whether `bytes` are exactly one JSON text (RFC 8259 §2: `ws value ws`) in UTF-8 (§8.1).
    /// A leading byte order mark is skipped, as §8.1 lets parsers do.
    public static func document(_ bytes: [UInt8]) -> DocumentVerdict {
        bytes.withUnsafeBufferPointer { document($0) }
    }

    /// ``document(_:)`` for bytes read in place.
    public static func document(_ bytes: UnsafeBufferPointer<UInt8>) -> DocumentVerdict {
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var parser = Parser(bytes, index: start)
        let syntax: Problem?
        do throws(Problem) {
            parser.skipSpace()
            _ = try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.isAtEnd else { throw parser.error("expected the end after the JSON value") }
            syntax = nil
        } catch {
            syntax = error
        }
        // The earlier of the first syntax error and the first byte that is not UTF-8: UTF-8
        // is checked only before the syntax error.
        let end = syntax?.offset ?? bytes.count
        if let invalid = firstInvalidUTF8(bytes, from: start, before: end) {
            return .invalid(Problem(offset: invalid, reason: "a byte sequence that is not UTF-8, \(Printable.describe(bytes[invalid]))"))
        }
        guard let syntax else { return .valid }
        return syntax.reason.hasPrefix(Parser.tooDeep) ? .tooDeep : .invalid(syntax)
    }

    /// The index of the first byte that does not start or continue a well-formed UTF-8
    /// sequence (RFC 3629 §4: no overlong forms, no surrogates, nothing past U+10FFFF), from
    /// `start` on, or `nil` when the rest is UTF-8. The one UTF-8 check of JSON and of content
    /// declared UTF-8.
    public static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8($0, from: start) }
    }

    /// ``firstInvalidUTF8(_:from:)`` for bytes read in place; with `end`, only a sequence
    /// that starts before `end` is judged (the bytes after it may still complete it): the
    /// first bad byte before `end`, exactly as the whole scan finds it.
    public static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int? = nil) -> Int? {
        let count = bytes.count
        let end = min(end ?? count, count)
        guard start < end, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index < end {
            // ASCII, 32 and then eight bytes at a time.
            while index + 32 <= count {
                let words = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
                guard words & 0x8080_8080_8080_8080 == 0 else { break }
                index += 32
            }
            while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < end else { return nil }
            let lead = base[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            guard index + 1 < count, base[index + 1] >= low, base[index + 1] <= high else { return index }
            for next in 2..<length {
                guard index + next < count, base[index + next] & 0xC0 == 0x80 else { return index }
            }
            index += length
        }
        return nil
    }

    /// The kinds of the comma-separated JSON texts in `bytes` (empty members skipped, as in
    /// any `#` list), or the first syntax error.
    static func members(of bytes: [UInt8]) throws(Problem) -> [Kind] {
        let result: Result<[Kind], Problem> = bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(buffer)
            var kinds: [Kind] = []
            do throws(Problem) {
                while true {
                    parser.skipSpace()
                    if parser.isAtEnd { return .success(kinds) }
                    if parser.peek == ASCII.comma {
                        parser.index += 1
                        continue
                    }
                    kinds.append(try parser.value(depth: 0))
                    parser.skipSpace()
                    if parser.isAtEnd { return .success(kinds) }
                    guard parser.peek == ASCII.comma else { throw parser.error("expected ',' between JSON values") }
                    parser.index += 1
                }
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// One pass over the bytes of a JSON text, reading them through a buffer: content can be
    /// megabytes, so each byte costs a few instructions (no optional or bounds check per byte).
    private struct Parser {
        let base: UnsafePointer<UInt8>
        let count: Int
        var index = 0
        static let maximumDepth = 64
        static let tooDeep = "JSON nested more than"

        init(_ buffer: UnsafeBufferPointer<UInt8>, index: Int = 0) {
            // An empty buffer may have no address: a stand-in that is never read (count is 0).
            base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
            count = buffer.count
            self.index = index
        }

        var isAtEnd: Bool { index >= count }
        var peek: UInt8? { index < count ? base[index] : nil }

        func error(_ reason: String) -> Problem {
            let what = peek.map { Printable.describe($0) } ?? "the end of the value"
            return Problem(offset: index, reason: "\(reason), found \(what)")
        }

        /// JSON's insignificant whitespace: SP, HTAB, LF, CR.
        @inline(__always)
        mutating func skipSpace() {
            while index < count {
                let byte = base[index]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
                index += 1
            }
        }

        mutating func value(depth: Int) throws(Problem) -> Kind {
            guard depth < Self.maximumDepth else { throw error("\(Self.tooDeep) \(Self.maximumDepth) levels") }
            skipSpace()
            guard index < count else { throw error("expected a JSON value") }
            switch base[index] {
            case 0x7B: try object(depth: depth); return .object
            case 0x5B: try array(depth: depth); return .array
            case ASCII.dquote: try string(); return .string
            case 0x2D, 0x30...0x39: try number(); return .number
            case 0x74: try literal("true"); return .literal
            case 0x66: try literal("false"); return .literal
            case 0x6E: try literal("null"); return .literal
            default: throw error("expected a JSON value")
            }
        }

        mutating func literal(_ word: StaticString) throws(Problem) {
            let length = word.utf8CodeUnitCount
            guard index + length <= count, (0..<length).allSatisfy({ base[index + $0] == word.utf8Start[$0] }) else {
                throw error("expected a JSON value")
            }
            index += length
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
            while index < count {
                let byte = base[index]
                // Most bytes: neither a quote, a backslash nor a control character.
                if byte != ASCII.dquote && byte != ASCII.backslash && byte >= 0x20 {
                    index += 1
                    continue
                }
                if byte == ASCII.dquote {
                    index += 1
                    return
                }
                if byte < 0x20 { throw error("control characters must be escaped in a string") }
                // A backslash.
                index += 1
                guard index < count else { break }
                let escaped = base[index]
                if escaped == 0x75 {  // \uXXXX
                    guard index + 4 < count, (1...4).allSatisfy({ ASCII.hexValue(base[index + $0]) != nil }) else {
                        throw error("expected four hex digits after \\u")
                    }
                    index += 5
                } else {
                    switch escaped {
                    case ASCII.dquote, ASCII.backslash, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: index += 1
                    default: throw error("invalid escape in a string")
                    }
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

        @inline(__always)
        mutating func take(_ byte: UInt8) -> Bool {
            guard index < count, base[index] == byte else { return false }
            index += 1
            return true
        }

        @inline(__always)
        mutating func digits() -> Int {
            let start = index
            while index < count, base[index] &- 0x30 < 10 { index += 1 }
            return index - start
        }
    }
}
