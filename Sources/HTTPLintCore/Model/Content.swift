/// How a message's content was delimited, and where it lies (RFC 9112 §6.3).
public struct Content: Sendable {
    /// The way the end of the content was found.
    public enum Framing: Sendable, Hashable {
        /// The message cannot have content (1xx, 204, 304, a response to HEAD): it ends with the header section.
        case none
        /// `Content-Length` gave the length.
        case contentLength(Int)
        /// The chunked transfer coding delimits the content.
        case chunked
        /// The content runs until the connection closes (here: the end of the input).
        case closeDelimited
        /// A 2xx answer to CONNECT or a 101: what follows is another protocol, not content.
        case tunnel
    }

    public let framing: Framing
    /// The bytes on the wire after the header section that belong to this message, chunk
    /// framing and trailers included.
    public let span: ByteSpan
    /// The length of the content itself: chunk data only, for chunked content.
    public let length: Int
    /// The spans of chunk data, for chunked content.
    public let chunks: [ByteSpan]
    /// Whether the input ended before the content was complete.
    public let isTruncated: Bool

    public init(framing: Framing, span: ByteSpan, length: Int, chunks: [ByteSpan] = [], isTruncated: Bool = false) {
        self.framing = framing
        self.span = span
        self.length = length
        self.chunks = chunks
        self.isTruncated = isTruncated
    }

    public static func none(at offset: Int) -> Content {
        Content(framing: .none, span: .at(offset), length: 0)
    }
}
