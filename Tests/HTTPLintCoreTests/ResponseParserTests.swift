import HTTPLintCore
import Testing

/// The parser's model and framing decisions (RFC 9112 §6.3), on literal wire bytes.
@Suite struct ResponseParserTests {
    func parse(_ text: String, request: String? = nil) throws -> [Exchange] {
        let requests = request.map { RequestParser.parse(SourceText(name: "req", text: $0)) } ?? []
        return ResponseParser.parse(SourceText(name: "t", text: text), requests: requests)
    }

    func kinds(_ exchanges: [Exchange]) -> [String] { exchanges.flatMap(\.deviations).map(\.kind.rawValue) }

    @Test func statusLinePartsAndSpans() throws {
        let response = try parse("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")[0].response
        #expect(response.version == .http11)
        #expect(response.status == 404)
        #expect(response.statusSpan == ByteSpan(offset: 9, length: 3))
        #expect(response.reason == "Not Found")
        #expect(response.statusText == "404 Not Found")
        #expect(response.content.framing == .contentLength(0))
        #expect(response.reasonIsExactly("Not Found"))
        #expect(!response.reasonIsExactly("not found") && !response.reasonIsExactly("Not Found ") && !response.reasonIsExactly("Not"))
    }

    /// The byte comparison is a shortcut only: it says yes for the same bytes and nothing else,
    /// while text comparison also finds canonically equal phrases (KELVIN SIGN equals K).
    @Test func reasonComparedAsBytes() throws {
        let kelvin = try parse("HTTP/1.1 200 O\u{212A}\r\nContent-Length: 0\r\n\r\n")[0].response
        #expect(kelvin.reason == "OK" && !kelvin.reasonIsExactly("OK"))
        let bare = try parse("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n")[0].response
        #expect(!bare.reasonIsExactly("") && !bare.reasonIsExactly("OK"))
    }

    @Test func emptyReasonPhraseIsLegal() throws {
        let exchanges = try parse("HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n")
        #expect(exchanges[0].response.reason == "")
        #expect(kinds(exchanges).isEmpty)
    }

    @Test func fieldsKeepOrderDuplicatesAndCompareCaseInsensitively() throws {
        let fields = try parse("HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nContent-Length:   0  \r\n\r\n")[0].response.fields
        #expect(fields.map(\.name) == ["Set-Cookie", "set-cookie", "Content-Length"])
        #expect(fields.named("SET-COOKIE").map(\.value) == ["a=1", "b=2"])
        #expect(fields.first(named: "content-length")?.value == "0")
    }

    /// `named` finds no, one and several lines without copying the section.
    @Test func fieldLinesOfOneName() throws {
        let fields = try parse("""
            HTTP/1.1 200 OK\r\nVary: a\r\nDate: Sun, 22 Nov 2026 10:00:00 GMT\r\nVARY: b\r\nContent-Length: 0\r\n\
            vary: c\r\nVaryX: d\r\n\r\n
            """)[0].response.fields
        #expect(fields.named("Expires").isEmpty && fields.named("Expires").first == nil)
        #expect(fields.named("date").map(\.name) == ["Date"] && fields.named("Date").count == 1)
        let vary = fields.named("Vary")
        #expect(vary.count == 3 && vary.map(\.value) == ["a", "b", "c"] && vary.last?.name == "vary")
        #expect(vary.indices == 0..<3 && vary[1].name == "VARY")
        #expect(fields.named("Content-Length")[0].value == "0")

        let varyField = TableField("vary")
        #expect(varyField == TableField("Vary") && varyField != TableField("Date"))
        #expect(fields.filter { $0.is(varyField) }.map(\.value) == ["a", "b", "c"])
        #expect(fields.last?.name == "VaryX" && !fields.contains { $0.is(varyField) && $0.name == "VaryX" })

        // The in-place walk sees every field once, in order, like a for loop.
        var walked: [String] = []
        fields.forEach { walked.append($0.name) }
        #expect(walked == fields.map(\.name) && walked.count == 6)

        // Sets of table entries chosen by what the table says, tested against received fields.
        let singletons = FieldDefinition.entries { $0.cardinality == .singleton }
        #expect(fields.filter(singletons.contains).map(\.name) == ["Date", "Content-Length"])
        let lists = FieldDefinition.entries { $0.cardinality == .list }
        #expect(fields.filter(lists.contains).map(\.value) == ["a", "b", "c"])
        #expect(FieldDefinition.entries { _ in false }.isEmpty && !fields.contains(where: FieldNameSet().contains))
        let everything = FieldDefinition.entries { _ in true }
        #expect(fields.filter(everything.contains).count == 5)  // all but VaryX, which is not in the table
    }

