/// The head of the request that a response answers: enough to decide framing and the
/// request-aware rules (RFC 9112 §3).
public struct Request: Sendable {
    /// The method token as sent (methods are case-sensitive: RFC 9110 §9.1).
    public let method: String
    public let target: String
    /// The version from the request line, when readable.
    public let version: HTTPVersion?
    public let fields: Fields
    /// The whole request, head and content.
    public let span: ByteSpan
    public let source: SourceText
    /// Where the request departs from RFC 9112 (whitespace before a colon, bare LF…): some
    /// of these oblige the server to reject it.
    public let deviations: [Deviation]

    public init(method: String, target: String, version: HTTPVersion?, fields: Fields, span: ByteSpan,
                source: SourceText, deviations: [Deviation] = []) {
        self.method = method
        self.target = target
        self.version = version
        self.fields = fields
        self.span = span
        self.source = source
        self.deviations = deviations
    }

    public var isHEAD: Bool { method == "HEAD" }
    public var isCONNECT: Bool { method == "CONNECT" }
}
