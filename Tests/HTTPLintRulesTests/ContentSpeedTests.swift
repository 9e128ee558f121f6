import HTTPLintCore
@testable import HTTPLintRules
import Testing

/// The content readings read on bytes and in place (issue 25) find exactly what the string
/// readings they replaced found: each is compared with the former code, kept here as the
/// reference, on edge cases and on many generated inputs.
@Suite struct ContentSpeedTests {
    /// A small deterministic generator, so that a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Pieces HTML heads are made of here, quirks and non-ASCII bytes included.
    static let htmlPieces: [[UInt8]] = [
        "<meta", "<META", "<Meta/", "<meta\t", " ", "\t", "\n", "\r\n", "\u{0C}", "/", ">", "<", "=", " = ", "\"", "'",
        "charset", "CHARSET", "ChArSeT", "http-equiv", "HTTP-EQUIV", "content", "Content", "content-type", "Content-Type",
        "CONTENT-TYPE", "text/html;", "charset=", "charset =", "; charset=\"", "utf-8", "ISO-8859-1", "latin1", "x",
        "<!--", "-->", "--", "<!doctype html>", "<html>", "<head>", "</head>", "<title>", "</", "<?", "<!", "<1", "a",
        "name", "chars", "et", "content-typ", "e",
    ].map { Array($0.utf8) } + [[0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xFF], [0x80], [0xC3], [0xEF, 0xBB, 0xBF], [0xE2, 0x84, 0xAA]]

