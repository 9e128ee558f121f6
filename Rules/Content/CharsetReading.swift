import HTTPLintCore

/// A response's Content-Type and its content as text, read once for the charset rules: the
/// media type and the charset label it declares. The content they read, with its codings
/// undone, is ``ContentReading``'s (``ContentReading/withText(_:)``), decoded once for all.
final class CharsetReading {
    /// The media type of the one Content-Type field, when there is exactly one and it parses.
    let mediaType: MediaType?
    /// The charset parameter as written, and the encoding its label names (``EncodingEquivalence``).
    let declaredLabel: String?
    let declaredEncoding: EncodingEquivalence.Encoding?

    /// The most content the charset rules read.
    static let limit = 16 << 20

    /// The reading of `response`, made once for the charset rules from the media type
    /// ``ContentTypes`` parsed for the field rules (the same parse of the same one field), so
    /// that Content-Type is not parsed again.
    static func of(_ response: Response, _ report: FindingReporter) -> CharsetReading {
        let shared = report.reading(Shared.self, of: response)
        if let reading = shared.reading { return reading }
        let types = report.reading(ContentTypes.self, of: response).all
        let reading = CharsetReading(mediaType: types.count == 1 ? types[0].mediaType : nil)
        shared.reading = reading
        return reading
    }

    /// Where the reading of a response is kept while the rules of its exchange run.
    private final class Shared: ResponseReading {
        var reading: CharsetReading?
        init(_ response: Response) {}
    }

    /// The reading of the media type of the one Content-Type field (`nil` when there is not
    /// exactly one or it does not parse).
    init(mediaType: MediaType?) {
        self.mediaType = mediaType
        declaredLabel = mediaType?.parameter("charset")?.value.map { SourceText.decode($0[...]) }
        declaredEncoding = declaredLabel.flatMap(EncodingEquivalence.encoding)
    }

    /// Whether the media type is HTML (`text/html`).
    var isHTML: Bool { mediaType.map { $0.type == "text" && $0.subtype == "html" } ?? false }

    /// Whether the media type is XML: `application/xml`, `text/xml` or a `+xml` type (RFC 7303).
    var isXML: Bool {
        guard let mediaType else { return false }
        return mediaType.subtype == "xml" && (mediaType.type == "application" || mediaType.type == "text")
            || (mediaType.subtype.hasSuffix("+xml") && mediaType.subtype.count > 4)
    }

    /// Whether the media type is text whose charset parameter names its encoding: text/*,
    /// XML (RFC 7303 §3), JavaScript (RFC 9239 §4.1). A charset on other types (an image, a
    /// JSON text, octets) defines nothing, so the content is not judged against it.
    var isCharsetText: Bool {
        guard let mediaType else { return false }
        if mediaType.type == "text" || isXML { return true }
        return mediaType.type == "application"
            && ["javascript", "x-javascript", "ecmascript", "x-ecmascript"].contains(mediaType.subtype)
    }

    /// The media type as `type/subtype`, for messages.
    var typeName: String { mediaType.map { "\($0.type)/\($0.subtype)" } ?? "" }
}

/// Charset labels and the encodings they name, as browsers read them: the labels of the
/// WHATWG Encoding Standard (§4.2) for the encodings met on the web most, so that `latin1`,
/// `iso-8859-1` and `windows-1252` are one encoding (browsers decode all three as
/// windows-1252) and `utf8` is UTF-8. Labels not in the table are not judged.
enum EncodingEquivalence {
    enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16le = "UTF-16LE"
        case utf16be = "UTF-16BE"
        case windows1252 = "windows-1252"
        case windows1250 = "windows-1250"
        case windows1251 = "windows-1251"
        case iso8859_2 = "ISO-8859-2"
        case iso8859_15 = "ISO-8859-15"
        case koi8r = "KOI8-R"
        case shiftJIS = "Shift_JIS"
        case eucJP = "EUC-JP"
        case iso2022JP = "ISO-2022-JP"
        case eucKR = "EUC-KR"
        case gbk = "GBK"
        case gb18030 = "gb18030"
        case big5 = "Big5"

