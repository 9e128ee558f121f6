/// Reads every HTTP/1.x response in a byte stream and groups them into exchanges.
///
/// The parser never stops at a problem: each deviation from RFC 9112 is recorded with its
/// span and parsing carries on the way a careful recipient would. Framing follows RFC 9112
/// §6.3, which needs the request method: give the requests, in order, when they are known.
///
/// ```swift
/// let exchanges = ResponseParser.parse(SourceText(name: "r.txt", text: "HTTP/1.1 204 No Content\r\n\r\n"))
/// ```
public enum ResponseParser {
    /// Parses `source` into exchanges; the n-th final response answers `requests[n]`.
    ///
    /// - Parameters:
    ///   - range: the part of `source` to read (a response inside a transcript); spans
    ///     still refer to the whole input. The whole input when `nil`.
    ///   - firstIndex: the index of the first exchange, when several ranges of one input are read.
    ///   - limits: bounds past which the rest of the input is not read.
    public static func parse(_ source: SourceText, range: Range<Int>? = nil, requests: [Request] = [],
                             firstIndex: Int = 0, limits: ParserLimits = .default) -> [Exchange] {
        var parser = StreamParser(source: source, range: range, requests: requests, firstIndex: firstIndex, limits: limits)
        return parser.run()
    }
}

private struct StreamParser {
    var scanner: MessageScanner
    let requests: [Request]
    var exchanges: [Exchange] = []
    var interim: [Response] = []
    /// Deviations of the exchange being read.
    var pending: [Deviation] = []
    /// Where the most recent response is, so that bytes found after it can be attached to it.
    var last: Location?
    /// The final response that announced `Connection: close` and its number, while no
    /// response has followed it (the message naming it is made only if one does).
    var closedBy: (number: Int, response: Response)?
    /// Whether a response after a request the server had to close on was already recorded.
    var reportedAfterUnframeable = false

    enum Location { case interim(Int), final(Int) }

    let firstIndex: Int

    init(source: SourceText, range: Range<Int>?, requests: [Request], firstIndex: Int, limits: ParserLimits) {
        self.scanner = MessageScanner(source: source, range: range, limits: limits)
        self.requests = requests
        self.firstIndex = firstIndex
    }

    var bytes: [UInt8] { scanner.bytes }
    var request: Request? { exchanges.count < requests.count ? requests[exchanges.count] : nil }

    mutating func run() -> [Exchange] {
        let begin = scanner.position
        while true {
            skipLineBreaks()
            guard !scanner.isAtEnd else { break }
            guard startsWithHTTP(at: scanner.position) else {
                skipNonHTTP()
                continue
            }
            if let closing = closedBy {
                pending.append(Deviation(.responseAfterConnectionClose, scanner.line(at: scanner.position).span,
                    "a response follows response \(closing.number) (\(closing.response.statusText)), which said Connection: close; the connection should have ended there"))
                closedBy = nil
            }
            // RFC 9112 §6.1, §6.3: after answering a request whose framing it cannot trust,
            // the server closes the connection; a further response answers bytes it should
            // not have read as a request.
            if !reportedAfterUnframeable, interim.isEmpty, !exchanges.isEmpty,
               let earlier = requests.prefix(exchanges.count).firstIndex(where: \.requiresClose) {
                let reason = requests[earlier].closeReason?.message ?? ""
                pending.append(Deviation(.responseAfterUnframeableRequest, scanner.line(at: scanner.position).span,
                    "a response follows the answer to request \(earlier + 1) (\(requests[earlier].method) \(Printable.escape(String(requests[earlier].target.prefix(40))))), after which the server must close the connection: \(reason)"))
                reportedAfterUnframeable = true
            }
            let response = readResponse()
            if response.isInterim, !scanner.limitExceeded {
                interim.append(response)
                last = .interim(interim.count - 1)
                continue
            }
            finishExchange(with: response)
            if response.content.framing == .tunnel || scanner.limitExceeded { break }
            if Self.announcesClose(response.fields.storage) {
                closedBy = (firstIndex + exchanges.count, response)
            }
        }
        if !interim.isEmpty, !scanner.limitExceeded {
            let lastInterim = interim.removeLast()
            pending.append(Deviation(.missingFinalResponse, lastInterim.statusAnchor,
                "the input ends after interim response \(lastInterim.statusText) without a final response"))
            finishExchange(with: lastInterim, isPlaceholder: true)
        }
        if exchanges.isEmpty {
            if scanner.end == begin {
                // With the request known, an empty input is the server's silence, not a file
                // that holds no response.
                pending.append(request == nil ? Deviation(.notHTTP, .at(0), "the input is empty: there is no response in it")
                    : Deviation(.noResponse, .at(0), "the server sent nothing in answer to the request"))
            }
            finishExchange(with: placeholder(at: scanner.position), isPlaceholder: true)
        } else if !pending.isEmpty {
            attachToLast(pending)
            pending = []
        }
        return exchanges
    }