    static func html(_ generator: inout Generator) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<generator.next(40) { bytes += htmlPieces[generator.next(htmlPieces.count)] }
        return bytes
    }

    @Test func htmlMetaCharsetAsBefore() {
        let fixed = [
            "<meta charset=\"x\">", "<meta charset=x>", "<meta charset>", "<meta charset=>", "<meta charset='a b'>",
            "<meta http-equiv=content-type content=\"text/html; charset=utf-8\">",
            "<meta content=\"text/html; charset=utf-8\" http-equiv=\"Content-Type\">",
            "<meta content=\"none\" content=\"charset=latin1\" http-equiv=content-type>",
            "<meta http-equiv=content-type http-equiv=refresh content=\"charset=x\">",
            "<meta charset=a charset=b>", "<meta/charset=a>", "<meta name=charset content=latin2>",
            "<meta http-equiv=content-type content=\"text/html; charset=caf\u{e9}\">",
            "<meta http-equiv=content-type content=\"t\u{e9}xt/html; charset=x\">",
            "<!-- <meta charset=a> --><meta charset=b>", "<meta charset=\"unclosed>", "<a href='>'><meta charset=c>",
            "<meta charset=\"\u{e9}\">", "<meta http-equiv=\"content-type\u{e9}\" content=\"charset=x\">",
        ]
        for text in fixed {
            let bytes = Array(text.utf8)
            let found = ContentText.htmlMetaCharset(bytes)
            let expected = Reference.htmlMetaCharset(bytes)
            #expect(found?.label == expected?.label && found?.offset == expected?.offset, "\(text)")
        }
        var generator = Generator(state: 25)
        var declared = 0
        for _ in 0..<20_000 {
            let bytes = Self.html(&generator)
            let found = ContentText.htmlMetaCharset(bytes)
            let expected = Reference.htmlMetaCharset(bytes)
            #expect(found?.label == expected?.label && found?.offset == expected?.offset, "\(bytes)")
            if expected != nil { declared += 1 }
        }
        // The generated heads declare a charset often enough to compare findings, not only misses.
        #expect(declared > 500)
        // The 1024-byte window: a tag cut at its end.
        let long = Array(repeating: UInt8(ascii: " "), count: 1000) + Array("<meta charset=\"abcdefghijklmnopqrstuvwxyz\">".utf8)
        for count in 1000...long.count {
            let bytes = Array(long[..<count])
            #expect(ContentText.htmlMetaCharset(bytes)?.label == Reference.htmlMetaCharset(bytes)?.label)
        }
        #expect(ContentText.htmlMetaCharset(long)?.label == nil)
        // Text passed word by word: a tag at every offset, after text with bytes near '<'.
        for offset in 0..<40 {
            let bytes = Array(repeating: UInt8(0x3B), count: offset) + Array("=>\u{7F}<meta charset=k>".utf8)
            #expect(ContentText.htmlMetaCharset(bytes)?.offset == offset + 17)
            #expect(ContentText.htmlMetaCharset(bytes)?.offset == Reference.htmlMetaCharset(bytes)?.offset)
        }
    }

    @Test func charsetInContentAsBefore() {
        var generator = Generator(state: 7)
        for _ in 0..<5_000 {
            let text = String(decoding: Self.html(&generator), as: UTF8.self)
            let found = ContentText.charsetInContent(text)
            let expected = Reference.charsetInContent(text)
            #expect(found?.label == expected?.label && found?.offset == expected?.offset, "\(text)")
        }
    }

    static let mediaTypes = [
        "application/json", "Application/JSON", "application/json; charset=utf-8", "application/json;charset=utf-8",
        "application/problem+json", "application/+json", "application/x+json", "/json", "json", "application/jsonx",
        "application/json-seq", "text/json", "text/html", "text/html; charset=utf-8", "application/xhtml+xml",
        "application/xml", "text/xml", "application/javascript", "application/x-ecmascript", "image/png", "",
        ";", "application/json\t; x=y", "application/JSON ", "appl\u{e9}cation/json", "application/caf\u{e9}+json",
        "application/\u{e9}+json", "application/+json\u{301}", "a/json", "multipart/mixed; boundary=x",
        "MULTIPART/byteranges; boundary=\"a b\"", "multipart", "multipart/", " multipart/x; boundary=1", "multipartx/y",
        "multi part/x", "application/ld+json; profile=x", "application/vnd.api+JSON",
    ]

    static func response(contentType: String) -> Response {
        let text = "HTTP/1.1 200 OK\r\nContent-Type: \(contentType)\r\nContent-Length: 2\r\n\r\n{}"
        return ResponseParser.parse(SourceText(name: "t", text: text))[0].response
    }

    @Test func jsonMediaTypeOnBytesAsOnText() {
        for type in Self.mediaTypes {
            let response = Self.response(contentType: type)
            let (isJSON, written) = ContentReading.jsonMediaType(response)
            #expect(ContentReading.contentKind(response).isJSON == isJSON, "\(type)")
            #expect(Reference.jsonMediaType(response) == (isJSON, written), "\(type)")
            // What is kept for the charset rules covers every type they read.
            let lines = response.fields.named(.contentType)
            let reading = CharsetReading(mediaType: MediaType(bytes: lines[0].valueUTF8))
            if reading.isCharsetText { #expect(ContentReading.contentKind(response).mayBeText, "\(type)") }
        }
    }

    /// The charset reading takes the media type ContentTypes parsed: the one the reading
    /// parsed itself before, for one Content-Type field, and none for two.
    @Test func charsetReadingFromContentTypes() {
        for type in Self.mediaTypes + ["text/html; charset=\" latin1 \"", "text/plain; charset=UTF-8; charset=x", "text/xml; CHARSET=utf8"] {
            let response = Self.response(contentType: type)
            let reporter = FindingReporter(rule: CharsetDeclarationMismatch.description, exchangeIndex: 0)
            let reading = CharsetReading.of(response, reporter)
            #expect(CharsetReading.of(response, reporter) === reading)
            let value = response.fields.named(.contentType)[0].valueUTF8
            let parsed = MediaType(bytes: value)
            #expect(reading.mediaType?.type == parsed?.type && reading.mediaType?.subtype == parsed?.subtype, "\(type)")
            let label = parsed?.parameter("charset")?.value.map { SourceText.decode($0[...]) }
            #expect(reading.declaredLabel == label && reading.declaredEncoding == label.flatMap(EncodingEquivalence.encoding), "\(type)")
        }
        let two = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Type: text/html\r\nContent-Length: 0\r\n\r\n"
        let response = ResponseParser.parse(SourceText(name: "t", text: two))[0].response
        let reading = CharsetReading.of(response, FindingReporter(rule: CharsetDeclarationMismatch.description, exchangeIndex: 0))
        #expect(reading.mediaType == nil && reading.declaredLabel == nil)
    }

    @Test func chunkedOnBytesAsOnElements() {
        let values = ["chunked", "Chunked", "CHUNKED", "gzip, chunked", "chunked, chunked", "chunked,", ",chunked", "chunked;x=1",
                      "\"chunked\"", "chunk", "chunkedx", "gzip", "", "chunk\u{e9}d", "chunked\r\n chunked"]
        for value in values {
            let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: \(value)\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
            let response = ResponseParser.parse(SourceText(name: "t", text: text))[0].response
            let expected = response.fields.named(.transferEncoding).flatMap(\.listElements).allSatisfy { $0.asciiLowercased() == "chunked" }
            #expect(ContentReading.hasOnlyChunkedTransferCoding(response) == expected, "\(value)")
        }
    }

    @Test func multipartLookAsParse() {
        for type in Self.mediaTypes {
            let response = Self.response(contentType: type)
            let value = response.fields.named(.contentType)[0]
            let parsed = MediaType(bytes: value.valueUTF8)
            if parsed?.type == "multipart" { #expect(MultipartReading.mayBeMultipart(value.valueUTF8Slice), "\(type)") }
        }
    }

    @Test func jsonDocumentAsBefore() {
        let fixed: [[UInt8]] = [
            [], [0xEF, 0xBB, 0xBF], Array("{}".utf8), Array("{\"a\": [1, 2, \"\u{e9}\"]}".utf8),
            Array("{\"a\": ".utf8) + [0xC3], Array("[\"".utf8) + [0xE2, 0x82] + Array("\"]".utf8),
            Array("[\"x\"] ".utf8) + [0xFF], Array("[1,] ".utf8) + [0xFF], [0x22, 0xE9, 0x22],
            Array("<html>".utf8) + [0xFF], Array("[\"".utf8) + [0xF0, 0x9F, 0x98], [0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22],
            Array(repeating: 0x5B, count: 70), Array("\"abcdefgh".utf8) + [0xC3, 0xA9] + Array("ijklmnop\" x".utf8) + [0xC3],
        ]
        // document(_:) checks UTF-8 only before its first syntax error: the bounded scan finds
        // what the whole scan finds there, a sequence crossing the bound included.
        func expectBoundedScanAsWhole(_ bytes: [UInt8]) {
            for start in [0, 1, 3] {
                let whole = JSONText.firstInvalidUTF8(bytes, from: start)
                for end in 0...bytes.count + 1 {
                    let bounded = bytes.withUnsafeBufferPointer { JSONText.firstInvalidUTF8($0, from: start, before: end) }
                    #expect(bounded == whole.flatMap { $0 < end ? $0 : nil }, "\(bytes) \(start) \(end)")
                }
            }
        }
        for bytes in fixed { expectBoundedScanAsWhole(bytes) }
        #expect(JSONText.document(Array("[1,] ".utf8) + [0xFF]) == JSONText.document(Array("[1,] ".utf8)))
        #expect(JSONText.document(Array("[\"".utf8) + [0xE2, 0x82]) != JSONText.document(Array("[\"".utf8)))
        let pieces: [[UInt8]] = ["{", "}", "[", "]", "\"", ",", ":", " ", "1", "-2.5e3", "true", "nul", "\\", "\\u00e9", "\"k\":",
                                 "abcdefghijkl", "\n"].map { Array($0.utf8) }
            + [[0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xC3], [0xE2, 0x82], [0x80], [0xFF], [0xED, 0xA0, 0x80], [0x00]]
        var generator = Generator(state: 8259)
        for _ in 0..<2_000 {
            var bytes: [UInt8] = generator.next(10) == 0 ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<generator.next(30) { bytes += pieces[generator.next(pieces.count)] }
            expectBoundedScanAsWhole(bytes)
        }
    }

    /// The content the charset rules read is the same whether it lies in place, in chunks or
    /// behind a coding, and a rule that reads it finds the same either way.
    @Test func textReadOnceForAllRules() {
        let html = "<html><head><meta charset=\"utf-8\"><title>x</title>"
        let plain = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\nContent-Length: \(html.utf8.count)\r\n\r\n\(html)"
        let chunked = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n\(html.prefix(5))\r\n\(String(html.utf8.count - 5, radix: 16))\r\n\(html.dropFirst(5))\r\n0\r\n\r\n"
        for text in [plain, chunked] {
            let response = ResponseParser.parse(SourceText(name: "t", text: text))[0].response
            let reading = ContentReading(response)
            #expect(reading.withText { bytes, wasDecoded in (Array(bytes), wasDecoded) }.map { $0.0 == Array(html.utf8) && !$0.1 } == true)
            #expect(findings(of: CharsetDeclarationMismatch.self, in: text).count == 1)
        }
        // gzip content under a text type: kept by the coding check and handed on decoded.
        let gzip = CompressedExamples.gzip
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Encoding: gzip\r\nContent-Length: \(gzip.count)\r\n\r\n"
        let bytes = Array(head.utf8) + gzip
        let response = ResponseParser.parse(SourceText(name: "t", bytes: bytes))[0].response
        let reading = ContentReading(response)
        let decoded = reading.withText { bytes, wasDecoded in wasDecoded ? Array(bytes) : nil }
        let check = gzip.withUnsafeBufferPointer { ContentCodingCheck(content: $0, codings: ["gzip"], keepingDecoded: 1 << 20) }
        #expect(decoded != nil && decoded == check.decoded)
        // Under a type the charset rules do not read, decoded when asked: the same bytes.
        let octets = Array(head.replacingOccurrences(of: "text/plain", with: "application/octet-stream").utf8) + gzip
        let other = ContentReading(ResponseParser.parse(SourceText(name: "t", bytes: octets))[0].response)
        #expect(other.withText { bytes, wasDecoded in wasDecoded ? Array(bytes) : nil } == decoded)
    }
}

/// The former code, which read through strings and copies.
private enum Reference {
    static func jsonMediaType(_ response: Response) -> (Bool, String) {
        let lines = response.fields.named(.contentType)
        guard lines.count == 1 else { return (false, "") }
        let value = lines[0].valueUTF8Slice
        let end = value.firstIndex { $0 == 0x3B || $0 == 0x20 || $0 == 0x09 } ?? value.endIndex
        let written = SourceText.decode(value[value.startIndex..<end])
        let lowered = written.asciiLowercased()
        guard let slash = lowered.firstIndex(of: "/") else { return (false, written) }
        let type = lowered[..<slash]
        let subtype = lowered[lowered.index(after: slash)...]
        let isJSON = !type.isEmpty && (subtype == "json" || (subtype.hasSuffix("+json") && subtype.count > 5))
        return (isJSON, written)
    }

    static func htmlMetaCharset(_ bytes: [UInt8]) -> (label: String, offset: Int)? {
        let end = min(bytes.count, 1024)
        var index = 0
        func starts(_ text: String, at position: Int) -> Bool {
            let wanted = Array(text.utf8)
            guard position + wanted.count <= end else { return false }
            for (offset, byte) in wanted.enumerated() where lower(bytes[position + offset]) != byte { return false }
            return true
        }
        while index < end {
            guard bytes[index] == 0x3C else { index += 1; continue }  // <
            if starts("<!--", at: index) {
                var search = index + 4
                while search + 2 < end, !(bytes[search] == 0x2D && bytes[search + 1] == 0x2D && bytes[search + 2] == 0x3E) { search += 1 }
                index = search + 3
                continue
            }
            let isMeta = starts("<meta", at: index) && index + 5 < end && (isSpace(bytes[index + 5]) || bytes[index + 5] == 0x2F)
            let isTag = index + 1 < end && (isLetter(bytes[index + 1]) || (bytes[index + 1] == 0x2F && index + 2 < end && isLetter(bytes[index + 2])))
            if isMeta || isTag {
                // Skip the tag name, then read attributes up to '>'.
                var position = index + 1
                while position < end, !isSpace(bytes[position]), bytes[position] != 0x3E { position += 1 }
                var charset: (String, Int)?
                var httpEquivContentType = false
                var contentCharset: (String, Int)?
                while let attribute = attribute(bytes, from: &position, end: end) {
                    guard isMeta else { continue }
                    switch attribute.name {
                    case "charset" where charset == nil: charset = (attribute.value, attribute.offset)
                    case "http-equiv": httpEquivContentType = attribute.value.asciiLowercased() == "content-type"
                    case "content" where contentCharset == nil:
                        contentCharset = charsetInContent(attribute.value).map { ($0.label, attribute.offset + $0.offset) }
                    default: break
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

    /// One attribute of a tag, read from `position`; `nil` at the tag's '>' or the end (the
    /// position is then at the '>').
    private static func attribute(_ bytes: [UInt8], from position: inout Int, end: Int) -> (name: String, value: String, offset: Int)? {
        while position < end, isSpace(bytes[position]) || bytes[position] == 0x2F { position += 1 }
        guard position < end, bytes[position] != 0x3E else { return nil }
        var name: [UInt8] = []
        while position < end, !isSpace(bytes[position]), bytes[position] != 0x3D, bytes[position] != 0x3E,
              !(bytes[position] == 0x2F && !name.isEmpty) {
            name.append(lower(bytes[position]))
            position += 1
        }
        while position < end, isSpace(bytes[position]) { position += 1 }
        guard position < end, bytes[position] == 0x3D else { return (String(decoding: name, as: UTF8.self), "", position) }
        position += 1
        while position < end, isSpace(bytes[position]) { position += 1 }
        guard position < end else { return nil }
        var value: [UInt8] = []
        let quote = bytes[position]
        let start: Int
        if quote == 0x22 || quote == 0x27 {
            position += 1
            start = position
            while position < end, bytes[position] != quote { value.append(bytes[position]); position += 1 }
            guard position < end else { return nil }
            position += 1
        } else {
            start = position
            while position < end, !isSpace(bytes[position]), bytes[position] != 0x3E { value.append(bytes[position]); position += 1 }
        }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self), start)
    }

    /// The label after `charset=` in a meta element's content attribute (the HTML Standard's
    /// algorithm for extracting a character encoding from a meta element), and its offset in
    /// the value.
    static func charsetInContent(_ value: String) -> (label: String, offset: Int)? {
        let bytes = Array(value.utf8)
        var index = 0
        while index + 7 <= bytes.count {
            guard bytes[index..<index + 7].map(lower) == Array("charset".utf8) else { index += 1; continue }
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

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
