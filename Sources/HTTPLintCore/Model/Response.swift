/// One HTTP/1.x response as received: status line, header fields, content and trailers.
///
/// A class, immutable: every rule reads the responses of an exchange, and handing one on then
/// costs one reference count rather than one for each of its arrays and its input.
public final class Response: Sendable {
    /// The whole message, from the first byte of the status line to the end of its content.
    public let span: ByteSpan
    /// The status line without its line ending.
    public let statusLineSpan: ByteSpan
    /// The protocol version, when the status line has a readable one.
    public let version: HTTPVersion?
    public let versionSpan: ByteSpan
    /// The status code, when the status line has three digits there.
    public let status: Int?
    public let statusSpan: ByteSpan
    /// The reason phrase, possibly empty; `nil` when the status line stops after the code.
    public let reasonSpan: ByteSpan?
    /// The header section's fields.
    public let fields: Fields
    /// Where the header section ends: the empty line (or the end of the input if it never came).
    public let headerEndSpan: ByteSpan
    /// Whether the header section was complete (ended by an empty line).
    public let isHeaderComplete: Bool
    public let content: Content
    /// Trailer fields after chunked content.
    public let trailers: Fields
    /// Bytes that followed a response that cannot have content (1xx, 204, 304, a response to
    /// HEAD) and that are not the start of another response: the sender treated them as content.
    public let unexpectedContent: ByteSpan?
    /// The input the spans refer to.
    public let source: SourceText

    public init(
        span: ByteSpan, statusLineSpan: ByteSpan, version: HTTPVersion?, versionSpan: ByteSpan,
        status: Int?, statusSpan: ByteSpan, reasonSpan: ByteSpan?, fields: Fields,
        headerEndSpan: ByteSpan, isHeaderComplete: Bool, content: Content, trailers: Fields,
        unexpectedContent: ByteSpan? = nil, source: SourceText
    ) {
        self.span = span
        self.statusLineSpan = statusLineSpan
        self.version = version
        self.versionSpan = versionSpan
        self.status = status
        self.statusSpan = statusSpan
        self.reasonSpan = reasonSpan
        self.fields = fields
        self.headerEndSpan = headerEndSpan
        self.isHeaderComplete = isHeaderComplete
        self.content = content
        self.trailers = trailers
        self.unexpectedContent = unexpectedContent
        self.source = source
    }

    /// The same response with `unexpectedContent` set (found after the response was read).
    func with(unexpectedContent: ByteSpan) -> Response {
        Response(span: span, statusLineSpan: statusLineSpan, version: version, versionSpan: versionSpan, status: status,
                 statusSpan: statusSpan, reasonSpan: reasonSpan, fields: fields, headerEndSpan: headerEndSpan,
                 isHeaderComplete: isHeaderComplete, content: content, trailers: trailers,
                 unexpectedContent: unexpectedContent, source: source)
    }

    /// The reason phrase as text, `""` when absent.
    public var reason: String { reasonSpan.map(source.string) ?? "" }

    /// Whether the reason phrase is `phrase` byte for byte, read in place (no string is built):
    /// a shortcut for the usual registered phrase before comparing ``reason`` as text.
    public func reasonIsExactly(_ phrase: String) -> Bool {
        guard let reasonSpan else { return false }
        return source.bytes[source.clamped(reasonSpan)].elementsEqual(phrase.utf8)
    }

    /// Whether this is an interim (1xx) response other than 101, which is followed by another response.
    public var isInterim: Bool {
        guard let status else { return false }
        return status >= 100 && status < 200 && status != 101
    }

    /// `"401 Unauthorized"`: the status code and reason phrase as sent, for messages.
    public var statusText: String {
        guard let status else { return "response" }
        let reason = self.reason
        return reason.isEmpty ? "\(status)" : "\(status) \(reason)"
    }

    /// Where a finding about the response as a whole points: the status code, or the status line.
    public var statusAnchor: ByteSpan { status != nil ? statusSpan : statusLineSpan }
}