    /// Every byte value at every place of values of 1 to 19 bytes (values are checked eight
    /// bytes at a time): controls and DEL are invalid, a CR is a bare CR, HTAB, printable ASCII
    /// and obs-text are allowed; and a bare CR is found in a line whose value is otherwise clean.
    @Test func valueBytesAreCheckedOneByOne() {
        for length in 1...19 {
            for position in 0..<length {
                for value in 0...255 where value != 0x0A {
                    var line = Array("X-V: ".utf8) + [UInt8](repeating: UInt8(ascii: "v"), count: length)
                    line[5 + position] = UInt8(value)
                    let bytes = Array("HTTP/1.1 200 OK\r\n".utf8) + line + Array("\r\nContent-Length: 0\r\n\r\n".utf8)
                    let exchange = ResponseParser.parse(SourceText(name: "t", bytes: bytes))[0]
                    let expected: [Deviation.Kind] = switch UInt8(value) {
                    case 0x0D: [.bareCR]
                    case 0x09, 0x20...0x7E, 0x80...0xFF: []
                    default: [.invalidFieldValue]
                    }
                    // Whitespace at either end is not part of the value.
                    let atEdge = (position == 0 || position == length - 1) && (value == 0x20 || value == 0x09)
                    #expect(exchange.deviations.map(\.kind) == expected, "byte \(value) at \(position) of \(length)")
                    if expected.isEmpty && !atEdge {
                        #expect(exchange.response.fields[0].rawValueBytes.count == length, "byte \(value) at \(position) of \(length)")
                    }
                    if let deviation = exchange.deviations.first {
                        #expect(deviation.span == ByteSpan(offset: 17 + 5 + position, length: 1), "byte \(value) at \(position) of \(length)")
                    }
                }
            }
        }
    }

    /// `valueUTF8` is the bytes of `value` whichever way it is made: plain ASCII, folded,
    /// with a bare CR, with obs-text that is not UTF-8, with UTF-8.
    @Test func valueUTF8IsTheValuesBytes() {
        let values: [[UInt8]] = [Array("text/html; charset=utf-8".utf8), Array("a\r\n b".utf8), Array("a\rb".utf8),
                                 [0x61, 0xE9, 0x62], Array("caf\u{E9}".utf8), [], Array("x".utf8)]
        for value in values {
            let bytes = Array("HTTP/1.1 200 OK\r\nX-V: ".utf8) + value + Array("\r\nContent-Length: 0\r\n\r\n".utf8)
            let field = ResponseParser.parse(SourceText(name: "t", bytes: bytes))[0].response.fields[0]
            #expect(field.valueUTF8 == Array(field.value.utf8), "\(value)")
            #expect(Array(field.valueUTF8Slice) == Array(field.value.utf8), "\(value)")
        }
    }

    /// Look-ups by table field find what look-ups by name find, in any case and order.
    @Test func tableFieldLookUpsMatchNameLookUps() throws {
        let fields = try parse("HTTP/1.1 200 OK\r\ncache-control: a\r\nVary: x\r\nCACHE-Control: b, c\r\nX-Cache-Control: d\r\nContent-Length: 0\r\n\r\n")[0].response.fields
        for name in ["Cache-Control", "Vary", "Age", "Content-Length"] {
            let field = TableField(name)
            #expect(fields.named(field).map(\.value) == fields.named(name).map(\.value), "\(name)")
            #expect(fields.first(named: field)?.value == fields.first(named: name)?.value, "\(name)")
            #expect(fields.contains(field) == fields.contains(name), "\(name)")
            #expect(fields.listElements(named: field) == fields.listElements(named: name), "\(name)")
        }
        #expect(fields.listElements(named: TableField("Cache-Control")) == ["a", "b", "c"])
        #expect(!fields.contains(TableField("Age")))
    }

