import HTTPLintCore

/// The reasons RFC 9112 gives a server no choice but to reject a request, read from the
/// request parser's deviations: one list for `success-for-invalid-request` (the request was
/// accepted) and `invalid-request-not-400` (it was refused with another status).
///
/// Only requirements without an alternative are here. Where the RFC lets the server choose
/// (obs-fold and bare CR: reject or replace with SP, RFC 9112 §5.2, §2.2; Content-Length with
/// Transfer-Encoding: reject or process, §6.1; Transfer-Encoding in HTTP/1.0: "close the
/// connection after processing the message", §6.1) accepting the request is not a fault.
struct RequiredRejection {
    /// What obliges the server, naming the values ("the HTTP/1.1 request has no Host field").
    let reason: String
    /// The request bytes at fault.
    let span: ByteSpan
    /// The status the RFC names for it.
    let due: Int
    /// Statuses that answer it rightly (`due` and, where two requirements meet, the other's).
    let accepted: Set<Int>
    /// Where the RFC says so (`RFC 9112 §3.2`).
    let section: String
    /// Whether the RFC says MUST (else SHOULD).
    let isRequired: Bool

    /// The duty in words: "the server must answer 400 (RFC 9112 §3.2)".
    var duty: String { "the server \(isRequired ? "must" : "should") answer \(due) (\(section))" }

    /// Every reason `request` must be rejected, in the order the parser found them.
    static func reasons(for request: Request) -> [RequiredRejection] {
        let hasTransferEncoding = request.fields.contains(.transferEncoding)
        var reasons: [RequiredRejection] = []
        for deviation in request.deviations {
            switch deviation.kind {
            case .missingHost:
                // RFC 9112 §3.2: "A server MUST respond with a 400 (Bad Request) status code to
                // any HTTP/1.1 request message that lacks a Host header field and to any request
                // message that contains more than one Host header field line or a Host header
                // field with an invalid field value."
                let version = request.version.map { "\($0)" } ?? "HTTP/1.1"
                reasons.append(Self("the \(version) request has no Host field", deviation.span, section: "RFC 9112 §3.2"))
            case .repeatedHost:
                let count = request.fields.named(.host).count
                reasons.append(Self("the request has \(count) Host field lines", deviation.span, section: "RFC 9112 §3.2"))
            case .invalidHost:
                let value = request.fields.first(named: .host)?.value ?? ""
                reasons.append(Self("the request's Host '\(Printable.escape(value))' is not uri-host [ \":\" port ]",
                                    deviation.span, section: "RFC 9112 §3.2"))
            case .whitespaceBeforeColon:
                // RFC 9112 §5.1: "A server MUST reject, with a response status code of 400 (Bad
                // Request), any received request message that contains whitespace between a
                // header field name and colon."
                reasons.append(Self("the request has whitespace between a field name and its colon", deviation.span,
                                    section: "RFC 9112 §5.1"))
            case .invalidContentLength where !hasTransferEncoding, .conflictingContentLength where !hasTransferEncoding:
                // RFC 9112 §6.3: an invalid Content-Length without Transfer-Encoding is an
                // unrecoverable error; "the server MUST respond with a 400 (Bad Request) status
                // code and then close the connection."
                let values = request.fields.named(.contentLength).map { "'\(Printable.escape($0.value))'" }.joined(separator: ", ")
                let what = deviation.kind == .conflictingContentLength ? "conflicting" : "invalid"
                reasons.append(Self("the request's Content-Length \(values) is \(what) and there is no Transfer-Encoding, so its length is unknown",
                                    deviation.span, section: "RFC 9112 §6.3"))
            case .transferEncodingNotChunkedLast:
                // RFC 9112 §6.3: "the server MUST respond with the 400 (Bad Request) status code
                // and then close the connection." A final coding other than chunked is also one
                // the server may not understand, for which §6.1 says 501: both are right.
                let codings = request.fields.listElements(named: .transferEncoding).joined(separator: ", ")
                reasons.append(Self("the request's Transfer-Encoding '\(Printable.escape(codings))' does not end in chunked, so its length is unknown",
                                    deviation.span, accepting: [400, 501], section: "RFC 9112 §6.3"))
            default:
                continue
            }
        }
        if !request.has(.transferEncodingNotChunkedLast), let unknown = unknownTransferCoding(of: request) {
            // RFC 9112 §6.1: "A server that receives a request message with a transfer coding it
            // does not understand SHOULD respond with 501 (Not Implemented)."
            reasons.append(Self("the request uses transfer coding '\(Printable.escape(unknown.coding))', which is not registered",
                                unknown.span, due: 501, accepting: [501, 400], section: "RFC 9112 §6.1", isRequired: false))
        }
        return reasons
    }

    private init(_ reason: String, _ span: ByteSpan, due: Int = 400, accepting accepted: Set<Int> = [400], section: String,
                 isRequired: Bool = true) {
        self.reason = reason
        self.span = span
        self.due = due
        self.accepted = accepted
        self.section = section
        self.isRequired = isRequired
    }

    /// The IANA HTTP Transfer Coding Registry.
    static let registeredCodings: Set<String> = ["chunked", "compress", "deflate", "gzip", "trailers", "x-compress", "x-gzip"]

    /// The first transfer coding of the request that is not registered, with its field line.
    static func unknownTransferCoding(of request: Request) -> (coding: String, span: ByteSpan)? {
        for field in request.fields.named(.transferEncoding) {
            for coding in field.listElements {
                let name = coding.split(separator: ";").first.map { $0.trimmingWhitespace().asciiLowercased() } ?? ""
                if !registeredCodings.contains(name) { return (coding, field.lineSpan) }
            }
        }
        return nil
    }

    /// Whether a 400 answers `request` rightly for a reason of its own: a required rejection,
    /// an invalid request line, or any other departure from the message grammar, for which
    /// RFC 9112 §2.2 says a server "SHOULD respond with a 400 (Bad Request) response". What
    /// is no fault of the grammar does not count: an unregistered but well-formed method, a
    /// long target, a later HTTP/1 minor version, a Host that differs from an absolute target,
    /// content cut short.
    static func explains400(_ request: Request) -> Bool {
        request.deviations.contains { deviation in
            switch deviation.kind {
            case .unregisteredMethod, .longTarget, .hostMismatch, .duplicateContentLength, .extraLineBreaks: false
            // Content that has not arrived (yet) is for a timeout, not a 400.
            case .truncatedContent: false
            // HTTP/1.2 is to be read as HTTP/1.1 (RFC 9110 §2.5); HTTP/2.0 in a request line is not.
            case .unsupportedRequestVersion: request.version?.major != 1
            default: true
            }
        }
    }
}