        /// Whether the encoding is one of UTF-16's byte orders.
        var isUTF16: Bool { self == .utf16le || self == .utf16be }
    }

    /// The encoding `label` names: ASCII whitespace around it trimmed, case ignored.
    static func encoding(of label: String) -> Encoding? {
        let trimmed = label.asciiLowercased().trimmingASCIIWhitespace()
        return table[trimmed]
    }

    private static let table: [String: Encoding] = {
        let groups: [(Encoding, [String])] = [
            (.utf8, ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]),
            (.utf16be, ["unicodefffe", "utf-16be"]),
            (.utf16le, ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"]),
            (.windows1252, ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100",
                            "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii",
                            "windows-1252", "x-cp1252"]),
            (.windows1250, ["cp1250", "windows-1250", "x-cp1250"]),
            (.windows1251, ["cp1251", "windows-1251", "x-cp1251"]),
            (.iso8859_2, ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"]),
            (.iso8859_15, ["csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"]),
            (.koi8r, ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"]),
            (.shiftJIS, ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"]),
            (.eucJP, ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"]),
            (.iso2022JP, ["csiso2022jp", "iso-2022-jp"]),
            (.eucKR, ["cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989",
                      "ksc5601", "ksc_5601", "windows-949"]),
            (.gbk, ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk"]),
            (.gb18030, ["gb18030"]),
            (.big5, ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"]),
        ]
        var table: [String: Encoding] = [:]
        for (encoding, labels) in groups { for label in labels { table[label] = encoding } }
        return table
    }()
}

extension String {
    /// The string without ASCII whitespace (space, tab, LF, FF, CR) at either end.
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D }
        // Usually nothing to trim: the string itself.
        if let first = utf8.first, let last = utf8.last, !isSpace(first), !isSpace(last) { return self }
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}

/// Reading text in content: UTF-8 validity, byte order marks, and the encoding an HTML or
/// XML document declares for itself.
enum ContentText {
    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence
    /// (Unicode Table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), or `nil`
    /// when all of `bytes` is UTF-8.
    static func firstNonUTF8Byte(_ bytes: [UInt8]) -> Int? {
        JSONText.firstInvalidUTF8(bytes, from: 0)
    }

    static func firstNonUTF8Byte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        JSONText.firstInvalidUTF8(bytes, from: 0)
    }

    /// The encoding a byte order mark at the start of `bytes` names, and its length.
    static func byteOrderMark(_ bytes: [UInt8]) -> (encoding: EncodingEquivalence.Encoding, length: Int)? {
        bytes.withUnsafeBufferPointer { byteOrderMark($0) }
    }

    static func byteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> (encoding: EncodingEquivalence.Encoding, length: Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8, 3) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16be, 2) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16le, 2) }
        return nil
    }

    /// A label an HTML document declares in a `<meta charset>` or a `<meta http-equiv=
    /// content-type content="…charset=…">` within its first 1024 bytes, found the way the
    /// HTML Standard's prescan (§13.2.3.2) finds it: comments and other tags are skipped
    /// with their attributes, the first meta that declares a charset counts. Returns the
    /// label and its offset in `bytes`.
    static func htmlMetaCharset(_ bytes: [UInt8]) -> (label: String, offset: Int)? {
        bytes.withUnsafeBufferPointer { htmlMetaCharset($0) }
    }

    /// ``htmlMetaCharset(_:)`` read in place: positions only, and strings only for the
    /// attributes of a `<meta` tag that are reported.
    static func htmlMetaCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> (label: String, offset: Int)? {
        let end = min(bytes.count, 1024)
        var index = 0
        func starts(_ wanted: StaticString, at position: Int) -> Bool {
            let count = wanted.utf8CodeUnitCount
            guard position + count <= end else { return false }
            let text = wanted.utf8Start
            for offset in 0..<count where lower(bytes[position + offset]) != text[offset] { return false }
            return true
        }
        while index < end {
            guard bytes[index] == 0x3C else { index += 1; continue }  // <
            // The byte after '<' rules most out before any comparison.
            let next = index + 1 < end ? bytes[index + 1] : 0
            if next == 0x21, starts("<!--", at: index) {
                var search = index + 4
                while search + 2 < end, !(bytes[search] == 0x2D && bytes[search + 1] == 0x2D && bytes[search + 2] == 0x3E) { search += 1 }
                index = search + 3
                continue
            }
            let isMeta = next | 0x20 == 0x6D && starts("<meta", at: index) && index + 5 < end && (isSpace(bytes[index + 5]) || bytes[index + 5] == 0x2F)
            let isTag = index + 1 < end && (isLetter(bytes[index + 1]) || (bytes[index + 1] == 0x2F && index + 2 < end && isLetter(bytes[index + 2])))
            if isMeta || isTag {
                // Skip the tag name, then read attributes up to '>'.
                var position = index + 1
                while position < end, !isSpace(bytes[position]), bytes[position] != 0x3E { position += 1 }
                var charset: (String, Int)?
                var httpEquivContentType = false
                var contentCharset: (String, Int)?
                while let attribute = self.attribute(bytes, from: &position, end: end) {
                    guard isMeta else { continue }
                    let value = UnsafeBufferPointer(rebasing: bytes[attribute.value])
                    if charset == nil, attribute.nameIs("charset", in: bytes) {
                        charset = (String(decoding: value, as: UTF8.self), attribute.offset)
                    } else if attribute.nameIs("http-equiv", in: bytes) {
                        httpEquivContentType = equalsLowercased(value, "content-type")
                    } else if contentCharset == nil, attribute.nameIs("content", in: bytes) {
                        contentCharset = charsetInContent(value).map { ($0.label, attribute.offset + $0.offset) }
                    }
                }
                if isMeta {
                    if let charset { return (charset.0, charset.1) }
                    if httpEquivContentType, let contentCharset { return (contentCharset.0, contentCharset.1) }
                }
                index = position + 1
                continue
            }
            // <! <? </ followed by no letter: skip to '>'.
            if index + 1 < end, bytes[index + 1] == 0x21 || bytes[index + 1] == 0x3F || bytes[index + 1] == 0x2F {
                var position = index + 1
                while position < end, bytes[position] != 0x3E { position += 1 }
                index = position + 1
                continue
            }
            index += 1
        }
        return nil
    }

    /// Where one attribute of a tag lies: its name (compared in lowercase), its value (empty
    /// when there is no '='), and the offset reported for the value.
    private struct Attribute {
        let name: Range<Int>
        let value: Range<Int>
        let offset: Int

        /// Whether the name, in lowercase, is `wanted` (given in lowercase ASCII).
        func nameIs(_ wanted: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            equalsLowercased(UnsafeBufferPointer(rebasing: bytes[name]), wanted)
        }
    }

    /// Whether `bytes`, ASCII letters lowercased, are `wanted` (lowercase ASCII). The same as
    /// comparing the decoded, lowercased string with `wanted`: no other text equals it.
    private static func equalsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ wanted: StaticString) -> Bool {
        let count = wanted.utf8CodeUnitCount
        guard bytes.count == count else { return false }
        let text = wanted.utf8Start
        for offset in 0..<count where lower(bytes[offset]) != text[offset] { return false }
        return true
    }

    /// One attribute of a tag, read from `position`; `nil` at the tag's '>' or the end (the
    /// position is then at the '>').
    private static func attribute(_ bytes: UnsafeBufferPointer<UInt8>, from position: inout Int, end: Int) -> Attribute? {
        while position < end, isSpace(bytes[position]) || bytes[position] == 0x2F { position += 1 }
        guard position < end, bytes[position] != 0x3E else { return nil }
        let nameStart = position
        while position < end, !isSpace(bytes[position]), bytes[position] != 0x3D, bytes[position] != 0x3E,
              !(bytes[position] == 0x2F && position != nameStart) {
            position += 1
        }
        let name = nameStart..<position
        while position < end, isSpace(bytes[position]) { position += 1 }
        guard position < end, bytes[position] == 0x3D else { return Attribute(name: name, value: position..<position, offset: position) }
        position += 1
        while position < end, isSpace(bytes[position]) { position += 1 }
        guard position < end else { return nil }
        let quote = bytes[position]
        let start: Int
        let value: Range<Int>
        if quote == 0x22 || quote == 0x27 {
            position += 1
            start = position
            while position < end, bytes[position] != quote { position += 1 }
            guard position < end else { return nil }
            value = start..<position
            position += 1
        } else {
            start = position
            while position < end, !isSpace(bytes[position]), bytes[position] != 0x3E { position += 1 }
            value = start..<position
        }
        return Attribute(name: name, value: value, offset: start)
    }

    /// ``charsetInContent(_:)`` for the value's bytes: read in place when they are ASCII (as
    /// text they are the same bytes); otherwise as the decoded string, whose UTF-8 the offset
    /// counts in.
    private static func charsetInContent(_ value: UnsafeBufferPointer<UInt8>) -> (label: String, offset: Int)? {
        guard value.allSatisfy({ $0 < 0x80 }) else { return charsetInContent(String(decoding: value, as: UTF8.self)) }
        return charsetInContent(bytes: value)
    }

    /// The label after `charset=` in a meta element's content attribute (the HTML Standard's
    /// algorithm for extracting a character encoding from a meta element), and its offset in
    /// the value.
    static func charsetInContent(_ value: String) -> (label: String, offset: Int)? {
        Array(value.utf8).withUnsafeBufferPointer { charsetInContent(bytes: $0) }
    }

    private static func charsetInContent(bytes: UnsafeBufferPointer<UInt8>) -> (label: String, offset: Int)? {
        var index = 0
        while index + 7 <= bytes.count {
            guard equalsLowercased(UnsafeBufferPointer(rebasing: bytes[index..<index + 7]), "charset") else { index += 1; continue }
            var position = index + 7
            while position < bytes.count, isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count, bytes[position] == 0x3D else { index = position; continue }
            position += 1
            while position < bytes.count, isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count else { return nil }
            let quote = bytes[position]
            if quote == 0x22 || quote == 0x27 {
                guard let close = bytes[(position + 1)...].firstIndex(of: quote) else { return nil }
                return (String(decoding: bytes[(position + 1)..<close], as: UTF8.self), position + 1)
            }
            let stop = bytes[position...].firstIndex { isSpace($0) || $0 == 0x3B } ?? bytes.count
            guard stop > position else { return nil }
            return (String(decoding: bytes[position..<stop], as: UTF8.self), position)
        }
        return nil
    }

    /// The encoding named in an XML declaration at the very start of `bytes` (after a UTF-8
    /// byte order mark), `<?xml version="1.0" encoding="…"?>` (XML 1.0 §2.8, §4.3.3), and its
    /// offset; `nil` when there is no declaration or it names no encoding.
    static func xmlDeclaredEncoding(_ bytes: [UInt8]) -> (label: String, offset: Int)? {
        bytes.withUnsafeBufferPointer { xmlDeclaredEncoding($0) }
    }

    static func xmlDeclaredEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> (label: String, offset: Int)? {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        guard bytes.count >= start + 6, bytes[start..<start + 5].elementsEqual("<?xml".utf8), isSpace(bytes[start + 5]) else { return nil }
        let limit = min(bytes.count, start + 1024)
        guard let close = (start..<max(start, limit - 1)).first(where: { bytes[$0] == 0x3F && bytes[$0 + 1] == 0x3E }) else { return nil }
        var index = start + 5
        let key = Array("encoding".utf8)
        while index + key.count <= close {
            guard bytes[index..<index + key.count].elementsEqual(key), isSpace(bytes[index - 1]) else { index += 1; continue }
            var position = index + key.count
            while position < close, isSpace(bytes[position]) { position += 1 }
            guard position < close, bytes[position] == 0x3D else { return nil }
            position += 1
            while position < close, isSpace(bytes[position]) { position += 1 }
            guard position < close, bytes[position] == 0x22 || bytes[position] == 0x27 else { return nil }
            let quote = bytes[position]
            guard let end = bytes[(position + 1)..<close].firstIndex(of: quote) else { return nil }
            return (String(decoding: bytes[(position + 1)..<end], as: UTF8.self), position + 1)
        }
        return nil
    }

    /// Whether `bytes` open with an XML declaration (after a UTF-8 byte order mark) in whose
    /// first 1024 bytes the word `encoding` appears: a declaration that names, or tries to
    /// name, an encoding, so that UTF-8 is not implied.
    static func xmlDeclarationNamesEncoding(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { xmlDeclarationNamesEncoding($0) }
    }

    static func xmlDeclarationNamesEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        guard bytes.count >= start + 5, bytes[start..<start + 5].elementsEqual("<?xml".utf8) else { return false }
        let head = bytes[start..<min(bytes.count, start + 1024)]
        let end = head.indices.first { head[$0] == 0x3E } ?? head.endIndex
        let key = Array("encoding".utf8)
        var index = head.startIndex
        while index + key.count <= end {
            if head[index..<index + key.count].elementsEqual(key) { return true }
            index += 1
        }
        return false
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
