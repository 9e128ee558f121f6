import HTTPLintCore

/// Whether a response's content decodes with its Content-Encoding, checked once for the rules
/// that report on it.
final class ContentCodingReading: ResponseReading {
    /// The check, or `nil` when there is nothing to decode: no content (HEAD, 204, 304, an
    /// empty body), a part of the representation (206), content cut short (truncated-content
    /// reports it), a transfer coding besides chunked, or no coding httplint decodes.
    let check: ContentCodingCheck?
    private let content: Content

    init(_ response: Response) {
        content = response.content
        check = Self.check(response)
    }

    private static func check(_ response: Response) -> ContentCodingCheck? {
        let content = response.content
        switch content.framing {
        case .contentLength, .chunked, .closeDelimited: break
        case .none, .tunnel: return nil
        }
        guard !content.isTruncated, content.length > 0, response.status != 206 else { return nil }
        let transferCodings = response.fields.named(.transferEncoding).flatMap(\.listElements)
        guard transferCodings.allSatisfy({ $0.asciiLowercased() == "chunked" }) else { return nil }
        let codings = response.fields.named(.contentEncoding).flatMap(\.listElements)
        guard codings.contains(where: { ContentCodingCheck.isDecodable($0) && $0.asciiLowercased() != "identity" }) else { return nil }
        let bytes = response.source.bytes
        if content.framing == .chunked {
            var joined: [UInt8] = []
            joined.reserveCapacity(content.length)
            for chunk in content.chunks { joined += bytes[response.source.clamped(chunk)] }
            return joined.withUnsafeBufferPointer { ContentCodingCheck(content: $0, codings: codings) }
        }
        let range = response.source.clamped(content.span)
        return bytes.withUnsafeBufferPointer { ContentCodingCheck(content: UnsafeBufferPointer(rebasing: $0[range]), codings: codings) }
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
