import HTTPLintCore
import Testing

/// The request parser reads every request, records each deviation where its bytes are, and
/// frames pipelined requests as a server would.
@Suite struct RequestParserTests {
    static func parse(_ text: String, _ limits: ParserLimits = .default) -> [Request] {
        RequestParser.parse(SourceText(name: "r.req", text: text), limits: limits)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let request: String
        let kind: Deviation.Kind
        /// The bytes the deviation must point at.
        let bytes: String
        var testDescription: String { kind.rawValue }
    }

    static let cases: [Case] = [
        Case(request: "\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}\u{00}\u{01}\u{fc}\u{03}\u{03}", kind: .notHTTPRequest, bytes: "\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}\u{00}\u{01}\u{fc}\u{03}\u{03}"),
        Case(request: "GET /x\r\n", kind: .http09RequestLine, bytes: "GET /x"),
        Case(request: "G(T / HTTP/1.1\r\nHost: a\r\n\r\n", kind: .invalidMethod, bytes: "G(T"),
        Case(request: "get / HTTP/1.1\r\nHost: a\r\n\r\n", kind: .unregisteredMethod, bytes: "get"),
        Case(request: "BREW / HTTP/1.1\r\nHost: a\r\n\r\n", kind: .unregisteredMethod, bytes: "BREW"),
        Case(request: "GET / http/1.1\r\nHost: a\r\n\r\n", kind: .malformedRequestVersion, bytes: "http/1.1"),
        Case(request: "GET / HTTP/1\r\nHost: a\r\n\r\n", kind: .malformedRequestVersion, bytes: "HTTP/1"),
        Case(request: "GET / HTTP/1.2\r\nHost: a\r\n\r\n", kind: .unsupportedRequestVersion, bytes: "HTTP/1.2"),
        Case(request: "GET / HTTP/2.0\r\nHost: a\r\n\r\n", kind: .unsupportedRequestVersion, bytes: "HTTP/2.0"),
        Case(request: "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", kind: .requestLineWhitespace, bytes: "GET  / HTTP/1.1"),
        Case(request: "GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n", kind: .requestLineWhitespace, bytes: "GET\t/ HTTP/1.1"),
        Case(request: "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", kind: .requestLineWhitespace, bytes: "GET /a b HTTP/1.1"),
        Case(request: "GET / HTTP/1.1\nHost: a\n\n", kind: .bareLF, bytes: ""),
        Case(request: "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n 2\r\n\r\n", kind: .obsoleteLineFolding, bytes: " 2"),
        Case(request: "GET / HTTP/1.1\r\nHost : a\r\n\r\n", kind: .whitespaceBeforeColon, bytes: " "),
        Case(request: "GET / HTTP/1.1\r\nHost: a\r\nX-A 1\r\n\r\n", kind: .fieldLineWithoutColon, bytes: "X-A 1"),
        Case(request: "GET / HTTP/1.1\r\nHost: a\r\nX(A: 1\r\n\r\n", kind: .invalidFieldName, bytes: "("),
        Case(request: "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\u{0}2\r\n\r\n", kind: .invalidFieldValue, bytes: "\u{0}"),
        Case(request: "GET / HTTP/1.1\r\n\r\n", kind: .missingHost, bytes: "GET / HTTP/1.1"),
        Case(request: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", kind: .repeatedHost, bytes: "Host: b"),
        Case(request: "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", kind: .invalidHost, bytes: "a b"),
        Case(request: "GET http://b.example/ HTTP/1.1\r\nHost: a.example\r\n\r\n", kind: .hostMismatch, bytes: "a.example"),
        Case(request: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\nhi", kind: .invalidContentLength, bytes: "abc"),
        Case(request: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nhi", kind: .conflictingContentLength, bytes: "3"),
        Case(request: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\nhi", kind: .transferEncodingNotChunkedLast, bytes: "gzip"),
        Case(request: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n0\r\n\r\n",
             kind: .transferEncodingWithContentLength, bytes: "Content-Length: 2"),
        Case(request: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", kind: .transferEncodingInHTTP10,
             bytes: "Transfer-Encoding: chunked"),
        Case(request: "GET /" + String(repeating: "a", count: 40) + " HTTP/1.1\r\nHost: a\r\n\r\n", kind: .longTarget,
             bytes: "/" + String(repeating: "a", count: 40)),
    ]

    @Test(arguments: cases)
    func recordsEachDeviationAtItsBytes(_ example: Case) throws {
        let requests = Self.parse(example.request, ParserLimits(maxTargetLength: 32))
        let deviation = try #require(requests.first?.deviation(example.kind), "\(requests.first?.deviations.map(\.kind.rawValue) ?? [])")
        let source = requests[0].source
        #expect(source.string(deviation.span) == example.bytes || example.bytes.isEmpty)
        #expect(!deviation.message.isEmpty)
    }

    @Test func aConformingRequestHasNoDeviations() {
        for text in ["GET / HTTP/1.1\r\nHost: a.example\r\n\r\n", "GET / HTTP/1.0\r\n\r\n", "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
                     "GET http://a.example:8080/x?y HTTP/1.1\r\nHost: a.example:8080\r\n\r\n",
                     "POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\nhello",
                     "\r\nGET / HTTP/1.1\r\nHost: [::1]:80\r\n\r\n", "GET / HTTP/1.1\r\nHost:\r\n\r\n"] {
            let requests = Self.parse(text)
            #expect(requests.count == 1)
            #expect(requests[0].deviations.filter { $0.kind != .duplicateContentLength }.isEmpty, "\(text)")
        }
    }

    @Test func readsTheRequestLinePartsAndTheirPlaces() {
        let request = Self.parse("GET  /a?b HTTP/1.1\r\nHost: a\r\n\r\n")[0]
        #expect(request.method == "GET" && request.target == "/a?b" && request.version == .http11)
        #expect(request.source.string(request.methodSpan) == "GET")
        #expect(request.source.string(request.targetSpan) == "/a?b")
        #expect(request.source.string(request.versionSpan) == "HTTP/1.1")
        #expect(request.source.string(request.lineSpan) == "GET  /a?b HTTP/1.1")
    }

    @Test func whatIsNotUnderstoodIsLeftOut() {
        let malformed = Self.parse("GET / http/1.1\r\nHost: a\r\n\r\n")[0]
        #expect(malformed.version == nil && malformed.method == "GET")
        let http09 = Self.parse("GET /x\r\n")[0]
        #expect(http09.version == nil && http09.target == "/x")
        let tls = Self.parse("\u{16}\u{03}\u{01}\u{00}")[0]
        #expect(!tls.hasRequestLine && tls.fields.isEmpty)
        // Host is not asked of a request whose version is not understood.
        #expect(!malformed.has(.missingHost))
    }

    @Test func readsPipelinedRequestsEachWithItsFraming() {
        let requests = Self.parse("""
            POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello\
            POST /b HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n\
            POST /c HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi\
            GET /d HTTP/1.1\r\nHost: a\r\n\r\n
            """)
        #expect(requests.map(\.target) == ["/a", "/b", "/c", "/d"])
        #expect(requests.allSatisfy { $0.deviations.isEmpty })
        #expect(requests[0].source.string(requests[0].contentSpan) == "hello")
        #expect(requests[2].source.string(requests[2].contentSpan) == "hi")
    }

    @Test func anUnframeableRequestTakesTheRestAndRequiresClose() {
        for text in ["POST / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\nhelloGET / HTTP/1.1\r\nHost: a\r\n\r\n",
                     "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked, gzip\r\n\r\nhelloGET / HTTP/1.1\r\nHost: a\r\n\r\n"] {
            let requests = Self.parse(text)
            #expect(requests.count == 1)
            #expect(requests[0].requiresClose)
            #expect(requests[0].span.end == text.utf8.count)
        }
        // Chunked with Content-Length is framed by chunked; the server may answer but must close.
        let both = Self.parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(both.count == 2 && both[0].requiresClose && !both[1].requiresClose)
        #expect(!Self.parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")[0].requiresClose)
    }

    @Test func bytesAfterTheRequestsAreRecordedOnTheLast() {
        let requests = Self.parse("GET / HTTP/1.1\r\nHost: a\r\n\r\n\u{0}\u{1}junk")
        #expect(requests.count == 1)
        #expect(requests[0].has(.bytesAfterMessage))
    }

    @Test func neverRefusesBytes() {
        // Every prefix of a request with every kind of trouble gives at least one request, and
        // every span stays inside the input.
        let text = "POST  /x http/1.1\r\nHost : a\r\nHost: b\r\nX(: \u{0}\r\n fold\r\nTransfer-Encoding: gzip\r\nContent-Length: 1, 2\r\n\r\nbody"
        let bytes = Array(text.utf8)
        for end in 0...bytes.count {
            let requests = RequestParser.parse(SourceText(name: "r", bytes: Array(bytes[..<end])))
            #expect(!requests.isEmpty)
            for request in requests {
                #expect(request.span.end <= end)
                #expect(request.deviations.allSatisfy { $0.span.end <= end })
            }
        }
    }
}
