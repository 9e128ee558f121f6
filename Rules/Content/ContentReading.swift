import HTTPLintCore

/// A response's content as the content rules read it, made once for all of them: whether it
/// decodes with its Content-Encoding and, for content labelled as JSON, the JSON text.
final class ContentReading: ResponseReading {
    /// The coding check, or `nil` when there is nothing to decode: no content (HEAD, 204,
    /// 304, an empty body), a part of the representation (206), content cut short
    /// (truncated-content reports it), a transfer coding besides chunked, or no coding
    /// httplint decodes.
    let check: ContentCodingCheck?
    /// For content labelled `application/json` or `…+json`: its bytes with every coding
    /// undone (as sent when there is none), when they can be had: not when a coding is one
    /// httplint does not decode, does not decode, or decodes to more than ``jsonLimit``.
    let json: [UInt8]?
    /// Whether ``json`` went through a decoder, so that its offsets are not those of the input.
    let jsonWasDecoded: Bool
    /// Why content labelled as JSON, or content with codings httplint decodes, was not
    /// checked although it is there to check: a check that gave up at a limit, or a zstd
    /// frame that needs a dictionary.
    let notChecked: String?
    /// The media type as written, for messages.
    let mediaType: String
    private let content: Content

    /// The largest JSON text checked.
    static let jsonLimit = 16 << 20

    init(_ response: Response) {
        content = response.content
        let (isJSON, mediaType) = Self.jsonMediaType(response)
        self.mediaType = mediaType
        guard Self.hasContentAsSent(response) else {
            (check, json, jsonWasDecoded, notChecked) = (nil, nil, false, nil)
            return
        }
        let codings = response.fields.named(.contentEncoding).flatMap(\.listElements)
        let encoded = codings.contains { $0.asciiLowercased() != "identity" }
        let decodable = codings.allSatisfy { ContentCodingCheck.isDecodable($0) }
        let keep = isJSON ? Self.jsonLimit : 0
        var check: ContentCodingCheck?
        var asSent: [UInt8]?
        Self.withContentBytes(response) { bytes in
            if encoded, codings.contains(where: { ContentCodingCheck.isDecodable($0) && $0.asciiLowercased() != "identity" }) {
                check = ContentCodingCheck(content: bytes, codings: codings, keepingDecoded: keep)
            }
            if isJSON, !encoded, bytes.count <= Self.jsonLimit { asSent = Array(bytes) }
        }
        self.check = check
        if encoded {
            json = isJSON && decodable && check?.problem == nil ? check?.decoded : nil
            jsonWasDecoded = true
        } else {
            json = asSent
            jsonWasDecoded = false
        }
        let limit = "\(Self.jsonLimit >> 20) MB"
        if let reason = check?.noVerdict {
            notChecked = reason
        } else if check?.stoppedAtLimit == true {
            notChecked = "it decodes to more than \(ContentCodingCheck.outputLimit >> 20) MB, the most httplint decodes per response, so whether it decodes\(isJSON ? " and is JSON" : "") was not checked"
        } else if isJSON, json == nil, !encoded || (decodable && check?.isComplete == true && check?.problem == nil) {
            notChecked = "it is \(encoded ? "more than \(limit) decoded" : "\(response.content.length) bytes, more than \(limit)"), the most the JSON check reads, so whether it is JSON was not checked"
        } else {
            notChecked = nil
        }
    }

    /// What the JSON check finds in ``json``, found once for the rules that ask.
    private(set) lazy var jsonVerdict: JSONText.DocumentVerdict? = json.map(JSONText.document)

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
        return response.fields.named(.transferEncoding).flatMap(\.listElements).allSatisfy { $0.asciiLowercased() == "chunked" }
    }

    /// Calls `body` with the content bytes: in place, or the chunks' data joined.
    static func withContentBytes(_ response: Response, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let content = response.content
        let source = response.source
        if content.framing == .chunked {
            var joined: [UInt8] = []
            joined.reserveCapacity(content.length)
            for chunk in content.chunks { joined += source.bytes[source.clamped(chunk)] }
            joined.withUnsafeBufferPointer(body)
            return
        }
        let range = source.clamped(content.span)
        source.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Whether the one Content-Type field names a JSON media type (`application/json`, or any
    /// with the `+json` suffix of RFC 6839 §3.1), and the type as written.
    private static func jsonMediaType(_ response: Response) -> (Bool, String) {
        let lines = response.fields.named(.contentType)
        guard lines.count == 1 else { return (false, "") }
        let value = lines[0].valueUTF8Slice
        // The type and subtype: up to a ';' or whitespace.
        let end = value.firstIndex { $0 == 0x3B || $0 == 0x20 || $0 == 0x09 } ?? value.endIndex
        let written = SourceText.decode(value[value.startIndex..<end])
        let lowered = written.asciiLowercased()
        guard let slash = lowered.firstIndex(of: "/") else { return (false, written) }
        let type = lowered[..<slash]
        let subtype = lowered[lowered.index(after: slash)...]
        let isJSON = !type.isEmpty && (subtype == "json" || (subtype.hasSuffix("+json") && subtype.count > 5))
        return (isJSON, written)
    }

    /// The byte of the input at `offset` in the content (chunk data only, for chunked
    /// content); the content's first byte when the offset is not known. An offset at or past
    /// the end is the content's last byte.
    func span(at offset: Int?) -> ByteSpan {
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
