/// Byte constants and character classes from RFC 5234 and RFC 9110 §5.6.
@usableFromInline enum ASCII {
    @usableFromInline static let htab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    @usableFromInline static let sp: UInt8 = 0x20
    static let dquote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let backslash: UInt8 = 0x5C
    static let del: UInt8 = 0x7F

    /// OWS / BWS characters: SP and HTAB.
    @inlinable static func isWhitespace(_ byte: UInt8) -> Bool { byte == sp || byte == htab }

    @inlinable static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always) static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }

    @inlinable static func lowercased(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }

    /// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
    ///         "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA       (RFC 9110 §5.6.2)
    /// One bit per tchar: bytes 0–63 in the first word, 64–127 in the second (a test checks
    /// the words against the grammar above).
    @inlinable static func isTokenChar(_ byte: UInt8) -> Bool {
        byte < 64 ? (tokenBitsLow >> UInt64(byte)) & 1 != 0 : byte < 128 && (tokenBitsHigh >> UInt64(byte - 64)) & 1 != 0
    }
    /// For each byte: 1 when it is a `tchar`, 0 when it is not; one load per byte where a loop
    /// reads a field name (built from ``isTokenChar(_:)``).
    static let tokenCharTable: [UInt8] = (0...255).map { isTokenChar(UInt8($0)) ? 1 : 0 }
    @usableFromInline static let tokenBitsLow: UInt64 = 0x03ff_6cfa_0000_0000
    @usableFromInline static let tokenBitsHigh: UInt64 = 0x57ff_ffff_c7ff_fffe

    /// field-vchar = VCHAR / obs-text, plus SP and HTAB inside a value (RFC 9110 §5.5).
    /// Everything else is a control character (CTL) or DEL.
    @inline(__always) static func isFieldValueChar(_ byte: UInt8) -> Bool {
        byte == htab || (byte >= 0x20 && byte != del)
    }

    /// qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text  (RFC 9110 §5.6.4)
    @inline(__always) static func isQuotedTextChar(_ byte: UInt8) -> Bool {
        byte == htab || byte == sp || byte == 0x21 || (byte >= 0x23 && byte <= 0x5B)
            || (byte >= 0x5D && byte <= 0x7E) || byte >= 0x80
    }
}

/// The byte classes rules need when they read values as bytes.
extension UInt8 {
    // Inlinable: rules call these once per byte, from another module.
    /// Whether the byte is `DIGIT` (RFC 5234 Appendix B.1).
    @inlinable public var isASCIIDigit: Bool { ASCII.isDigit(self) }
    /// The byte with A-Z turned into a-z; every other byte as it is.
    @inlinable public var asciiLowercased: UInt8 { ASCII.lowercased(self) }
    /// Whether the byte is SP or HTAB, the whitespace of `OWS` (RFC 9110 §5.6.3).
    @inlinable public var isHTTPWhitespace: Bool { ASCII.isWhitespace(self) }
}
