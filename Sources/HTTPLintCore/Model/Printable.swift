/// Turning wire bytes into text that is safe to show: control characters and bytes that are
/// not UTF-8 never reach a terminal or a report as themselves.
public enum Printable {
    /// `bytes` as text, with control characters and invalid UTF-8 shown as escapes
    /// (`\r`, `\n`, `\t`, `\x00`).
    public static func escape<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        // Printable ASCII, as nearly every value quoted in a message is: kept as it is.
        if bytes.withContiguousStorageIfAvailable(isPrintableASCII) ?? bytes.allSatisfy(isPrintableASCII) {
            return String(decoding: bytes, as: UTF8.self)
        }
        let text = SourceText.decode(bytes)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0D: out += "\\r"
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                out += "\\x" + hex(UInt8(scalar.value))
            case SourceText.undecodedBytes:
                out += "\\x" + hex(UInt8(scalar.value - 0xF700))
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` with control characters shown as escapes.
    public static func escape(_ text: String) -> String {
        if text.utf8.allSatisfy(isPrintableASCII) { return text }
        return escape(Array(text.utf8))
    }

    /// Whether every byte is printable ASCII (0x20–0x7E).
    private static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy(isPrintableASCII)
    }

    /// Whether `byte` is printable ASCII (0x20–0x7E).
    private static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

    /// `text` as a human-readable report shows it (text, GitHub annotations, Markdown, the
    /// XML formats): what cannot be shown safely is escaped, everything else kept. For text that
    /// came from the wire or a file name (a finding's message, a HAR entry's URL, a path),
    /// applied once, where the text meets the output:
    ///
    /// - C0 controls and DEL as `\r`, `\n`, `\t` or `\x1B` (so no escape sequence reaches a
    ///   terminal and no line break forges another line), C1 controls as `\x80`…`\x9F` (the
    ///   byte they were read from), and the bytes of text that was not UTF-8 as `\xFF`, like
    ///   excerpts show them;
    /// - bidirectional controls (U+202A–U+202E, U+2066–U+2069) and every other format
    ///   character (general category Cf: zero-width, U+FEFF), line and paragraph separators and
    ///   noncharacters as `\u{202E}`, so text cannot be reordered or hidden.
    ///
    /// Text escaped by ``escape(_:)`` is printable ASCII and stays as it is: escaping twice
    /// changes nothing.
    public static func display(_ text: String) -> String {
        // Nearly every message is printable ASCII: nothing to do.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0D: out += "\\r"
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F, 0x80..<0xA0: out += "\\x" + hex(UInt8(scalar.value))
            // A byte of text that was not UTF-8 (SourceText.decode): the byte it was.
            case SourceText.undecodedBytes: out += "\\x" + hex(UInt8(scalar.value - 0xF700))
            case _ where isHidden(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` with the characters that stand for bytes that were not UTF-8
    /// (``SourceText/undecodedBytes``) shown as those bytes, `\xFF`, and nothing else changed:
    /// for machine formats, which escape the rest their own way.
    public static func showingUndecodedBytes(_ text: String) -> String {
        // Their UTF-8 starts with 0xEF; nearly every message has none.
        guard text.utf8.contains(0xEF) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if let byte = SourceText.undecodedByte(scalar) { out += "\\x" + hex(byte) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Whether `scalar` changes how the text around it is shown, or is not shown at all:
    /// format characters (bidirectional controls among them), line and paragraph separators
    /// and noncharacters.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0xA0 else { return false }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return scalar.properties.isNoncharacterCodePoint
        }
    }

    /// A phrase naming one byte: `"NUL (0x00)"`, `"'@' (0x40)"`.
    public static func describe(_ byte: UInt8) -> String {
        let name: String? = switch byte {
        case 0x00: "NUL"
        case 0x09: "HTAB"
        case 0x0A: "LF"
        case 0x0D: "CR"
        case 0x20: "a space"
        case 0x7F: "DEL"
        default: nil
        }
        if let name { return "\(name) (0x\(hex(byte)))" }
        if byte < 0x20 { return "control character 0x\(hex(byte))" }
        if byte >= 0x80 { return "byte 0x\(hex(byte))" }
        return "'\(Character(Unicode.Scalar(byte)))' (0x\(hex(byte)))"
    }

    /// Two upper-case hex digits.
    public static func hex(_ byte: UInt8) -> String {
        @inline(__always) func digit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x37 + value }
        return String(decoding: [digit(byte >> 4), digit(byte & 0xF)], as: UTF8.self)
    }
}
