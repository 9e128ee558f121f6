/// Reads `curl -i` and `curl -v` transcripts.
///
/// `curl -i` prints each response's head and (transfer-decoded) content; with `-L` one per
/// hop, with a proxy the proxy's `200 Connection established` first, and interim 1xx
/// responses before the final one. `curl -v` prints the request head as `> ` lines, the
/// response head as `< ` lines, and its own notes as `* ` lines; the content is not there.
/// Each response is read on its own, from its status line to the next, since curl leaves out
/// content (`-L` hops) or decodes it.
enum CurlTranscript {
    /// Whether most of the first lines carry `curl -v` prefixes.
    static func isVerbose(_ bytes: [UInt8]) -> Bool {
        // The first 20 non-empty lines of the first 4 KB, looked at where they start.
        var prefixed = 0, other = 0
        let end = min(bytes.count, 4096)
        var start = 0
        while start < end, prefixed + other < 20 {
            let lineEnd = ByteSearch.first(0x0A, in: bytes, start..<end) ?? end
            if lineEnd > start {
                let marker = bytes[start]
                let isPrefixed = lineEnd - start >= 2 && bytes[start + 1] == 0x20
                    && (marker == 0x2A || marker == 0x3E || marker == 0x3C || marker == 0x7B || marker == 0x7D)
                if isPrefixed { prefixed += 1 } else { other += 1 }
            }
            start = lineEnd + 1
        }
        return prefixed > 0 && prefixed >= other
    }

    /// The exchanges of a transcript, and the text their spans refer to (the file itself for
    /// `-i`; the `< ` lines without their prefix for `-v`, mapped back to the file's lines).
    static func exchanges(name: String, bytes: [UInt8], limits: ParserLimits = .default) -> (SourceText, [Exchange]) {
        if isVerbose(bytes) {
            let (source, requests) = verbose(name: name, bytes: bytes)
            return (source, parseResponses(source, requests: requests, limits: limits))
        }
        let source = SourceText(name: name, bytes: bytes)
        return (source, parseResponses(source, requests: nil, limits: limits))
    }

    /// Splits `source` at status lines that start a response (first in the input, or after an
    /// empty line), keeps interim responses with the final one, and parses each group with its
    /// request: the next of `requests`, or, without requests, a CONNECT for a proxy's
    /// `Connection established` answer and nothing otherwise.
    static func parseResponses(_ source: SourceText, requests: [Request]?, limits: ParserLimits = .default) -> [Exchange] {
        let bytes = source.bytes
        var starts: [Int] = []
        var lineStart = 0
        var previousEmpty = true
        while lineStart < bytes.count {
            var end = lineStart
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let content = bytes[lineStart..<(end > lineStart && bytes[end - 1] == 0x0D ? end - 1 : end)]
            if previousEmpty, statusCode(content) != nil { starts.append(lineStart) }
            previousEmpty = content.isEmpty
            lineStart = end + 1
        }
        guard !starts.isEmpty else { return ResponseParser.parse(source, limits: limits) }
        var exchanges: [Exchange] = []
        var requestIndex = 0
        var groupStart = starts[0]
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : bytes.count
            let line = bytes[start..<end].prefix { $0 != 0x0A }
            let code = statusCode(line) ?? 0
            if code >= 100, code < 200, code != 101, end < bytes.count { continue }   // interim: keep with what follows
            var groupRequests: [Request] = []
            if let requests {
                if requestIndex < requests.count { groupRequests = [requests[requestIndex]] }
                requestIndex += 1
            } else if (200..<300).contains(code), SourceText.decode(line).lowercased().contains("connection established") {
                groupRequests = connectRequest
            }
            let group = ResponseParser.parse(source, range: groupStart..<end, requests: groupRequests,
                                             firstIndex: exchanges.count, limits: limits)
            exchanges += group
            if group.contains(where: { $0.deviations.contains { $0.kind == .limitExceeded } }) { break }
            groupStart = end
        }
        return exchanges
    }

    /// The status code of a line that is a status line: `HTTP/1.1 200 …`, `HTTP/2 404`.
    static func statusCode(_ line: ArraySlice<UInt8>) -> Int? {
        let bytes = Array(line)
        guard bytes.starts(with: Array("HTTP/".utf8)), bytes.count >= 10 else { return nil }
        var index = 5
        while index < bytes.count, bytes[index] != 0x20 {
            guard (bytes[index] >= 0x30 && bytes[index] <= 0x39) || bytes[index] == 0x2E else { return nil }
            index += 1
        }
        guard index + 3 < bytes.count || index + 3 == bytes.count else { return nil }
        let digits = bytes[(index + 1)..<min(bytes.count, index + 4)]
        guard digits.count == 3, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              index + 4 == bytes.count || bytes[index + 4] == 0x20 || bytes[index + 4] == 0x0D else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// `curl -v`: the `< ` lines as a response stream (an empty line is put before a status line
    /// that follows another line directly, as curl prints after `100 Continue`), mapped back to
    /// the transcript's lines, and the requests from the `> ` lines.
    static func verbose(name: String, bytes: [UInt8]) -> (SourceText, [Request]) {
        var response: [UInt8] = []
        var origins: [Int] = []
        var request: [UInt8] = []
        var lineNumber = 0
        var lastResponseLineEmpty = true
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.count >= 2, line[line.startIndex + 1] == 0x20 else { continue }
            let content = line.dropFirst(2)
            switch line[line.startIndex] {
            case 0x3C:  // "< "
                let isEmpty = content.isEmpty || Array(content) == [0x0D]
                if !lastResponseLineEmpty, statusCode(content.prefix { $0 != 0x0D }) != nil {
                    response += [0x0D, 0x0A]
                    origins.append(lineNumber)
                }
                response += content + [0x0A]
                origins.append(lineNumber)
                lastResponseLineEmpty = isEmpty
            case 0x3E:  // "> "
                request += content + [0x0A]
            default:
                continue
            }
        }
        // A transcript without `> ` lines (curl -i) shows no request.
        let requests = request.isEmpty ? [] : RequestParser.parse(SourceText(name: name, bytes: request), contentIncluded: false)
        return (SourceText(name: name, bytes: response, lineOrigins: origins, columnShift: 2), requests)
    }

    private static let connectRequest: [Request] =
        RequestParser.parse(SourceText(name: "connect", text: "CONNECT proxy HTTP/1.1\r\nHost: proxy\r\n\r\n"))
}
