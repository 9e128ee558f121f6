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

    /// Every kind the parser can record.
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