    /// Whether a Connection field lists `close`. Each field's table place is read where it is
    /// stored; only a Connection field is copied (to read its list): a test on a copy of each
    /// field, as `contains(where:)` makes, counted a reference to the input up and down per field.
    static func announcesClose(_ fields: [Field]) -> Bool {
        for index in fields.indices where fields[index].definitionIndex == FieldDefinition.connectionIndex {
            if fields[index].listContains("close") { return true }
        }
        return false
    }

    // MARK: Between messages

    /// Empty lines between messages or at the end: harmless to most recipients, but bytes that
    /// belong to no message (RFC 9112 §2.2 allows servers to skip them before a request only).
    mutating func skipLineBreaks() {
        let start = scanner.position
        while scanner.position < scanner.end, bytes[scanner.position] == ASCII.cr || bytes[scanner.position] == ASCII.lf {
            scanner.position += 1
        }
        guard scanner.position > start else { return }
        let count = scanner.position - start
        let span = ByteSpan(start..<scanner.position)
        let deviation: Deviation
        if last == nil {
            deviation = Deviation(.extraLineBreaks, span, "\(count) line-break bytes before the first status line")
        } else if scanner.isAtEnd {
            deviation = Deviation(.extraLineBreaks, span, "\(count) line-break bytes after the end of the last message (often an editor's final newline)")
        } else {
            deviation = Deviation(.extraLineBreaks, span, "\(count) line-break bytes between two messages")
        }
        if last == nil { pending.append(deviation) } else { attachToLast([deviation]) }
    }

    /// Skips bytes that do not start a response, up to the next line that starts with "HTTP/".
    mutating func skipNonHTTP() {
        let start = scanner.position
        var resume = scanner.end
        var index = start
        while index < scanner.end {
            if bytes[index] == ASCII.lf, startsWithHTTP(at: index + 1) {
                resume = index + 1
                break
            }
            index += 1
        }
        scanner.position = resume
        let span = ByteSpan(start..<resume)
        let firstLine = scanner.line(at: start)
        switch last {
        case nil where request.map(Self.notReadAsHTTP1) ?? false:
            // A server that could not read the request as HTTP/1.x answers as to HTTP/0.9:
            // content alone, without a status line.
            pending.append(Deviation(.http09Response, firstLine.span,
                "the answer has no status line: the server answered in the HTTP/0.9 form, content only ('\(scanner.preview(firstLine.span))')"))
        case nil:
            pending.append(Deviation(.notHTTP, firstLine.span, notHTTPMessage(firstLine, resumes: resume < scanner.end)))
        case .some(let location) where cannotHaveContent(location):
            setUnexpectedContent(span, at: location)
        case .some:
            attachToLast([Deviation(.bytesAfterMessage, span,
                "\(span.length) bytes after the end of the message are not a status line ('\(scanner.preview(firstLine.span))'); the message's length is probably wrong")])
        }
    }

    /// Whether a server could not read `request` as an HTTP/1.x request (no version, a
    /// malformed one, another major version, or no request line at all).
    static func notReadAsHTTP1(_ request: Request) -> Bool {
        guard request.hasRequestLine, let version = request.version else { return true }
        return version.major != 1
    }

    func notHTTPMessage(_ line: MessageScanner.Line, resumes: Bool) -> String {
        let text = scanner.preview(line.span)
        let tail = resumes ? "; a status line follows later, and reading resumes there" : ""
        if looksLikeRequestLine(line) {
            return "this is a request, not a response ('\(text)'); give requests with --request and the response as the input\(tail)"
        }
        let sample = bytes[line.start..<min(line.end, line.start + 16)]
        if sample.contains(where: { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }) || String(validating: sample, as: UTF8.self) == nil {
            return "the input starts with binary data, not an HTTP/1.x status line ('\(text)')\(tail)"
        }
        return "the input does not start with an HTTP/1.x status line such as 'HTTP/1.1 200 OK' (found '\(text)')\(tail)"
    }

