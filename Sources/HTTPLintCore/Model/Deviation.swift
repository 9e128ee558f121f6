/// A place where the bytes depart from the HTTP/1.1 message syntax or framing (RFC 9112),
/// recorded by the parser, which then carries on as a careful recipient would.
///
/// Each kind is reported by the rule whose id is the kind's raw value (see `Rules/Framing/`).
public struct Deviation: Sendable, Hashable {
    public let kind: Kind
    public let span: ByteSpan
    /// What was found, naming the concrete bytes or values.
    public let message: String

    public init(_ kind: Kind, _ span: ByteSpan, _ message: String) {
        self.kind = kind
        self.span = span
        self.message = message
    }

    /// The kind of a deviation; its raw value is the id of the rule that reports it.
    public struct Kind: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
    }
}

extension Deviation.Kind {
    /// The input does not start with an HTTP/1.x status line.
    public static let notHTTP = Self(rawValue: "not-an-http-response")
    /// Bad version, status code not three digits, missing space.
    public static let malformedStatusLine = Self(rawValue: "malformed-status-line")
    /// An IIS sub-status such as `401.1` in place of the status code.
    public static let iisSubstatus = Self(rawValue: "iis-substatus-in-status-line")
    /// The input ends after interim responses, without a final response.
    public static let missingFinalResponse = Self(rawValue: "missing-final-response")
    /// A line ends in LF without CR.
    public static let bareLF = Self(rawValue: "bare-lf-line-ending")
    /// A CR not followed by LF.
    public static let bareCR = Self(rawValue: "bare-cr")
    /// A field value continued on the next line (obs-fold).
    public static let obsoleteLineFolding = Self(rawValue: "obsolete-line-folding")
    /// Whitespace between the status line and the first field line.
    public static let whitespaceBeforeFirstField = Self(rawValue: "whitespace-before-first-field")
    /// Whitespace between a field name and its colon.
    public static let whitespaceBeforeColon = Self(rawValue: "whitespace-before-colon")
    /// A field line with no colon.
    public static let fieldLineWithoutColon = Self(rawValue: "field-line-without-colon")
    /// A field name that is empty or holds characters outside `token`.
    public static let invalidFieldName = Self(rawValue: "invalid-field-name")
    /// A control character in a field value.
    public static let invalidFieldValue = Self(rawValue: "invalid-field-value-character")
    /// A Content-Length that is not a non-negative decimal integer.
    public static let invalidContentLength = Self(rawValue: "invalid-content-length")
    /// Content-Length fields or list members with different values.
    public static let conflictingContentLength = Self(rawValue: "conflicting-content-length")
    /// The same Content-Length value sent more than once.
    public static let duplicateContentLength = Self(rawValue: "duplicate-content-length")
    /// Both Transfer-Encoding and Content-Length.
    public static let transferEncodingWithContentLength = Self(rawValue: "transfer-encoding-with-content-length")
    /// Transfer-Encoding whose final coding is not chunked: the content runs to connection close.
    public static let transferEncodingNotChunkedLast = Self(rawValue: "transfer-encoding-not-chunked-last")
    /// Transfer-Encoding that is empty, has an invalid coding or applies chunked twice.
    public static let invalidTransferEncoding = Self(rawValue: "invalid-transfer-encoding")
    /// Transfer-Encoding in an HTTP/1.0 response, or in a response to an HTTP/1.0 request.
    public static let transferEncodingInHTTP10 = Self(rawValue: "transfer-encoding-in-http10")
    /// A chunk size line that is not hexadecimal digits.
    public static let invalidChunkSize = Self(rawValue: "invalid-chunk-size")
    /// Chunk extensions that do not follow the grammar.
    public static let invalidChunkExtension = Self(rawValue: "invalid-chunk-extension")
    /// Chunk data not followed by CRLF.
    public static let invalidChunkTerminator = Self(rawValue: "invalid-chunk-terminator")
    /// The input ends inside the header section.
    public static let truncatedHeaderSection = Self(rawValue: "truncated-header-section")
    /// The input ends before the declared content does.
    public static let truncatedContent = Self(rawValue: "truncated-content")
    /// Bytes after a complete message that do not start another response.
    public static let bytesAfterMessage = Self(rawValue: "bytes-after-message")
    /// A response after one that announced `Connection: close`.
    public static let responseAfterConnectionClose = Self(rawValue: "response-after-connection-close")
    /// A message larger than the parser's limits; the rest of the input is not read.
    public static let limitExceeded = Self(rawValue: "limit-exceeded")
    /// Empty lines after a message, before the next response or the end of the input.
    public static let extraLineBreaks = Self(rawValue: "extra-line-breaks")

