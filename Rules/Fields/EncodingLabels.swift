import HTTPLintCore

/// The few facts of the Encoding Standard's label table (§4.2, "Names and labels") that the
/// charset rules use: the labels browsers map to the replacement encoding, and the labels
/// that name one encoding while browsers decode another that reads some bytes differently.
/// Labels are matched after trimming ASCII whitespace and lowercasing ("get an encoding").
enum EncodingLabels {
    /// Labels of the replacement encoding, which decodes any content to a single U+FFFD.
    static let replacement: Set<String> = [
        "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement",
    ]

    /// A label whose name says one encoding while browsers decode with another.
    struct Remapping {
        /// What the label names.
        let named: String
        /// The encoding browsers use for it.
        let decodedAs: String
        /// Which bytes read differently.
        let difference: String
        /// Whether content reads differently in the two encodings.
        let differs: @Sendable (UnsafeBufferPointer<UInt8>) -> Bool
    }

    private static func hasC1(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { bytes.contains { (0x80...0x9F).contains($0) } }

    static let remapped: [String: Remapping] = {
        var table: [String: Remapping] = [:]
        let latin1 = Remapping(named: "ISO-8859-1", decodedAs: "windows-1252",
                               difference: "bytes 0x80-0x9F are printable characters (such as € and curly quotes), not C1 controls",
                               differs: hasC1)
        for label in ["cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1",
                      "iso_8859-1:1987", "l1", "latin1"] { table[label] = latin1 }
        let ascii = Remapping(named: "US-ASCII", decodedAs: "windows-1252",
                              difference: "bytes 0x80-0xFF, which are not ASCII, are read as windows-1252 characters",
                              differs: { $0.contains { $0 >= 0x80 } })
        for label in ["ansi_x3.4-1968", "ascii", "us-ascii"] { table[label] = ascii }
        let latin5 = Remapping(named: "ISO-8859-9", decodedAs: "windows-1254",
                               difference: "bytes 0x80-0x9F are printable characters, not C1 controls", differs: hasC1)
        for label in ["csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989",
                      "l5", "latin5"] { table[label] = latin5 }
        let thai = Remapping(named: "ISO-8859-11 (TIS-620)", decodedAs: "windows-874",
                             difference: "bytes 0x80-0x9F are printable characters, not C1 controls", differs: hasC1)
        for label in ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620"] { table[label] = thai }
        let utf16 = Remapping(named: "UTF-16", decodedAs: "UTF-16LE",
                              difference: "content without a byte order mark is read as little-endian, where RFC 2781 §4.3 reads it as big-endian",
                              differs: { bytes in
                                  guard bytes.count >= 2 else { return !bytes.isEmpty }
                                  let mark = (bytes[0], bytes[1])
                                  return mark != (0xFE, 0xFF) && mark != (0xFF, 0xFE)
                              })
        for label in ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16"] { table[label] = utf16 }
        return table
    }()

    /// Calls `body` with the content as sent, when it can be read as the charset applies to
    /// it: whole, not empty, and with no content coding (and no transfer coding but chunked).
    static func withUncodedContent(_ response: Response, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let content = response.content
        switch content.framing {
        case .contentLength, .chunked, .closeDelimited: break
        case .none, .tunnel: return
        }
        guard !content.isTruncated, content.length > 0, response.status != 206,
              response.fields.named(.contentEncoding).flatMap(\.listElements).allSatisfy({ $0.asciiLowercased() == "identity" }),
              response.fields.named(.transferEncoding).flatMap(\.listElements).allSatisfy({ $0.asciiLowercased() == "chunked" })
        else { return }
        let source = response.source
        if content.framing == .chunked {
            var joined: [UInt8] = []
            for chunk in content.chunks { joined += source.bytes[source.clamped(chunk)] }
            joined.withUnsafeBufferPointer(body)
        } else {
            let range = source.clamped(content.span)
            source.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
        }
    }

    /// The label as "get an encoding" compares it.
    static func normalized(_ label: String) -> String {
        String(label.trimmingWhitespace()).asciiLowercased()
    }

    /// Whether a charset parameter's value (its bytes, quotes removed) is `utf-8` in any ASCII
    /// case: the usual label, which ``normalized(_:)`` makes `utf-8` and no table here holds,
    /// told without building a string.
    static func isUTF8(_ value: [UInt8]?) -> Bool {
        guard let value else { return false }
        return ByteParsing.equals(value[...], lowercase: "utf-8")
    }

    /// Whether browsers decode content of this media type with the charset parameter's
    /// encoding: text, XML and script types (JSON is always UTF-8 to them).
    static func isDecodedByLabel(_ mediaType: MediaType) -> Bool {
        switch mediaType.type {
        case "text": return true
        case "application":
            switch mediaType.subtype {
            case "xml", "xhtml+xml", "javascript", "ecmascript", "x-javascript": return true
            default: return mediaType.subtype.hasSuffix("+xml")
            }
        default: return false
        }
    }
}
