import HTTPLintCore

/// A response's content as the content rules read it, made once for all of them: whether it
/// decodes with its Content-Encoding and, for content labelled as JSON, the JSON text.
final class ContentReading: ResponseReading {
    /// The coding check, or `nil` when there is nothing to decode: no content (HEAD, 204,
    /// 304, an empty body), a part of the representation (206), content cut short
    /// (truncated-content reports it), a transfer coding besides chunked, or no coding
    /// httplint decodes.
    let check: ContentCodingCheck?
    /// Whether content labelled `application/json` or `…+json` can be had as JSON text (see
    /// ``withJSON(_:)``): not when a coding is one httplint does not decode, does not decode,
    /// or decodes to more than ``jsonLimit``, nor when the content as sent is larger.
    let hasJSON: Bool
    /// Whether the JSON text went through a decoder, so that its offsets are not those of the input.
    let jsonWasDecoded: Bool
    /// Why content labelled as JSON, or content with codings httplint decodes, was not
    /// checked although it is there to check: a check that gave up at a limit, or a zstd
    /// frame that needs a dictionary.
    let notChecked: String?
    private let response: Response
    /// Whether the content is there whole (``hasContentAsSent(_:)``).
    private let hasContent: Bool
    /// Whether Content-Encoding names a coding besides identity.
    private let encoded: Bool
    /// Whether httplint decodes every coding Content-Encoding names.
    private let decodable: Bool
    /// Whether ``check`` kept what it decoded, up to ``CharsetReading/limit``.
    private let checkKeptDecoded: Bool

    /// The largest JSON text checked.
    static let jsonLimit = 16 << 20

    init(_ response: Response) {
        self.response = response
        guard Self.hasContentAsSent(response) else {
            (check, hasJSON, jsonWasDecoded, notChecked) = (nil, false, false, nil)
            (hasContent, encoded, decodable, checkKeptDecoded) = (false, false, false, false)
            return
        }
        hasContent = true
        let (isJSON, mayBeText) = Self.contentKind(response)
        let codings = response.fields.named(.contentEncoding).flatMap(\.listElements)
        let encoded = codings.contains { $0.asciiLowercased() != "identity" }
        let decodable = codings.allSatisfy { ContentCodingCheck.isDecodable($0) }
        (self.encoded, self.decodable) = (encoded, decodable)
        // What is decoded is kept for the JSON check and for the charset rules, which read
        // the text of text types (CharsetReading.limit is the same 16 MB): decoded once.
        let keep = isJSON || mayBeText ? Self.jsonLimit : 0
        var check: ContentCodingCheck?
        if encoded, codings.contains(where: { ContentCodingCheck.isDecodable($0) && $0.asciiLowercased() != "identity" }) {
            Self.withContentBytes(response) { bytes in
                check = ContentCodingCheck(content: bytes, codings: codings, keepingDecoded: keep)
            }
        }
        self.check = check
        checkKeptDecoded = keep == CharsetReading.limit
        if encoded {
            hasJSON = isJSON && decodable && check?.problem == nil && check?.decoded != nil
            jsonWasDecoded = true
        } else {
            hasJSON = isJSON && Self.contentCount(response) <= Self.jsonLimit
            jsonWasDecoded = false
        }
        if let reason = check?.noVerdict {
            notChecked = reason
        } else if check?.stoppedAtLimit == true {
            notChecked = "it decodes to more than \(ContentCodingCheck.outputLimit >> 20) MB, the most httplint decodes per response, so whether it decodes\(isJSON ? " and is JSON" : "") was not checked"
        } else if isJSON, !hasJSON, !encoded || (decodable && check?.isComplete == true && check?.problem == nil) {
            let limit = "\(Self.jsonLimit >> 20) MB"
            notChecked = "it is \(encoded ? "more than \(limit) decoded" : "\(response.content.length) bytes, more than \(limit)"), the most the JSON check reads, so whether it is JSON was not checked"
        } else {
            notChecked = nil
        }
    }

    /// The media type as written, for messages.
    private(set) lazy var mediaType: String = Self.writtenMediaType(response)

