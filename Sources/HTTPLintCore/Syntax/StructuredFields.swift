/// Structured Field Values (RFC 9651): the parser for fields defined as Lists, Dictionaries
/// or Items, following the algorithms of RFC 9651 §4.2. It reports the first error with its
/// byte offset; it never repairs input.
///
/// ```swift
/// let priority = try StructuredFields.parseDictionary("u=3, i")   // [("u", 3), ("i", true)]
/// ```
public enum StructuredFields {
    /// sf-integer / sf-decimal / sf-string / sf-token / sf-binary / sf-boolean / sf-date / sf-displaystring
    public enum BareItem: Sendable, Hashable {
        case integer(Int64)
        case decimal(Double)
        case string(String)
        case token(String)
        case byteSequence([UInt8])
        case boolean(Bool)
        case date(Int64)
        case displayString(String)
    }

    /// Parameters in order; a repeated key keeps its first position and its last value.
    public typealias Parameters = [(key: String, value: BareItem)]

    public struct Item: Sendable {
        public let bare: BareItem
        public let parameters: Parameters
    }

    /// A List or Dictionary member: an Item or an Inner List.
    public enum Member: Sendable {
        case item(Item)
        case innerList([Item], Parameters)
    }

    public typealias List = [Member]
    /// Members in order; a repeated key keeps its first position and its last value.
    public typealias Dictionary = [(key: String, value: Member)]

