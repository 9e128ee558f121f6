import HTTPLint
import Testing

/// Request-smuggling and desynchronisation vectors: each must be reported by the rule named,
/// with the RFC section that forbids it. Near-misses that look alike but are valid must not be.
@Suite struct SmugglingTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let response: String
        let request: String?
        let rule: String?
        let spec: String
        var testDescription: String { name }
    }

    static let body = "\r\n\r\n5\r\nhello\r\n0\r\n\r\n"

    static let responseVectors: [Vector] = [
        Vector(name: "CL.TE", response: "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nTransfer-Encoding: chunked" + body, request: nil,
               rule: "transfer-encoding-with-content-length", spec: "RFC 9112 §6.2"),
        Vector(name: "TE.CL", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 6" + body, request: nil,
               rule: "transfer-encoding-with-content-length", spec: "RFC 9112 §6.2"),
        Vector(name: "TE.TE xchunked", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding: xchunked" + body, request: nil,
               rule: "transfer-encoding-not-chunked-last", spec: "RFC 9112 §6.1"),
        Vector(name: "TE.TE chunked, identity", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, identity" + body, request: nil,
               rule: "transfer-encoding-not-chunked-last", spec: "RFC 9112 §6.1"),
        Vector(name: "TE.TE second field", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: x" + body,
               request: nil, rule: "transfer-encoding-not-chunked-last", spec: "RFC 9112 §6.1"),
        Vector(name: "TE.TE space before colon", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding : chunked" + body, request: nil,
               rule: "whitespace-before-colon", spec: "RFC 9112 §5.1"),
        Vector(name: "TE.TE folded", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding:\r\n chunked" + body, request: nil,
               rule: "obsolete-line-folding", spec: "RFC 9112 §5.2"),
        Vector(name: "TE.TE vertical tab", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding: \u{0B}chunked" + body, request: nil,
               rule: "invalid-field-value-character", spec: "RFC 9110 §5.5"),
        Vector(name: "TE.TE space in name", response: "HTTP/1.1 200 OK\r\nTransfer Encoding: chunked" + body, request: nil,
               rule: "invalid-field-name", spec: "RFC 9110 §5.1"),
        Vector(name: "TE.TE chunked twice", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked" + body, request: nil,
               rule: "invalid-transfer-encoding", spec: "RFC 9112 §6.1"),
        Vector(name: "CL.CL different values", response: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", request: nil,
               rule: "conflicting-content-length", spec: "RFC 9112 §6.3"),
        Vector(name: "CL list", response: "HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\nhello!", request: nil,
               rule: "conflicting-content-length", spec: "RFC 9112 §6.3"),
        Vector(name: "CL with a sign", response: "HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\nhello", request: nil,
               rule: "invalid-content-length", spec: "RFC 9110 §8.6"),
        Vector(name: "chunk size 0x prefix", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n",
               request: nil, rule: "invalid-chunk-size", spec: "RFC 9112 §7.1"),
        Vector(name: "chunk size trailing junk", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5g\r\nhello\r\n0\r\n\r\n",
               request: nil, rule: "invalid-chunk-size", spec: "RFC 9112 §7.1"),
        Vector(name: "chunk size then space", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nhello\r\n0\r\n\r\n",
               request: nil, rule: "invalid-chunk-extension", spec: "RFC 9112 §7.1.1"),
        Vector(name: "bare LF in chunk lines", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\n0\n\n",
               request: nil, rule: "bare-lf-line-ending", spec: "RFC 9112 §2.2"),
        Vector(name: "bare CR in a field", response: "HTTP/1.1 200 OK\r\nX-A: 1\rTransfer-Encoding: chunked" + body, request: nil,
               rule: "bare-cr", spec: "RFC 9112 §2.2"),
        Vector(name: "NUL in a value", response: "HTTP/1.1 200 OK\r\nContent-Length: 5\u{0}0\r\n\r\nhello", request: nil,
               rule: "invalid-field-value-character", spec: "RFC 9110 §5.5"),
        Vector(name: "HTTP/1.0 with chunked", response: "HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked" + body, request: nil,
               rule: "transfer-encoding-in-http10", spec: "RFC 9112 §6.1"),
        Vector(name: "hidden first field", response: "HTTP/1.1 200 OK\r\n Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\nhello",
               request: nil, rule: "whitespace-before-first-field", spec: "RFC 9112 §2.2"),
        Vector(name: "content after 204", response: "HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nX",
               request: nil, rule: "bytes-after-message", spec: "RFC 9112 §6.3"),
    ]

    static let requestVectors: [Vector] = [
        Vector(name: "request CL.CL", response: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
               request: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
               rule: "success-for-invalid-request", spec: "RFC 9112 §6.3"),
        Vector(name: "request TE space before colon", response: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
               request: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n",
               rule: "success-for-invalid-request", spec: "RFC 9112 §5.1"),
        Vector(name: "request TE.TE xchunked", response: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
               request: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n", rule: "success-for-invalid-request", spec: "RFC 9112 §6.1"),
        // RFC 9112 §6.1: processed, but the connection closed after it: a further response is the fault.
        Vector(name: "request HTTP/1.0 with TE", response: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
               request: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
               rule: "response-after-unframeable-request", spec: "RFC 9112 §6.1"),
        Vector(name: "request two Hosts", response: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
               request: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", rule: "success-for-invalid-request", spec: "RFC 9112 §3.2"),
    ]

    /// Look alike, but valid: nothing may be reported.
    static let nearMisses: [Vector] = [
        Vector(name: "chunked in any case", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding: ChUnKeD" + body, request: nil, rule: nil, spec: "RFC 9112 §7"),
        Vector(name: "gzip then chunked", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked" + body, request: nil, rule: nil, spec: "RFC 9112 §6.1"),
        Vector(name: "CL with leading zeros", response: "HTTP/1.1 200 OK\r\nContent-Length: 0005\r\n\r\nhello", request: nil, rule: nil,
               spec: "RFC 9110 §8.6 (1*DIGIT)"),
        Vector(name: "tab after colon", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding:\tchunked" + body, request: nil, rule: nil, spec: "RFC 9112 §5.1 (OWS)"),
        Vector(name: "chunk extension", response: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\r\nhello\r\n0\r\n\r\n",
               request: nil, rule: nil, spec: "RFC 9112 §7.1.1"),
        Vector(name: "request rejected with 400", response: "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n",
               request: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", rule: nil, spec: "RFC 9112 §6.3"),
    ]

    func lint(_ vector: Vector) throws -> [String] {
        let requests = vector.request.map { RequestParser.parse(SourceText(name: "req", text: $0)) } ?? []
        // The vectors are about framing; whether they carry Date is beside the point.
        return Linter(configuration: .init(ignoredRules: ["missing-date"]))
            .lint(SourceText(name: vector.name, text: vector.response), requests: requests).findings
            .filter { $0.severity >= .warning }.map(\.rule)
    }

    @Test(arguments: responseVectors + requestVectors)
    func vectorIsReported(_ vector: Vector) throws {
        let rules = try lint(vector)
        #expect(rules.contains(vector.rule ?? ""), "\(vector.name) (\(vector.spec)) gave \(rules)")
    }

    @Test(arguments: nearMisses)
    func nearMissIsNotReported(_ vector: Vector) throws {
        #expect(try lint(vector).isEmpty, "\(vector.name) is valid (\(vector.spec))")
    }
}