    func looksLikeRequestLine(_ line: MessageScanner.Line) -> Bool {
        let words = bytes[line.start..<line.end].split(separator: ASCII.sp)
        guard words.count == 3, let method = words.first, method.allSatisfy(ASCII.isTokenChar) else { return false }
        return words[2].starts(with: Array("HTTP/".utf8))
    }

    func startsWithHTTP(at index: Int) -> Bool {
        let prefix: [UInt8] = Array("http/".utf8)
        guard index + prefix.count <= scanner.end else { return false }
        for offset in 0..<prefix.count where ASCII.lowercased(bytes[index + offset]) != prefix[offset] { return false }
        return true
    }

    // MARK: Exchanges

    mutating func finishExchange(with response: Response, isPlaceholder: Bool = false) {
        let exchange = Exchange(index: firstIndex + exchanges.count, request: request, interim: interim,
                                response: response, deviations: pending)
        exchanges.append(exchange)
        interim = []
        pending = []
        last = isPlaceholder ? last : .final(exchanges.count - 1)
    }

    mutating func attachToLast(_ deviations: [Deviation]) {
        switch last {
        case .interim?, nil:
            pending.append(contentsOf: deviations)
        case .final(let index)?:
            let old = exchanges[index]
            exchanges[index] = Exchange(index: old.index, request: old.request, interim: old.interim,
                                        response: old.response, deviations: old.deviations + deviations)
        }
    }

    func cannotHaveContent(_ location: Location) -> Bool {
        switch location {
        case .interim: true
        case .final(let index): exchanges[index].response.content.framing == .none
        }
    }

    mutating func setUnexpectedContent(_ span: ByteSpan, at location: Location) {
        switch location {
        case .interim(let index):
            interim[index] = interim[index].with(unexpectedContent: span)
        case .final(let index):
            let old = exchanges[index]
            exchanges[index] = Exchange(index: old.index, request: old.request, interim: old.interim,
                                        response: old.response.with(unexpectedContent: span), deviations: old.deviations)
        }
    }

    func placeholder(at offset: Int) -> Response {
        Response(span: .at(offset), statusLineSpan: .at(offset), version: nil, versionSpan: .at(offset),
                 status: nil, statusSpan: .at(offset), reasonSpan: nil, fields: .empty,
                 headerEndSpan: .at(offset), isHeaderComplete: false, content: .none(at: offset),
                 trailers: .empty, source: scanner.source)
    }

    // MARK: One response

    mutating func readResponse() -> Response {
        let start = scanner.position
        let line = scanner.line(at: start)
        scanner.account(line)
        guard scanner.withinLineLimit(line, "the status line") else {
            scanner.finishMessage()
            pending.append(contentsOf: scanner.takeDeviations())
            return placeholder(at: start)
        }
        let status = readStatusLine(line)
        scanner.position = line.next
        var section = MessageScanner.FieldSection(fields: [], endSpan: .at(scanner.end), isComplete: false)
        if line.terminator != .endOfInput {
            section = scanner.readFieldSection()
        }
        var content = Content.none(at: scanner.position)
        var trailers: [Field] = []
        if section.isComplete {
            (content, trailers) = readContent(status: status.code, version: status.version, fields: section.fields)
        } else if !scanner.limitExceeded {
            scanner.record(.truncatedHeaderSection, section.endSpan, line.terminator == .endOfInput
                ? "the input ends inside the status line"
                : "the input ends inside the header section, before the empty line that ends it")
        }
        scanner.finishMessage()
        pending.append(contentsOf: scanner.takeDeviations())
        return Response(
            span: ByteSpan(start..<scanner.position), statusLineSpan: line.span,
            version: status.version, versionSpan: status.versionSpan, status: status.code,
            statusSpan: status.codeSpan, reasonSpan: status.reasonSpan, fields: Fields(section.fields),
            headerEndSpan: section.endSpan, isHeaderComplete: section.isComplete, content: content,
            trailers: Fields(trailers), source: scanner.source)
    }

    struct StatusLine {
        var version: HTTPVersion?
        var versionSpan: ByteSpan
        var code: Int?
        var codeSpan: ByteSpan
        var reasonSpan: ByteSpan?
    }