    /// A response on a connection after a request whose framing the server could not trust
    /// (RFC 9112 §6.1, §6.3: it must close the connection after answering it).
    public static let responseAfterUnframeableRequest = Self(rawValue: "response-after-unframeable-request")

    /// No byte came back for a known request (the response input is empty).
    public static let noResponse = Self(rawValue: "no-response")
    /// An answer without a status line to a request the server could not read as HTTP/1.x:
    /// the HTTP/0.9 form. Judged with the request, not as input that is not HTTP.
    public static let http09Response = Self(rawValue: "http09-response")

    /// Every kind the response parser can record.
    public static let all: [Self] = [
        .notHTTP, .malformedStatusLine, .iisSubstatus, .missingFinalResponse, .bareLF, .bareCR, .obsoleteLineFolding,
        .whitespaceBeforeFirstField, .whitespaceBeforeColon, .fieldLineWithoutColon,
        .invalidFieldName, .invalidFieldValue, .invalidContentLength, .conflictingContentLength,
        .duplicateContentLength, .transferEncodingWithContentLength, .transferEncodingNotChunkedLast,
        .invalidTransferEncoding, .transferEncodingInHTTP10, .invalidChunkSize, .invalidChunkExtension,
        .invalidChunkTerminator, .truncatedHeaderSection, .truncatedContent, .bytesAfterMessage,
        .responseAfterConnectionClose, .limitExceeded, .extraLineBreaks,
    ]
}

/// Kinds recorded in requests only. All of them, and the shared kinds (bare LF, obs-fold,
/// whitespace before a colon, invalid Content-Length…) when found in a request, are reported
/// by the one `request-deviation` rule, pointing at the request's bytes; the raw value names
/// the kind in its message.
extension Deviation.Kind {
    /// The bytes do not start with a request line at all (a TLS handshake, binary data).
    public static let notHTTPRequest = Self(rawValue: "not-an-http-request")
    /// A request line with no version: the HTTP/0.9 form `GET /path`.
    public static let http09RequestLine = Self(rawValue: "http09-request-line")
    /// A method that is not a token (RFC 9110 §9.1).
    public static let invalidMethod = Self(rawValue: "invalid-method")
    /// A method not in the IANA registry: not malformed, but a server may not know it.
    public static let unregisteredMethod = Self(rawValue: "unregistered-method")
    /// A version that is not `HTTP/` DIGIT `.` DIGIT (lowercase `http/1.1`, `HTTP/1`, …).
    public static let malformedRequestVersion = Self(rawValue: "malformed-request-version")
    /// A well-formed version other than HTTP/1.0 and HTTP/1.1 (HTTP/1.2, HTTP/2.0…).
    public static let unsupportedRequestVersion = Self(rawValue: "unsupported-request-version")
    /// Whitespace other than one SP between the parts of the request line (two spaces, a tab,
    /// spaces at either end, a space inside the target).
    public static let requestLineWhitespace = Self(rawValue: "request-line-whitespace")
    /// An HTTP/1.1 request without Host (RFC 9112 §3.2).
    public static let missingHost = Self(rawValue: "missing-host")
    /// More than one Host field line (RFC 9112 §3.2).
    public static let repeatedHost = Self(rawValue: "repeated-host")
    /// A Host value that is not `uri-host [ ":" port ]` (RFC 9112 §3.2).
    public static let invalidHost = Self(rawValue: "invalid-host")
    /// An absolute-form target whose authority differs from the Host field (RFC 9112 §3.2.2).
    public static let hostMismatch = Self(rawValue: "host-mismatch")
    /// A target longer than the configured limit (`ParserLimits.maxTargetLength`).
    public static let longTarget = Self(rawValue: "long-target")

    /// The kinds only requests have.
    public static let requestOnly: [Self] = [
        .notHTTPRequest, .http09RequestLine, .invalidMethod, .unregisteredMethod, .malformedRequestVersion,
        .unsupportedRequestVersion, .requestLineWhitespace, .missingHost, .repeatedHost, .invalidHost,
        .hostMismatch, .longTarget,
    ]
}