    /// Why a value is not a structured field of the expected type.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        /// Byte offset in the value where parsing failed.
        public let offset: Int
        public let reason: String
        public var description: String { "\(reason) (at character \(offset + 1))" }
    }

    public static func parseItem(_ value: String) throws(ParseError) -> Item {
        try parseField(Array(value.utf8)) { (parser: inout Parser) throws(ParseError) in try parser.item() }
    }

    public static func parseList(_ value: String) throws(ParseError) -> List {
        try parseField(Array(value.utf8)) { (parser: inout Parser) throws(ParseError) in try parser.list() }
    }

    public static func parseDictionary(_ value: String) throws(ParseError) -> Dictionary {
        try parseField(Array(value.utf8)) { (parser: inout Parser) throws(ParseError) in try parser.dictionary() }
    }

    /// A parsed field value of any of the three top-level types.
    public enum Value: Sendable {
        case item(Item)
        case list(List)
        case dictionary(Dictionary)
    }

    /// `value` parsed as `type`: one entry point for readers that parse a field once and hand
    /// the result to several checks.
    public static func parse(_ value: String, as type: FieldDefinition.StructuredType) throws(ParseError) -> Value {
        switch type {
        case .item: .item(try parseItem(value))
        case .list: .list(try parseList(value))
        case .dictionary: .dictionary(try parseDictionary(value))
        }
    }

    /// RFC 9651 §4.2: leading and trailing SP are discarded; anything else left over fails.
    private static func parseField<T>(_ bytes: [UInt8],
                                      _ body: (inout Parser) throws(ParseError) -> T) throws(ParseError) -> T {
        if let bad = bytes.firstIndex(where: { $0 > 0x7E || ($0 < 0x20 && $0 != 0x09) }) {
            throw ParseError(offset: bad, reason: "\(Printable.describe(bytes[bad])) is not allowed in a structured field")
        }
        var parser = Parser(bytes: bytes)
        parser.skipSpaces()
        let result = try body(&parser)
        parser.skipSpaces()
        guard parser.isAtEnd else { throw parser.error("unexpected \(Printable.describe(parser.peek!)) after the value") }
        return result
    }

    struct Parser {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index >= bytes.count }
        var peek: UInt8? { isAtEnd ? nil : bytes[index] }

        func error(_ reason: String) -> ParseError { ParseError(offset: index, reason: reason) }

        mutating func skipSpaces() { while peek == 0x20 { index += 1 } }
        mutating func skipOWS() { while peek == 0x20 || peek == 0x09 { index += 1 } }

        mutating func expect(_ byte: UInt8, _ what: String) throws(ParseError) {
            guard peek == byte else { throw error("expected \(what)") }
            index += 1
        }

        // §4.2.1
        mutating func list() throws(ParseError) -> List {
            var members: List = []
            while !isAtEnd {
                members.append(try member())
                skipOWS()
                if isAtEnd { return members }
                try expect(0x2C, "',' between list members")
                skipOWS()
                if isAtEnd { throw error("a trailing comma ends the list") }
            }
            return members
        }

        mutating func member() throws(ParseError) -> Member {
            if peek == 0x28 { return try innerList() }
            return .item(try item())
        }

        // §4.2.1.2
        mutating func innerList() throws(ParseError) -> Member {
            try expect(0x28, "'('")
            var items: [Item] = []
            while !isAtEnd {
                skipSpaces()
                if peek == 0x29 {
                    index += 1
                    return .innerList(items, try parameters())
                }
                items.append(try item())
                guard peek == 0x20 || peek == 0x29 else { throw error("expected a space or ')' in an inner list") }
            }
            throw error("the inner list has no closing ')'")
        }

        // §4.2.2
        mutating func dictionary() throws(ParseError) -> Dictionary {
            var members: Dictionary = []
            while !isAtEnd {
                let name = try key()
                let value: Member
                if peek == 0x3D {
                    index += 1
                    value = try member()
                } else {
                    value = .item(Item(bare: .boolean(true), parameters: try parameters()))
                }
                if let existing = members.firstIndex(where: { $0.key == name }) {
                    members[existing].value = value
                } else {
                    members.append((name, value))
                }
                skipOWS()
                if isAtEnd { return members }
                try expect(0x2C, "',' between dictionary members")
                skipOWS()
                if isAtEnd { throw error("a trailing comma ends the dictionary") }
            }
            return members
        }

        // §4.2.3
        mutating func item() throws(ParseError) -> Item {
            Item(bare: try bareItem(), parameters: try parameters())
        }

        // §4.2.3.1
        mutating func bareItem() throws(ParseError) -> BareItem {
            guard let first = peek else { throw error("expected a value") }
            switch first {
            case 0x2D, 0x30...0x39: return try number()
            case 0x22: return .string(try string())
            case 0x2A, 0x41...0x5A, 0x61...0x7A: return .token(token())
            case 0x3A: return .byteSequence(try byteSequence())
            case 0x3F: return .boolean(try boolean())
            case 0x40:
                index += 1
                guard case .integer(let seconds) = try number() else { throw error("a date must be an integer") }
                return .date(seconds)
            case 0x25: return .displayString(try displayString())
            default: throw error("\(Printable.describe(first)) cannot start a value")
            }
        }

        // §4.2.3.2
        mutating func parameters() throws(ParseError) -> Parameters {
            var result: Parameters = []
            while peek == 0x3B {
                index += 1
                skipSpaces()
                let name = try key()
                var value = BareItem.boolean(true)
                if peek == 0x3D {
                    index += 1
                    value = try bareItem()
                }
                if let existing = result.firstIndex(where: { $0.key == name }) {
                    result[existing].value = value
                } else {
                    result.append((name, value))
                }
            }
            return result
        }

        // §4.2.3.3: key = ( lcalpha / "*" ) *( lcalpha / DIGIT / "_" / "-" / "." / "*" )
        mutating func key() throws(ParseError) -> String {
            guard let first = peek, first == 0x2A || (first >= 0x61 && first <= 0x7A) else {
                throw error("a key starts with a lowercase letter or '*'")
            }
            let start = index
            while let byte = peek, (byte >= 0x61 && byte <= 0x7A) || ASCII.isDigit(byte) || byte == 0x5F || byte == 0x2D
                || byte == 0x2E || byte == 0x2A {
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        // §4.2.4
        mutating func number() throws(ParseError) -> BareItem {
            var negative = false
            if peek == 0x2D {
                negative = true
                index += 1
            }
            guard let first = peek, ASCII.isDigit(first) else { throw error("expected a digit") }
            var digits: [UInt8] = []
            var isDecimal = false
            while let byte = peek {
                if ASCII.isDigit(byte) {
                    digits.append(byte)
                } else if !isDecimal, byte == 0x2E {
                    guard digits.count <= 12 else { throw error("a decimal has at most 12 integer digits") }
                    digits.append(byte)
                    isDecimal = true
                } else {
                    break
                }
                index += 1
                if !isDecimal, digits.count > 15 { throw error("an integer has at most 15 digits") }
                if isDecimal, digits.count > 16 { throw error("a decimal has at most 16 characters") }
            }
            let text = String(decoding: digits, as: UTF8.self)
            if !isDecimal {
                let value = Int64(text)!
                return .integer(negative ? -value : value)
            }
            guard digits.last != 0x2E else { throw error("a decimal needs a digit after '.'") }
            guard let dot = digits.firstIndex(of: 0x2E), digits.count - dot - 1 <= 3 else {
                throw error("a decimal has at most 3 fractional digits")
            }
            let value = Double(text)!
            return .decimal(negative ? -value : value)
        }

        // §4.2.5
        mutating func string() throws(ParseError) -> String {
            try expect(0x22, "'\"'")
            var out: [UInt8] = []
            while let byte = peek {
                index += 1
                switch byte {
                case 0x5C:
                    guard let next = peek, next == 0x22 || next == 0x5C else { throw error("only \\\" and \\\\ may be escaped in a string") }
                    out.append(next)
                    index += 1
                case 0x22:
                    return String(decoding: out, as: UTF8.self)
                case 0x20...0x7E:
                    out.append(byte)
                default:
                    index -= 1
                    throw error("\(Printable.describe(byte)) is not allowed in a string")
                }
            }
            throw error("the string has no closing '\"'")
        }

        // §4.2.6: token = ( ALPHA / "*" ) *( tchar / ":" / "/" )
        mutating func token() -> String {
            let start = index
            index += 1
            while let byte = peek, ASCII.isTokenChar(byte) || byte == 0x3A || byte == 0x2F { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        // §4.2.7: ":" *(base64) ":"
        mutating func byteSequence() throws(ParseError) -> [UInt8] {
            try expect(0x3A, "':'")
            let start = index
            while let byte = peek, byte != 0x3A {
                guard ASCII.isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2B || byte == 0x2F || byte == 0x3D else {
                    throw error("\(Printable.describe(byte)) is not base64")
                }
                index += 1
            }
            guard peek == 0x3A else { throw error("the byte sequence has no closing ':'") }
            let encoded = bytes[start..<index]
            index += 1
            guard let decoded = Self.base64(encoded) else { throw ParseError(offset: start, reason: "the byte sequence is not valid base64") }
            return decoded
        }

        // §4.2.8
        mutating func boolean() throws(ParseError) -> Bool {
            try expect(0x3F, "'?'")
            switch peek {
            case 0x31?: index += 1; return true
            case 0x30?: index += 1; return false
            default: throw error("a boolean is ?1 or ?0")
            }
        }

        // §4.2.10: %" then printable ASCII with %xx (lowercase hex) escapes of UTF-8 bytes
        mutating func displayString() throws(ParseError) -> String {
            try expect(0x25, "'%'")
            try expect(0x22, "'\"' after '%'")
            var out: [UInt8] = []
            while let byte = peek {
                guard byte >= 0x20 && byte <= 0x7E else { throw error("\(Printable.describe(byte)) is not allowed in a display string") }
                index += 1
                if byte == 0x25 {
                    guard index + 1 < bytes.count, let high = Self.lowerHex(bytes[index]), let low = Self.lowerHex(bytes[index + 1]) else {
                        throw error("'%' must be followed by two lowercase hex digits")
                    }
                    out.append(UInt8(high << 4 | low))
                    index += 2
                } else if byte == 0x22 {
                    guard let text = String(validating: out, as: UTF8.self) else { throw error("the display string is not UTF-8") }
                    return text
                } else {
                    out.append(byte)
                }
            }
            throw error("the display string has no closing '\"'")
        }

        static func lowerHex(_ byte: UInt8) -> Int? {
            switch byte {
            case 0x30...0x39: Int(byte - 0x30)
            case 0x61...0x66: Int(byte - 0x61 + 10)
            default: nil
            }
        }

        /// Base64 (RFC 4648 §4), padding optional as RFC 9651 §4.2.7 allows.
        static func base64(_ text: ArraySlice<UInt8>) -> [UInt8]? {
            var out: [UInt8] = []
            var buffer: UInt32 = 0
            var bits = 0
            var padding = 0
            for byte in text {
                let value: UInt32
                switch byte {
                case 0x41...0x5A: value = UInt32(byte - 0x41)
                case 0x61...0x7A: value = UInt32(byte - 0x61 + 26)
                case 0x30...0x39: value = UInt32(byte - 0x30 + 52)
                case 0x2B: value = 62
                case 0x2F: value = 63
                case 0x3D: padding += 1; continue
                default: return nil
                }
                if padding > 0 { return nil }  // data after padding
                buffer = buffer << 6 | value
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                }
            }
            return padding > 2 ? nil : out
        }
    }
}
