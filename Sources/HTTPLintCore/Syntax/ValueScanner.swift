/// A cursor over the bytes of a field value, for the small grammars of `ValueSyntax` and the
/// rules that read tokens, quoted strings, optional whitespace and single characters.
public struct ValueScanner {
    public let bytes: [UInt8]
    public var index: Int

    public init(_ bytes: [UInt8], from index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    public init<S: StringProtocol>(_ text: S) { self.init(Array(text.utf8)) }

    public var isAtEnd: Bool { index >= bytes.count }
    public var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// `OWS` (RFC 9110 §5.6.3).
    public mutating func skipWhitespace() {
        while let byte = peek, ASCII.isWhitespace(byte) { index += 1 }
    }

    /// Consumes `byte` if it is next.
    public mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    /// `token = 1*tchar`: the token, or `nil` (nothing consumed) when none starts here.
    public mutating func token() -> String? {
        let start = index
        return skipToken() ? SourceText.decode(bytes[start..<index]) : nil
    }

    /// ``token()`` in lowercase (A-Z to a-z), made in one step: for case-insensitive tokens
    /// such as media types (a token is ASCII, so this is its whole case folding).
    public mutating func lowercasedToken() -> String? {
        let start = index
        guard skipToken() else { return nil }
        return bytes.withUnsafeBufferPointer { all in
            let token = UnsafeBufferPointer(rebasing: all[start..<index])
            return String(unsafeUninitializedCapacity: token.count) { out in
                for offset in token.indices { out[offset] = ASCII.lowercased(token[offset]) }
                return token.count
            }
        }
    }

    /// Consumes a `token` without building its text: `false` (nothing consumed) when none
    /// starts here. For grammars that only ask whether one is there.
    public mutating func skipToken() -> Bool {
        let start = index
        while index < bytes.count, ASCII.isTokenChar(bytes[index]) { index += 1 }
        return index > start
    }

    /// `quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE` (RFC 9110 §5.6.4): `true`
    /// when one was consumed, `false` (nothing consumed) when none starts here, and `nil`
    /// when it is not closed or holds a character it may not.
    public mutating func quotedString() -> Bool? {
        guard peek == ASCII.dquote else { return false }
        var position = index + 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == ASCII.dquote {
                index = position + 1
                return true
            }
            if byte == ASCII.backslash {
                guard position + 1 < bytes.count, ASCII.isFieldValueChar(bytes[position + 1]) else { return nil }
                position += 2
                continue
            }
            guard ASCII.isQuotedTextChar(byte) else { return nil }
            position += 1
        }
        return nil
    }

    /// A quoted string starting at `"`: its content with quoted pairs resolved, or `nil`
    /// (nothing consumed) when none starts here or it is not closed. Unlike
    /// ``quotedString()`` it does not judge the characters inside.
    public mutating func quotedStringContent() -> [UInt8]? {
        guard peek == ASCII.dquote else { return nil }
        let start = index
        index += 1
        var out: [UInt8] = []
        while let byte = peek {
            index += 1
            if byte == ASCII.backslash {
                guard let next = peek else { break }
                out.append(next)
                index += 1
            } else if byte == ASCII.dquote {
                return out
            } else {
                out.append(byte)
            }
        }
        index = start
        return nil
    }

    /// `token / quoted-string`: `true` when one was consumed.
    mutating func word() -> Bool {
        if skipToken() { return true }
        return quotedString() == true
    }

    /// A phrase naming what is at the cursor, for messages: `"' ' (0x20) at character 5"`,
    /// or `"the end"`.
    var here: String {
        guard let byte = peek else { return "the end of the value" }
        return "\(Printable.describe(byte)) at character \(index + 1)"
    }

    /// Ranges of the comma-separated members of `bytes`, trimmed, empty members dropped
    /// (RFC 9110 §5.6.1). Commas inside quoted strings, angle brackets (`<URI>`) and
    /// comments do not split. The ranges are positions in the slice.
    static func listMembers(of bytes: ArraySlice<UInt8>) -> [Range<Int>] {
        var members: [Range<Int>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        var inQuotes = false
        var inAngles = false
        var commentDepth = 0
        func flush(_ end: Int) {
            var lower = start
            var upper = end
            while lower < upper, ASCII.isWhitespace(bytes[lower]) { lower += 1 }
            while upper > lower, ASCII.isWhitespace(bytes[upper - 1]) { upper -= 1 }
            if lower < upper { members.append(lower..<upper) }
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if inQuotes {
                if byte == ASCII.backslash { index += 1 } else if byte == ASCII.dquote { inQuotes = false }
            } else if inAngles {
                if byte == 0x3E { inAngles = false }
            } else if commentDepth > 0 {
                if byte == ASCII.backslash { index += 1 } else if byte == 0x28 { commentDepth += 1 } else if byte == 0x29 { commentDepth -= 1 }
            } else {
                switch byte {
                case ASCII.dquote: inQuotes = true
                case 0x3C: inAngles = true
                case 0x28: commentDepth = 1
                case ASCII.comma:
                    flush(index)
                    start = index + 1
                default: break
                }
            }
            index += 1
        }
        flush(bytes.endIndex)
        return members
    }
}