    /// An empty member of Transfer-Encoding (a piece between commas that is empty or only
    /// whitespace) is recorded; plain `chunked`, in any case, records nothing.
    @Test func transferEncodingEmptyMembers() throws {
        let cases: [(String, Bool)] = [("chunked", false), ("CHUNKED", false), ("gzip, chunked", false), ("chunked, ", true),
                                       (" , chunked", true), ("gzip,,chunked", true), ("gzip,\t,chunked", true), ("gzip , chunked", false)]
        for (value, empty) in cases {
            let exchanges = try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: \(value)\r\n\r\n0\r\n\r\n")
            let messages = exchanges.flatMap(\.deviations).map(\.message)
            #expect(messages.contains { $0.hasSuffix("has an empty list member") } == empty, "\(value): \(messages)")
            if !empty { #expect(messages.isEmpty, "\(value): \(messages)") }
            #expect(exchanges[0].response.content.framing == .chunked, "\(value)")
        }
    }

    /// `listContains` answers as a search of `listElements` lowercased would.
    @Test func listContainsMatchesTheElements() {
        let values = ["close", "Keep-Alive, CLOSE", "closed", "\"close\"", "x,close ,y", "clo se", "a\r\n close", "clo\rse",
                      "close\r\n , b", "", ",,", "\"a,close\", b"]
        for value in values {
            let bytes = Array("HTTP/1.1 200 OK\r\nConnection: \(value)\r\nContent-Length: 0\r\n\r\n".utf8)
            let field = ResponseParser.parse(SourceText(name: "t", bytes: bytes))[0].response.fields[0]
            for token in ["close", "keep-alive", "b"] {
                #expect(field.listContains(token) == field.listElements.contains { $0.lowercased() == token }, "\(value) / \(token)")
            }
        }
    }

    @Test func obsFoldIsUnfoldedToOneSpace() throws {
        let exchanges = try parse("HTTP/1.1 200 OK\r\nX-Long: first\r\n \t second\r\nContent-Length: 0\r\n\r\n")
        #expect(exchanges[0].response.fields.first(named: "X-Long")?.value == "first second")
        #expect(kinds(exchanges) == ["obsolete-line-folding"])
    }

    @Test func bareCRInAValueIsReadAsSpace() throws {
        let exchanges = try parse("HTTP/1.1 200 OK\r\nX-A: 1\r2\r\nContent-Length: 0\r\n\r\n")
        #expect(exchanges[0].response.fields.first(named: "X-A")?.value == "1 2")
        #expect(kinds(exchanges) == ["bare-cr"])
    }

    @Test func listElementsSplitOutsideQuotes() throws {
        let fields = try parse("HTTP/1.1 200 OK\r\nVary: Accept, ,Origin\r\nX-Q: \"a,b\", c\r\nContent-Length: 0\r\n\r\n")[0].response.fields
        #expect(fields.listElements(named: "vary") == ["Accept", "Origin"])
        #expect(fields.listElements(named: "x-q") == ["\"a,b\"", "c"])
    }

    @Test func chunkedContentWithExtensionsAndTrailers() throws {
        let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;a=b\r\nWiki\r\n5\r\npedia\r\n0\r\nServer-Timing: db;dur=5\r\n\r\n"
        let exchanges = try parse(text)
        let content = exchanges[0].response.content
        #expect(content.framing == .chunked)
        #expect(content.length == 9)
        #expect(content.chunks.count == 2)
        #expect(content.span.end == text.utf8.count)
        #expect(exchanges[0].response.trailers.first(named: "server-timing")?.value == "db;dur=5")
        #expect(kinds(exchanges).isEmpty)
    }

    @Test func noContentFor1xx204304AndHEAD() throws {
        #expect(try parse("HTTP/1.1 204 No Content\r\n\r\n")[0].response.content.framing == .none)
        #expect(try parse("HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n")[0].response.content.framing == .none)
        let head = try parse("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n", request: "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(head[0].response.content.framing == .none)
        #expect(kinds(head).isEmpty)
    }

    @Test func interimResponsesBelongToTheExchangeOfTheFinalOne() throws {
        let exchanges = try parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        #expect(exchanges.count == 1)
        #expect(exchanges[0].interim.map(\.status) == [100, 103])
        #expect(exchanges[0].response.status == 200)
        #expect(kinds(exchanges).isEmpty)
    }

    @Test func pipelinedResponsesPairWithPipelinedRequests() throws {
        let exchanges = try parse(
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n",
            request: "GET / HTTP/1.1\r\nHost: x\r\n\r\nHEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(exchanges.map(\.index) == [0, 1])
        #expect(exchanges.map { $0.request?.method } == ["GET", "HEAD"])
        #expect(exchanges[1].response.content.framing == .none)
        #expect(kinds(exchanges).isEmpty)
    }

    @Test func closeDelimitedContentRunsToTheEnd() throws {
        let response = try parse("HTTP/1.0 200 OK\r\n\r\nall of this\r\nHTTP/1.1 200 OK\r\n")[0].response
        #expect(response.content.framing == .closeDelimited)
        #expect(response.content.length == 30)
    }

    @Test func connectAndUpgradeBecomeTunnels() throws {
        let connect = try parse("HTTP/1.1 200 Connection Established\r\n\r\n\u{16}\u{3}\u{1}binary", request: "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n")
        #expect(connect[0].response.content.framing == .tunnel)
        #expect(kinds(connect).isEmpty)
        let upgrade = try parse("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\u{81}\u{5}hello")
        #expect(upgrade.count == 1)
        #expect(upgrade[0].response.content.framing == .tunnel)
        #expect(kinds(upgrade).isEmpty)
    }

    @Test func transferEncodingOverridesContentLength() throws {
        let exchanges = try parse("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")
        #expect(exchanges[0].response.content.framing == .chunked)
        #expect(kinds(exchanges) == ["transfer-encoding-with-content-length"])
    }

    @Test func bareLFIsReportedOncePerMessage() throws {
        let exchanges = ResponseParser.parse(SourceText(name: "t", text: "HTTP/1.1 200 OK\nA: 1\nB: 2\n\n"))
        #expect(kinds(exchanges) == ["bare-lf-line-ending"])
        #expect(exchanges[0].deviations[0].message.hasPrefix("4 lines"))
        #expect(exchanges[0].response.fields.count == 2)
    }

    @Test func junkBeforeAStatusLineIsReportedAndReadingResumes() throws {
        let exchanges = try parse("garbage\r\nHTTP/1.1 204 No Content\r\n\r\n")
        #expect(exchanges.count == 1)
        #expect(exchanges[0].response.status == 204)
        #expect(kinds(exchanges) == ["not-an-http-response"])
    }

    @Test func emptyAndBinaryInputsAreNotHTTP() throws {
        for text in ["", "\u{0}\u{1}\u{2}\u{FF}", "   \r\n"] {
            let exchanges = try parse(text)
            #expect(exchanges.count == 1)
            #expect(exchanges[0].response.status == nil)
            #expect(kinds(exchanges).contains("not-an-http-response"), "\(text.debugDescription)")
        }
    }

    @Test func truncatedInputsSayWhere() throws {
        #expect(kinds(try parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")) == ["truncated-content"])
        #expect(kinds(try parse("HTTP/1.1 200 OK\r\nContent-")) == ["field-line-without-colon", "truncated-header-section"])
        #expect(kinds(try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")) == ["truncated-content"])
    }

    @Test func limitsStopReadingAndSayWhich() {
        func parse(_ text: String, _ limits: ParserLimits) -> [Exchange] {
            ResponseParser.parse(SourceText(name: "t", text: text), limits: limits)
        }
        let twoResponses = "HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\nContent-Length: 0\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"
        let fields = parse(twoResponses, ParserLimits(maxFields: 3))
        #expect(fields.count == 1, "the rest of the input is not read")
        #expect(fields[0].deviations.map(\.kind) == [.limitExceeded])
        #expect(fields[0].deviations[0].message.contains("more than 3 fields"))
        #expect(parse(twoResponses, ParserLimits(maxFields: 4)).count == 2)
        let section = parse(twoResponses, ParserLimits(maxFieldSectionSize: 20))
        #expect(section[0].deviations.contains { $0.kind == .limitExceeded && $0.message.contains("larger than 20 bytes") })
        let line = parse(twoResponses, ParserLimits(maxLineLength: 10))
        #expect(line[0].deviations.map(\.kind) == [.limitExceeded])
        let chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + String(repeating: "1\r\na\r\n", count: 5) + "0\r\n\r\n"
        let chunks = parse(chunked, ParserLimits(maxChunks: 3))
        #expect(chunks[0].deviations.contains { $0.kind == .limitExceeded && $0.message.contains("more than 3 chunks") })
        #expect(parse(chunked, ParserLimits(maxChunks: 6))[0].deviations.isEmpty)
    }

    /// Found by fuzzing: a request Content-Length beyond Int saturates, and skipping that
    /// many bytes overflowed.
    @Test func requestWithAHugeContentLengthIsRead() throws {
        let requests = RequestParser.parse(SourceText(name: "r", text: "T 1 HTTP/\nContent-Length:1888888888888888888\n\n"))
        #expect(requests.count == 1)
        #expect(requests[0].method == "T")
    }

    @Test func requestParserReadsWhatIsNotARequestAsOneWithoutRequestLine() {
        for text in ["HTTP/1.1 200 OK\r\n\r\n", ""] {
            let requests = RequestParser.parse(SourceText(name: "r", text: text))
            #expect(requests.count == 1)
            #expect(!requests[0].hasRequestLine)
            #expect(requests[0].deviations.map(\.kind) == [.notHTTPRequest])
        }
    }

    @Test func lineIndexMapsOffsetsToLinesAndColumns() {
        let index = LineIndex(SourceText(name: "t", text: "ab\r\ncd\nef"))
        #expect(index.location(of: 0) == (1, 1))
        #expect(index.location(of: 4) == (2, 1))
        #expect(index.location(of: 8) == (3, 2))
        #expect(Array(index.lineBytes(1)) == Array("ab".utf8))
        #expect(Array(index.lineBytes(2)) == Array("cd".utf8))
    }
}