    /// Whether there may be text for ``withText(_:)``: whole content whose codings httplint
    /// all decodes. Cheap, for rules to ask before they read anything else.
    var mayHaveText: Bool { hasContent && decodable }

    /// Calls `body` with the JSON text: content labelled as JSON with every coding undone (as
    /// sent, read in place, when there is none); `nil` when there is none (see ``hasJSON``).
    func withJSON<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard hasJSON else { return nil }
        if encoded {
            guard let decoded = check?.decoded else { return nil }
            return decoded.withUnsafeBufferPointer(body)
        }
        return withContentAsSent(body)
    }

    /// What the JSON check finds in the JSON text, found once for the rules that ask.
    private(set) lazy var jsonVerdict: JSONText.DocumentVerdict? = withJSON(JSONText.document)

    /// Calls `body` with the content as the charset rules read it, and whether a decoder
    /// produced it: with every coding undone (as sent, read in place, when there is none).
    /// `nil` when there is no whole content to read (see ``hasContentAsSent(_:)``), a coding
    /// is one httplint does not decode or does not decode, or the content is larger than
    /// ``CharsetReading/limit``. Decoded at most once per response, for all the rules.
    func withText<Result>(_ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ wasDecoded: Bool) -> Result) -> Result? {
        guard hasContent, decodable else { return nil }
        if !encoded {
            guard Self.contentCount(response) <= CharsetReading.limit else { return nil }
            return withContentAsSent { body($0, false) }
        }
        guard let decoded = decodedText else { return nil }
        return decoded.withUnsafeBufferPointer { body($0, true) }
    }

    /// The decoded content for ``withText(_:)``: the check's, when it kept it; otherwise
    /// decoded now, once.
    private lazy var decodedText: [UInt8]? = {
        if checkKeptDecoded {
            guard let check, check.problem == nil, check.isComplete else { return nil }
            return check.decoded
        }
        let codings = response.fields.named(.contentEncoding).flatMap(\.listElements)
        var result: [UInt8]?
        Self.withContentBytes(response) { bytes in
            let check = ContentCodingCheck(content: bytes, codings: codings, keepingDecoded: CharsetReading.limit)
            if check.problem == nil, check.isComplete, let decoded = check.decoded { result = decoded }
        }
        return result
    }()

    /// Chunked content's data joined, made once for the rules that read it.
    private lazy var joinedChunks: [UInt8] = Self.joinedChunks(response)

    /// Calls `body` with the content as sent: in place, or the chunks' data joined (once).
    private func withContentAsSent<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if response.content.framing == .chunked {
            return joinedChunks.withUnsafeBufferPointer(body)
        }
        let source = response.source
        let range = source.clamped(response.content.span)
        return source.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// How many bytes ``withContentBytes(_:_:)`` hands on, without joining chunks.
    private static func contentCount(_ response: Response) -> Int {
        let content = response.content
        let source = response.source
        guard content.framing == .chunked else { return source.clamped(content.span).count }
        var count = 0
        for chunk in content.chunks { count += source.clamped(chunk).count }
        return count
    }

    private static func joinedChunks(_ response: Response) -> [UInt8] {
        let source = response.source
        var joined: [UInt8] = []
        joined.reserveCapacity(response.content.length)
        for chunk in response.content.chunks { joined += source.bytes[source.clamped(chunk)] }
        return joined
    }

    /// Whether the response carries content as a server sent it, whole: framed by
    /// Content-Length, chunked or the connection's close, not cut short, not empty, not a
    /// 206 part, and with no transfer coding but chunked.
    static func hasContentAsSent(_ response: Response) -> Bool {
        let content = response.content
        switch content.framing {
        case .contentLength, .chunked, .closeDelimited: break
        case .none, .tunnel: return false
        }
        guard !content.isTruncated, content.length > 0, response.status != 206 else { return false }
        return hasOnlyChunkedTransferCoding(response)
    }

    /// Whether every Transfer-Encoding element (if any) is `chunked`, in any case. A value
    /// that is the one word is read on bytes; others are split into elements.
    static func hasOnlyChunkedTransferCoding(_ response: Response) -> Bool {
        for field in response.fields.named(.transferEncoding) {
            if ByteParsing.equals(field.readValueBytes, lowercase: "chunked") { continue }
            for coding in field.listElements where coding.asciiLowercased() != "chunked" { return false }
        }
        return true
    }

    /// Calls `body` with the content bytes: in place, or the chunks' data joined.
    static func withContentBytes(_ response: Response, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let content = response.content
        let source = response.source
        if content.framing == .chunked {
            joinedChunks(response).withUnsafeBufferPointer(body)
            return
        }
        let range = source.clamped(content.span)
        source.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Whether the one Content-Type field names a JSON media type (as ``jsonMediaType(_:)``
    /// says), and whether it may be a type whose text the charset rules read (text/*, XML,
    /// JavaScript: a superset, only to decide what decoded content to keep). Read on bytes.
    static func contentKind(_ response: Response) -> (isJSON: Bool, mayBeText: Bool) {
        let lines = response.fields.named(.contentType)
        guard lines.count == 1 else { return (false, false) }
        let value = lines[0].valueUTF8Slice
        let end = value.firstIndex { $0 == 0x3B || $0 == 0x20 || $0 == 0x09 } ?? value.endIndex
        let written = value[value.startIndex..<end]
        // Printable ASCII: a character per byte. Other bytes take the string's way.
        guard written.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) else { return (jsonMediaType(response).0, true) }
        guard let slash = written.firstIndex(of: 0x2F) else { return (false, false) }
        let type = written[written.startIndex..<slash]
        let subtype = written[(slash + 1)...]
        let isJSON = !type.isEmpty && (ByteParsing.equals(subtype, lowercase: "json")
            || (subtype.count > 5 && ByteParsing.equals(subtype.suffix(5), lowercase: "+json")))
        let mayBeText = ByteParsing.equals(type, lowercase: "text") || endsWithLowercased(subtype, "xml") || endsWithLowercased(subtype, "script")
        return (isJSON, mayBeText)
    }

    private static func endsWithLowercased(_ bytes: ArraySlice<UInt8>, _ wanted: StaticString) -> Bool {
        bytes.count >= wanted.utf8CodeUnitCount && ByteParsing.equals(bytes.suffix(wanted.utf8CodeUnitCount), lowercase: wanted)
    }

    /// Whether the one Content-Type field names a JSON media type (`application/json`, or any
    /// with the `+json` suffix of RFC 6839 §3.1), and the type as written.
    static func jsonMediaType(_ response: Response) -> (Bool, String) {
        let lines = response.fields.named(.contentType)
        guard lines.count == 1 else { return (false, "") }
        let written = writtenMediaType(response)
        let lowered = written.asciiLowercased()
        guard let slash = lowered.firstIndex(of: "/") else { return (false, written) }
        let type = lowered[..<slash]
        let subtype = lowered[lowered.index(after: slash)...]
        let isJSON = !type.isEmpty && (subtype == "json" || (subtype.hasSuffix("+json") && subtype.count > 5))
        return (isJSON, written)
    }

    /// The type and subtype of the one Content-Type field as written (up to a ';' or
    /// whitespace), for messages; empty when there is not exactly one.
    private static func writtenMediaType(_ response: Response) -> String {
        let lines = response.fields.named(.contentType)
        guard lines.count == 1 else { return "" }
        let value = lines[0].valueUTF8Slice
        // The type and subtype: up to a ';' or whitespace.
        let end = value.firstIndex { $0 == 0x3B || $0 == 0x20 || $0 == 0x09 } ?? value.endIndex
        return SourceText.decode(value[value.startIndex..<end])
    }

    /// The byte of the input at `offset` in the content (chunk data only, for chunked
    /// content); the content's first byte when the offset is not known. An offset at or past
    /// the end is the content's last byte.
    func span(at offset: Int?) -> ByteSpan {
        let content = response.content
        let wanted = max(0, min(offset ?? 0, content.length - 1))
        guard content.framing == .chunked else { return ByteSpan(offset: content.span.offset + wanted, length: 1) }
        var before = 0
        for chunk in content.chunks {
            if wanted < before + chunk.length { return ByteSpan(offset: chunk.offset + wanted - before, length: 1) }
            before += chunk.length
        }
        return ByteSpan(offset: content.span.offset, length: 1)
    }
}
