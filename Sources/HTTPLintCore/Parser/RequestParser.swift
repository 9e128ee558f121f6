/// Reads the requests in a byte stream (one request, or several pipelined on one connection),
/// for the request context that response framing and some rules need.
public enum RequestParser {
    /// Why a request input could not be read.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Parses every request in `source`, in order.
    ///
    /// - Parameter contentIncluded: whether request content follows each head (false for
    ///   transcripts such as `curl -v` that show heads only).
    /// - Throws: ``Failure`` when the input does not start with a request line.
    public static func parse(_ source: SourceText, contentIncluded: Bool = true) throws(Failure) -> [Request] {
        var scanner = MessageScanner(source: source)
        var requests: [Request] = []
        while true {
            while scanner.position < scanner.end,
                  scanner.bytes[scanner.position] == ASCII.cr || scanner.bytes[scanner.position] == ASCII.lf {
                scanner.position += 1
            }
            guard !scanner.isAtEnd else { break }
            let start = scanner.position
            let line = scanner.line(at: start)
            guard let head = requestLine(line, in: scanner.bytes) else {
                guard let last = requests.popLast() else {
                    throw Failure(description: "\(source.name) does not start with a request line such as 'GET / HTTP/1.1' (found '\(scanner.preview(line.span))')")
                }
                // Tolerant, like the response parser: the requests read so far stand, and the
                // rest is recorded on the last one (its length was probably wrong).
                let rest = ByteSpan(start..<scanner.end)
                requests.append(Request(method: last.method, target: last.target, version: last.version, fields: last.fields,
                                        span: last.span, source: source, deviations: last.deviations + [
                                            Deviation(.bytesAfterMessage, rest, "\(rest.length) bytes after the request are not a request line"),
                                        ]))
                break
            }
            scanner.position = line.next
            let section = scanner.readFieldSection()
            let fields = section.fields
            // RFC 9112 §6.3: a request without Content-Length or Transfer-Encoding has no content.
            if section.isComplete, contentIncluded {
                if fields.contains(where: { $0.hasName("Transfer-Encoding") }) {
                    _ = scanner.readChunked()
                } else if let length = scanner.contentLength(of: fields.filter { $0.hasName("Content-Length") }) {
                    // A saturated length (Int.max) must not overflow the addition.
                    scanner.position = length >= scanner.end - scanner.position ? scanner.end : scanner.position + length
                }
            }
            scanner.finishMessage()
            requests.append(Request(method: head.method, target: head.target, version: head.version,
                                    fields: Fields(fields), span: ByteSpan(start..<scanner.position), source: source,
                                    deviations: scanner.takeDeviations()))
        }
        guard !requests.isEmpty else {
            throw Failure(description: "\(source.name) is empty: it holds no request")
        }
        return requests
    }

    /// request-line = method SP request-target SP HTTP-version   (RFC 9112 §3)
    private static func requestLine(_ line: MessageScanner.Line, in bytes: [UInt8]) -> (method: String, target: String, version: HTTPVersion?)? {
        let words = bytes[line.start..<line.end].split(separator: ASCII.sp, omittingEmptySubsequences: true)
        guard words.count == 3, words[0].allSatisfy(ASCII.isTokenChar) else { return nil }
        let version = Array(words[2])
        guard version.starts(with: Array("HTTP/".utf8)) else { return nil }
        var parsed: HTTPVersion?
        if version.count == 8, ASCII.isDigit(version[5]), version[6] == ASCII.dot, ASCII.isDigit(version[7]) {
            parsed = HTTPVersion(major: Int(version[5] - 0x30), minor: Int(version[7] - 0x30))
        }
        return (SourceText.decode(words[0]), SourceText.decode(words[1]), parsed)
    }
}
