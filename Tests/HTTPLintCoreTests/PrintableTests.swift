@testable import HTTPLintCore
import Testing

/// `Printable` takes a shortcut for printable ASCII; the shortcut must give what reading
/// scalar by scalar gives, for every byte and for mixed text.
@Suite struct PrintableTests {
    /// Escaping scalar by scalar, with no shortcut: what ``Printable/escape(_:)`` means.
    static func escapedOneByOne(_ bytes: [UInt8]) -> String {
        var out = ""
        for scalar in SourceText.decode(bytes).unicodeScalars {
            switch scalar.value {
            case 0x0D: out += "\\r"
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F, 0x80..<0xA0: out += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded
            case SourceText.undecodedBytes: out += "\\x" + String(scalar.value - 0xF700, radix: 16, uppercase: true).leftPadded
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func everyByteAloneAndInText() {
        for byte in UInt8.min...UInt8.max {
            #expect(Printable.escape([byte]) == Self.escapedOneByOne([byte]), "byte \(byte)")
            let text: [UInt8] = Array("max-age=".utf8) + [byte] + Array("; x".utf8)
            #expect(Printable.escape(text) == Self.escapedOneByOne(text))
            #expect(Printable.escape(text[1...]) == Self.escapedOneByOne(Array(text[1...])))
            #expect(Printable.escape(AnySequenceCollection(text)) == Self.escapedOneByOne(text))
            #expect(Printable.escape(SourceText.decode(text)) == Self.escapedOneByOne(text))
            #expect(Printable.hex(byte) == String(byte, radix: 16, uppercase: true).leftPadded)
        }
        let mixed = Array("caf\u{e9} \u{202E}x".utf8) + [0xFF, 0x1B]
        #expect(Printable.escape(mixed) == Self.escapedOneByOne(mixed))
        #expect(Printable.escape("plain ASCII, kept") == "plain ASCII, kept")
    }

    @Test func bytesAreNamed() {
        #expect(Printable.describe(0x00) == "NUL (0x00)")
        #expect(Printable.describe(0x09) == "HTAB (0x09)")
        #expect(Printable.describe(0x0A) == "LF (0x0A)")
        #expect(Printable.describe(0x0D) == "CR (0x0D)")
        #expect(Printable.describe(0x20) == "a space (0x20)")
        #expect(Printable.describe(0x7F) == "DEL (0x7F)")
        #expect(Printable.describe(0x1B) == "control character 0x1B")
        #expect(Printable.describe(0xC3) == "byte 0xC3")
        #expect(Printable.describe(0x40) == "'@' (0x40)")
    }
}

/// A collection without contiguous storage, for the generic path.
private struct AnySequenceCollection: Collection {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var startIndex: Int { 0 }
    var endIndex: Int { bytes.count }
    func index(after index: Int) -> Int { index + 1 }
    subscript(index: Int) -> UInt8 { bytes[index] }
}

private extension String {
    var leftPadded: String { count == 1 ? "0" + self : self }
}
