/// A request as the server received it: method, target, version, fields and content, read as
/// tolerantly as a response (RFC 9112 §3). Whatever could not be understood is left empty or
/// `nil` and said in ``deviations``: rules that need it stay silent.
///
/// ```swift
/// let request = RequestParser.parse(SourceText(name: "r.req", text: "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"))[0]
/// request.method            // "GET"
/// request.version           // HTTP/1.1
/// request.fields.first(named: .host)?.value   // "a.example"
/// ```
public struct Request: Sendable {
    /// The method token as sent (methods are case-sensitive: RFC 9110 §9.1); empty when the
    /// bytes hold no request line (``hasRequestLine``).
    public let method: String
    public let target: String
    /// The version from the request line, when readable (`nil` for an HTTP/0.9 request line
    /// without one, or a version that is not `HTTP/` DIGIT `.` DIGIT).
    public let version: HTTPVersion?
    public let fields: Fields
    /// The whole request, head and content.
    public let span: ByteSpan
    public let source: SourceText
    /// Where the request departs from RFC 9112 (whitespace before a colon, bare LF, no Host…):
    /// some of these oblige the server to reject it. Reported by the `request-deviation` rule.
    public let deviations: [Deviation]
    /// The request line (without its line ending); where a finding about the request as a
    /// whole points.
    public let lineSpan: ByteSpan
    /// The method, target and version as they appear in the request line (empty spans where
    /// absent).
    public let methodSpan: ByteSpan
    public let targetSpan: ByteSpan
    public let versionSpan: ByteSpan
    /// The content as framed by Content-Length or chunked coding (the chunked framing
    /// included); empty when there is none.
    public let contentSpan: ByteSpan

    public init(method: String, target: String, version: HTTPVersion?, fields: Fields, span: ByteSpan,
                source: SourceText, deviations: [Deviation] = [], lineSpan: ByteSpan? = nil,
                methodSpan: ByteSpan? = nil, targetSpan: ByteSpan? = nil, versionSpan: ByteSpan? = nil,
                contentSpan: ByteSpan? = nil) {
        self.method = method
        self.target = target
        self.version = version
        self.fields = fields
        self.span = span
        self.source = source
        self.deviations = deviations
        self.lineSpan = lineSpan ?? .at(span.offset)
        self.methodSpan = methodSpan ?? .at(span.offset)
        self.targetSpan = targetSpan ?? .at(span.offset)
        self.versionSpan = versionSpan ?? .at(span.offset)
        self.contentSpan = contentSpan ?? .at(span.end)
    }

    public var isHEAD: Bool { method == "HEAD" }
    public var isCONNECT: Bool { method == "CONNECT" }

    /// Whether the bytes start with something read as a request line (false for a TLS
    /// handshake or other bytes that are not HTTP: method and target are then empty).
    public var hasRequestLine: Bool { !method.isEmpty }

    /// Whether the parser recorded a deviation of `kind`.
    public func has(_ kind: Deviation.Kind) -> Bool { deviations.contains { $0.kind == kind } }

    /// The first deviation of `kind`, if any.
    public func deviation(_ kind: Deviation.Kind) -> Deviation? { deviations.first { $0.kind == kind } }

    /// The same request with `deviations` added (for what is found only after parsing, such as
    /// a request answered by no response).
    public func adding(_ more: [Deviation]) -> Request {
        Request(method: method, target: target, version: version, fields: fields, span: span, source: source,
                deviations: deviations + more, lineSpan: lineSpan, methodSpan: methodSpan, targetSpan: targetSpan,
                versionSpan: versionSpan, contentSpan: contentSpan)
    }
}

extension Request {
    /// The methods of the IANA HTTP Method Registry (RFC 9110 §18.2 and the RFCs it lists),
    /// case-sensitive as methods are.
    public static let registeredMethods: Set<String> = [
        "ACL", "BASELINE-CONTROL", "BIND", "CHECKIN", "CHECKOUT", "CONNECT", "COPY", "DELETE", "GET", "HEAD",
        "LABEL", "LINK", "LOCK", "MERGE", "MKACTIVITY", "MKCALENDAR", "MKCOL", "MKREDIRECTREF", "MKWORKSPACE",
        "MOVE", "OPTIONS", "ORDERPATCH", "PATCH", "POST", "PRI", "PROPFIND", "PROPPATCH", "PUT", "QUERY",
        "REBIND", "REPORT", "SEARCH", "TRACE", "UNBIND", "UNCHECKOUT", "UNLINK", "UNLOCK", "UPDATE",
        "UPDATEREDIRECTREF", "VERSION-CONTROL",
    ]

    /// Whether the method is in the IANA registry (``registeredMethods``).
    public var hasRegisteredMethod: Bool { Self.registeredMethods.contains(method) }
}