    /// RFC 9112 §4 and §2.3:
    ///
    ///     status-line  = HTTP-version SP status-code SP [ reason-phrase ]
    ///     HTTP-version = HTTP-name "/" DIGIT "." DIGIT
    ///     HTTP-name    = %s"HTTP"
    ///     status-code  = 3DIGIT
    mutating func readStatusLine(_ line: MessageScanner.Line) -> StatusLine {
        var index = line.start
        while index < line.end, bytes[index] != ASCII.sp { index += 1 }
        let versionSpan = ByteSpan(line.start..<index)
        var result = StatusLine(version: readVersion(versionSpan), versionSpan: versionSpan,
                                code: nil, codeSpan: .at(index), reasonSpan: nil)
        guard index < line.end else {
            scanner.record(.malformedStatusLine, .at(line.end), "the status line ends after the version: there is no status code")
            return result
        }
        index += 1
        if index < line.end, bytes[index] == ASCII.sp {
            let spaces = index
            while index < line.end, bytes[index] == ASCII.sp { index += 1 }
            scanner.record(.malformedStatusLine, ByteSpan(spaces - 1..<index), "more than one space between the version and the status code")
        }
        let codeStart = index
        while index < line.end, ASCII.isDigit(bytes[index]) { index += 1 }
        var codeEnd = index
        if codeEnd - codeStart == 3 {
            result.code = bytes[codeStart..<codeEnd].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        } else {
            while codeEnd < line.end, bytes[codeEnd] != ASCII.sp { codeEnd += 1 }
            let text = scanner.preview(ByteSpan(codeStart..<codeEnd))
            scanner.record(.malformedStatusLine, ByteSpan(codeStart..<codeEnd), codeStart == codeEnd
                ? "there is no status code after the version"
                : "status code '\(text)' is not three digits")
            index = codeEnd
        }
        result.codeSpan = ByteSpan(codeStart..<codeEnd)
        if result.code != nil, index < line.end, bytes[index] == ASCII.dot {
            // IIS logs write sub-statuses such as 401.1; they never belong on the wire.
            var subEnd = index + 1
            while subEnd < line.end, ASCII.isDigit(bytes[subEnd]) { subEnd += 1 }
            if subEnd > index + 1, subEnd == line.end || bytes[subEnd] == ASCII.sp {
                let text = scanner.preview(ByteSpan(codeStart..<subEnd))
                scanner.record(.iisSubstatus, ByteSpan(codeStart..<subEnd),
                    "status code '\(text)' carries an IIS sub-status; the status line takes the three-digit code \(result.code!) only")
                result.reasonSpan = subEnd < line.end ? ByteSpan(subEnd + 1..<line.end) : nil
                return result
            }
        }
        if index == line.end {
            if result.code != nil {
                scanner.record(.malformedStatusLine, .at(line.end),
                    "the status line ends right after the status code; a space must follow it even when the reason phrase is empty")
            }
        } else if bytes[index] == ASCII.sp {
            result.reasonSpan = ByteSpan(index + 1..<line.end)
        } else {
            scanner.record(.malformedStatusLine, ByteSpan(offset: index, length: 1),
                "the status code is followed by \(scanner.describe(bytes[index])) instead of a space")
            result.reasonSpan = ByteSpan(index..<line.end)
        }
        return result
    }

    mutating func readVersion(_ span: ByteSpan) -> HTTPVersion? {
        let token = bytes[span.range]
        let start = span.offset
        let wellFormed = token.count == 8 && bytes[start] == 0x48 && bytes[start + 1] == 0x54 && bytes[start + 2] == 0x54
            && bytes[start + 3] == 0x50 && bytes[start + 4] == ASCII.slash
            && ASCII.isDigit(bytes[start + 5]) && bytes[start + 6] == ASCII.dot && ASCII.isDigit(bytes[start + 7])
        guard wellFormed else {
            let text = scanner.preview(span)
            let why = token.starts(with: Array("HTTP/".utf8))
                ? "is not HTTP/DIGIT.DIGIT"
                : "must start with 'HTTP/' in upper case"
            scanner.record(.malformedStatusLine, span, "HTTP version '\(text)' \(why)")
            return nil
        }
        let version = HTTPVersion(major: Int(bytes[start + 5] - 0x30), minor: Int(bytes[start + 7] - 0x30))
        if version.major != 1 {
            scanner.record(.malformedStatusLine, span,
                "\(version) is not an HTTP/1.x version; a message in this syntax is HTTP/1.0 or HTTP/1.1")
        }
        return version
    }

