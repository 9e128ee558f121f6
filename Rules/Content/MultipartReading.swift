import HTTPLintCore

/// Multipart content (RFC 2046 §5.1.1) split into its body parts, read once for the multipart
/// rules: the media type's boundary, where the delimiter lines are, and which fields each
/// part's header area has.
final class MultipartReading: ResponseReading {
    /// The media type of the one Content-Type field when it is multipart/* with a non-empty
    /// boundary; `nil` otherwise.
    let mediaType: MediaType?
    /// The boundary as written (quotes removed).
    let boundary: [UInt8]
    /// The parsed content, when the response has multipart content to read whole: framed,
    /// not cut short, not empty, without a content coding (whose layer would hide the parts)
    /// or a transfer coding besides chunked, and at most ``limit`` bytes.
    let body: Body?

    /// The most content read.
    static let limit = 16 << 20
    /// The most parts read.
    static let maxParts = 10_000

    struct Body {
        /// Each body part, in order.
        let parts: [Part]
        /// Whether a close delimiter (`--boundary--`) ends the parts.
        let isClosed: Bool
    }

    struct Part {
        /// Offset of the part's delimiter line in the content.
        let offset: Int
        /// The names of the part's header fields, lowercase.
        let fieldNames: [String]

        func has(_ name: String) -> Bool { fieldNames.contains(name) }
    }

    init(_ response: Response) {
        let lines = response.fields.named(.contentType)
        // Most content is not multipart: a look at the type's bytes spares parsing the value.
        let mediaType = lines.count == 1 && Self.mayBeMultipart(lines[0].valueUTF8Slice) ? MediaType(bytes: lines[0].valueUTF8) : nil
        guard let mediaType, mediaType.type == "multipart", let boundary = mediaType.parameter("boundary")?.value, !boundary.isEmpty else {
            (self.mediaType, self.boundary, body) = (nil, [], nil)
            return
        }
        self.mediaType = mediaType
        self.boundary = boundary
        var body: Body?
        if Self.isReadable(response) {
            // In place (chunks joined): no copy of the content.
            ContentReading.withContentBytes(response) { body = Self.parse($0, boundary: boundary) }
        }
        self.body = body
    }

    /// Whether `value` may be a multipart media type: whether, after the whitespace before it,
    /// it starts with `multipart/` in any case. A media type that parses with the type
    /// `multipart` does.
    static func mayBeMultipart(_ value: ArraySlice<UInt8>) -> Bool {
        guard let start = value.firstIndex(where: { $0 > 0x20 }), value.endIndex - start >= 10 else { return false }
        var index = start
        for wanted in "multipart/".utf8 {
            guard value[index].asciiLowercased == wanted else { return false }
            index += 1
        }
        return true
    }

    /// Whether the content can be read whole (see ``body``).
    private static func isReadable(_ response: Response) -> Bool {
        let content = response.content
        switch content.framing {
        case .contentLength, .chunked, .closeDelimited: break
        case .none, .tunnel: return false
        }
        return !content.isTruncated && content.length > 0 && content.length <= limit
            && ContentReading.hasOnlyChunkedTransferCoding(response)
            && response.fields.named(.contentEncoding).flatMap(\.listElements).allSatisfy({ $0.asciiLowercased() == "identity" })
    }

    /// Splits `bytes` at its delimiter lines: `--boundary` at the start or after a line
    /// break, then optional spaces or tabs (transport padding) and a line break; `--boundary--`
    /// closes. Bare LF is accepted where CRLF belongs, so as not to judge line endings here.
    static func parse(_ bytes: [UInt8], boundary: [UInt8]) -> Body {
        bytes.withUnsafeBufferPointer { parse($0, boundary: boundary) }
    }

    /// ``parse(_:boundary:)`` for content read in place.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, boundary: [UInt8]) -> Body {
        let delimiter = Array("--".utf8) + boundary
        var parts: [Part] = []
        var index = 0
        var isClosed = false
        while index + delimiter.count <= bytes.count, parts.count < maxParts {
            guard let found = nextDelimiter(delimiter, in: bytes, from: index) else { break }
            var position = found + delimiter.count
            if position + 1 < bytes.count, bytes[position] == 0x2D, bytes[position + 1] == 0x2D {
                isClosed = true
                break
            }
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
            if position < bytes.count, bytes[position] == 0x0D { position += 1 }
            guard position < bytes.count, bytes[position] == 0x0A else {
                // Not a delimiter line (the boundary begins a longer word): look further.
                index = found + 1
                continue
            }
            position += 1
            // The header area: lines up to an empty one.
            var names: [String] = []
            while position < bytes.count {
                let end = bytes[position...].firstIndex(of: 0x0A) ?? bytes.count
                var line = bytes[position..<end]
                if line.last == 0x0D { line = line.dropLast() }
                position = min(end + 1, bytes.count)
                if line.isEmpty { break }
                // A delimiter where a field was expected: a part with no empty line after its fields.
                if line.starts(with: delimiter) { position = line.startIndex; break }
                if let colon = line.firstIndex(of: 0x3A) {
                    names.append(SourceText.decode(line[line.startIndex..<colon]).trimmingASCIIWhitespace().asciiLowercased())
                }
            }
            parts.append(Part(offset: found, fieldNames: names))
            index = position
        }
        return Body(parts: parts, isClosed: isClosed)
    }

    /// The offset of the next `delimiter` at or after `start` that begins the content or a line.
    private static func nextDelimiter(_ delimiter: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        let first = delimiter[0]
        while index + delimiter.count <= bytes.count {
            if bytes[index] == first, index == 0 || bytes[index - 1] == 0x0A,
               bytes[index..<index + delimiter.count].elementsEqual(delimiter) {
                return index
            }
            index += 1
        }
        return nil
    }
}