    // MARK: Framing (RFC 9112 §6.3)

    mutating func readContent(status: Int?, version: HTTPVersion?, fields: [Field]) -> (Content, [Field]) {
        let start = scanner.position
        let code = status ?? 200
        let request = self.request
        if (100..<200).contains(code) || code == 204 || code == 304 || request?.isHEAD == true {
            return (code == 101 ? tunnel(from: start) : .none(at: start), [])
        }
        if request?.isCONNECT == true, (200..<300).contains(code) {
            return (tunnel(from: start), [])
        }
        // One pass for the two framing fields. The usual response, one Content-Length of plain
        // digits and no Transfer-Encoding, is framed from that field without copying any.
        var transferEncodingCount = 0, contentLengthCount = 0, firstContentLength = 0
        let transferEncoding = FieldDefinition.transferEncodingIndex, contentLength = FieldDefinition.contentLengthIndex
        for index in fields.indices {
            let definition = fields[index].definitionIndex
            if definition == transferEncoding {
                transferEncodingCount += 1
            } else if definition == contentLength {
                if contentLengthCount == 0 { firstContentLength = index }
                contentLengthCount += 1
            }
        }
        if transferEncodingCount == 0, contentLengthCount == 1, let length = scanner.plainContentLength(fields[firstContentLength]) {
            return (lengthDelimited(length, from: start), [])
        }
        let transferEncodings = transferEncodingCount == 0 ? [] : fields.all(at: transferEncoding)
        let contentLengths = contentLengthCount == 0 ? [] : fields.all(at: contentLength)
        if !transferEncodings.isEmpty {
            for field in contentLengths {
                scanner.record(.transferEncodingWithContentLength, field.lineSpan,
                    "Content-Length is sent with Transfer-Encoding; Transfer-Encoding wins and Content-Length is ignored")
            }
            if version == .http10 || request?.version == .http10 {
                let who = version == .http10 ? "an HTTP/1.0 response" : "a response to an HTTP/1.0 request"
                scanner.record(.transferEncodingInHTTP10, transferEncodings[0].lineSpan,
                    "Transfer-Encoding in \(who); HTTP/1.0 recipients do not understand it")
            }
            if scanner.isChunkedLast(transferEncodings, inRequest: false) {
                let chunked = scanner.readChunked()
                let content = Content(framing: .chunked, span: ByteSpan(start..<scanner.position), length: chunked.length,
                                      chunks: chunked.chunks, isTruncated: chunked.isTruncated)
                return (content, chunked.trailers)
            }
            return (closeDelimited(from: start), [])
        }
        if !contentLengths.isEmpty, let length = scanner.contentLength(of: contentLengths) {
            return (lengthDelimited(length, from: start), [])
        }
        return (closeDelimited(from: start), [])
    }

    /// Content of `length` bytes from `start` (Content-Length framing), truncated and recorded
    /// as such when the input ends sooner.
    mutating func lengthDelimited(_ length: Int, from start: Int) -> Content {
        let available = scanner.end - start
        guard length <= available else {
            let declared = length == Int.max ? "more than 2^63" : String(length)
            var message = "the content is \(available) bytes but Content-Length says \(declared)"
            if request == nil {
                message += " (if this answers a HEAD request, give the request so the response is read without content)"
            }
            scanner.record(.truncatedContent, .at(scanner.end), message)
            scanner.position = scanner.end
            return Content(framing: .contentLength(length), span: ByteSpan(start..<scanner.end), length: available, isTruncated: true)
        }
        scanner.position = start + length
        return Content(framing: .contentLength(length), span: ByteSpan(offset: start, length: length), length: length)
    }

    mutating func closeDelimited(from start: Int) -> Content {
        scanner.position = scanner.end
        return Content(framing: .closeDelimited, span: ByteSpan(start..<scanner.end), length: scanner.end - start)
    }

    mutating func tunnel(from start: Int) -> Content {
        scanner.position = scanner.end
        return Content(framing: .tunnel, span: ByteSpan(start..<scanner.end), length: 0)
    }
}
