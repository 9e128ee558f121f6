/// Reads the requests in a byte stream (one request, or several pipelined on one connection),
/// the twin of ``ResponseParser``: it never refuses input, records every departure from
/// RFC 9112 with its span (``Request/deviations``), and carries on as a careful server would.
///
/// ```swift
/// let requests = RequestParser.parse(SourceText(name: "r.req", text: "get / http/1.1\r\n\r\n"))
/// requests[0].deviations.map(\.kind)   // [.unregisteredMethod, .malformedRequestVersion]
/// ```
public enum RequestParser {
    /// Parses every request in `source`, in order. Always at least one request: bytes that
    /// hold no request line (a TLS handshake, an empty file) give one without a request line
    /// (``Request/hasRequestLine`` is false) whose deviation says what was found.
    ///
    /// - Parameter contentIncluded: whether request content follows each head (false for
    ///   transcripts such as `curl -v` that show heads only).
    public static func parse(_ source: SourceText, contentIncluded: Bool = true, limits: ParserLimits = .default) -> [Request] {
        var scanner = MessageScanner(source: source, limits: limits)
        var requests: [Request] = []
        while true {
            // RFC 9112 §2.2: a server should ignore at least one empty line before a request line.
            while scanner.position < scanner.end,
                  scanner.bytes[scanner.position] == ASCII.cr || scanner.bytes[scanner.position] == ASCII.lf {
                scanner.position += 1
            }
            guard !scanner.isAtEnd else { break }
            let start = scanner.position
            let line = scanner.line(at: start)
            guard looksLikeRequestLine(line, in: scanner.bytes) else {
                let rest = ByteSpan(start..<scanner.end)
                scanner.position = scanner.end
                guard let last = requests.popLast() else {
                    requests.append(notARequest(rest, source: source, scanner: scanner))
                    break
                }
                // The requests read so far stand; the rest is recorded on the last one (its
                // length was probably wrong).
                requests.append(last.adding([Deviation(.bytesAfterMessage, rest,
                    "\(rest.length) bytes after the request do not start a request line (\(scanner.preview(rest)))")]))
                break
            }
            requests.append(readRequest(line, from: start, scanner: &scanner, contentIncluded: contentIncluded))
            if scanner.limitExceeded { break }
        }
        if requests.isEmpty {
            requests.append(Request(method: "", target: "", version: nil, fields: Fields([]), span: .at(0), source: source,
                                    deviations: [Deviation(.notHTTPRequest, .at(0), "the request input is empty: it holds no request")]))
        }
        return requests
    }

    // MARK: The request line (RFC 9112 §3)

    /// Whether `line` can be read as a request line at all: it starts with a method-like word
    /// and holds no control bytes but HTAB (a TLS handshake starts with 0x16).
    static func looksLikeRequestLine(_ line: MessageScanner.Line, in bytes: [UInt8]) -> Bool {
        guard line.start < line.end, ASCII.isTokenChar(bytes[line.start]) || bytes[line.start] == ASCII.sp else { return false }
        // A bare CR is read as whitespace (RFC 9112 §2.2 lets a recipient replace it with SP).
        for index in line.start..<line.end where (bytes[index] < 0x20 && bytes[index] != ASCII.htab && bytes[index] != ASCII.cr)
            || bytes[index] == 0x7F {
            return false
        }
        // A line of whitespace only, or of one word with no letters (binary that happens to
        // start with a token byte), is not a request line.
        let words = bytes[line.start..<line.end].split { $0 == ASCII.sp || $0 == ASCII.htab || $0 == ASCII.cr }
        guard let first = words.first, !startsWithHTTPName(first) else { return false }
        return first.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    }

    static func notARequest(_ rest: ByteSpan, source: SourceText, scanner: MessageScanner) -> Request {
        let bytes = source.bytes[rest.range]
        let what: String
        if bytes.count >= 3, bytes[bytes.startIndex] == 0x16, bytes[bytes.startIndex + 1] == 0x03 {
            what = "a TLS handshake (bytes 16 03 …): a TLS client spoke to a plain-HTTP port"
        } else if startsWithHTTPName(bytes.prefix(5)) {
            what = "a response, not a request (\(scanner.preview(ByteSpan(offset: rest.offset, length: min(rest.length, 48)))))"
        } else {
            what = "not an HTTP request line (\(scanner.preview(ByteSpan(offset: rest.offset, length: min(rest.length, 48)))))"
        }
        return Request(method: "", target: "", version: nil, fields: Fields([]), span: rest, source: source,
                       deviations: [Deviation(.notHTTPRequest, ByteSpan(offset: rest.offset, length: min(rest.length, 16)),
                                              "the request is \(what); a server answers 400 or closes the connection")])
    }

    ///     request-line = method SP request-target SP HTTP-version
    ///     method       = token
    ///     HTTP-version = HTTP-name "/" DIGIT "." DIGIT        HTTP-name = %s"HTTP"
    static func readRequest(_ line: MessageScanner.Line, from start: Int, scanner: inout MessageScanner,
                            contentIncluded: Bool) -> Request {
        let bytes = scanner.bytes
        scanner.account(line)
        // The words between runs of SP and HTAB, with their places.
        var words: [Range<Int>] = []
        var index = line.start
        while index < line.end {
            while index < line.end, bytes[index] == ASCII.sp || bytes[index] == ASCII.htab || bytes[index] == ASCII.cr { index += 1 }
            let wordStart = index
            while index < line.end, bytes[index] != ASCII.sp, bytes[index] != ASCII.htab, bytes[index] != ASCII.cr { index += 1 }
            if wordStart < index { words.append(wordStart..<index) }
        }
        let methodRange = words[0]
        var versionRange: Range<Int>?
        if words.count >= 2, let last = words.last, Self.startsWithHTTPName(bytes[last]) { versionRange = last }
        let targetWords = words.dropFirst().dropLast(versionRange == nil ? 0 : 1)
        let targetRange = targetWords.isEmpty ? methodRange.upperBound..<methodRange.upperBound
            : targetWords.first!.lowerBound..<targetWords.last!.upperBound
        // Exactly one SP between three words and none at either end.
        let isSingleSpaced = words.count == 3 && words[0].lowerBound == line.start && words[2].upperBound == line.end
            && bytes[words[0].upperBound] == ASCII.sp && words[1].lowerBound == words[0].upperBound + 1
            && bytes[words[1].upperBound] == ASCII.sp && words[2].lowerBound == words[1].upperBound + 1
        if !isSingleSpaced, versionRange != nil, !targetWords.isEmpty {
            let what = targetWords.count > 1 ? "the target holds whitespace" : bytes[line.start..<line.end].contains(ASCII.htab)
                ? "the parts are separated by a tab, not one space" : "the parts are not separated by exactly one space"
            scanner.record(.requestLineWhitespace, line.span,
                           "request line '\(scanner.preview(line.span))': \(what); a server should answer 400 (RFC 9112 §3)")
        }
        let method = SourceText.decode(bytes[methodRange])
        if !bytes[methodRange].allSatisfy(ASCII.isTokenChar) {
            scanner.record(.invalidMethod, ByteSpan(methodRange),
                           "method '\(scanner.preview(ByteSpan(methodRange)))' is not a token (RFC 9110 §9.1); a server should answer 400")
        } else if !Request.registeredMethods.contains(method) {
            let registered = Request.registeredMethods.contains(method.uppercased())
                ? " (methods are case-sensitive: '\(method.uppercased())' is registered, '\(method)' is another method)" : ""
            scanner.record(.unregisteredMethod, ByteSpan(methodRange),
                           "method '\(method)' is not in the IANA method registry\(registered); a server that does not implement it answers 501 (RFC 9110 §9.1)")
        }
        var version: HTTPVersion?
        if let versionRange {
            version = readVersion(versionRange, scanner: &scanner)
        } else if targetWords.isEmpty {
            scanner.record(.requestLineWhitespace, line.span,
                           "request line '\(scanner.preview(line.span))' has no target and no version; a server should answer 400 (RFC 9112 §3)")
        } else {
            scanner.record(.http09RequestLine, line.span,
                           "request line '\(scanner.preview(line.span))' has no HTTP version: the HTTP/0.9 form, which HTTP/1.1 servers need not support")
        }
        if versionRange != nil, targetWords.isEmpty {
            scanner.record(.requestLineWhitespace, line.span,
                           "request line '\(scanner.preview(line.span))' has no target; a server should answer 400 (RFC 9112 §3)")
        }
        let target = SourceText.decode(bytes[targetRange])
        if targetRange.count > scanner.limits.maxTargetLength {
            scanner.record(.longTarget, ByteSpan(offset: targetRange.lowerBound, length: min(targetRange.count, 64)),
                           "the request-target is \(targetRange.count) bytes, longer than \(scanner.limits.maxTargetLength) (--max-target-length); servers answer 414 to targets longer than they accept")
        }
        scanner.position = line.next

        let section = scanner.readFieldSection()
        let fields = section.fields
        checkHost(fields, version: version, target: target, line: line, scanner: &scanner)
        var contentSpan = ByteSpan.at(scanner.position)
        // RFC 9112 §6.3: a request without Content-Length or Transfer-Encoding has no content.
        if section.isComplete, contentIncluded {
            let contentStart = scanner.position
            let transferEncodings = fields.filter { $0.hasName("Transfer-Encoding") }
            let contentLengths = fields.filter { $0.hasName("Content-Length") }
            if !transferEncodings.isEmpty {
                for field in contentLengths {
                    scanner.record(.transferEncodingWithContentLength, field.lineSpan,
                        "the request has Content-Length with Transfer-Encoding: a server may reject it, and must close the connection after answering it (RFC 9112 §6.1)")
                }
                if version == .http10 {
                    scanner.record(.transferEncodingInHTTP10, transferEncodings[0].lineSpan,
                        "Transfer-Encoding in an HTTP/1.0 request: a server must treat its framing as faulty and close the connection after answering (RFC 9112 §6.1)")
                }
                if scanner.isChunkedLast(transferEncodings, inRequest: true) {
                    _ = scanner.readChunked()
                } else {
                    // No length can be determined: the rest belongs to this request.
                    scanner.position = scanner.end
                }
            } else if !contentLengths.isEmpty {
                if let length = scanner.contentLength(of: contentLengths), !Request.hasUnusableLength(scanner.deviations) {
                    // A saturated length (Int.max) must not overflow the addition.
                    scanner.position = length >= scanner.end - scanner.position ? scanner.end : scanner.position + length
                } else {
                    // RFC 9112 §6.3: an invalid Content-Length is unrecoverable: the rest
                    // belongs to this request.
                    scanner.position = scanner.end
                }
            }
            contentSpan = ByteSpan(contentStart..<scanner.position)
        }
        scanner.finishMessage()
        return Request(method: method, target: target, version: version, fields: Fields(fields),
                       span: ByteSpan(start..<scanner.position), source: scanner.source, deviations: scanner.takeDeviations(),
                       lineSpan: line.span, methodSpan: ByteSpan(methodRange), targetSpan: ByteSpan(targetRange),
                       versionSpan: versionRange.map(ByteSpan.init) ?? .at(line.end), contentSpan: contentSpan)
    }

    static func startsWithHTTPName(_ word: ArraySlice<UInt8>) -> Bool {
        word.count >= 5 && word.prefix(5).map(ASCII.lowercased).elementsEqual("http/".utf8)
    }

    /// `HTTP/` DIGIT `.` DIGIT, case-sensitive; anything else is recorded and not understood.
    static func readVersion(_ range: Range<Int>, scanner: inout MessageScanner) -> HTTPVersion? {
        let word = Array(scanner.bytes[range])
        let text = SourceText.decode(word)
        let wellFormed = word.count == 8 && ASCII.isDigit(word[5]) && word[6] == ASCII.dot && ASCII.isDigit(word[7])
        guard wellFormed, word.starts(with: Array("HTTP/".utf8)) else {
            let why = wellFormed ? "HTTP-name is case-sensitive 'HTTP'" : "a version is HTTP/ DIGIT . DIGIT"
            scanner.record(.malformedRequestVersion, ByteSpan(range),
                           "version '\(text)' is malformed (\(why), RFC 9112 §2.3); a server should answer 400")
            return nil
        }
        let version = HTTPVersion(major: Int(word[5] - 0x30), minor: Int(word[7] - 0x30))
        if version.major == 1, version.minor > 1 {
            scanner.record(.unsupportedRequestVersion, ByteSpan(range),
                           "\(version) is a later HTTP/1 minor version: a server answers it as the highest HTTP/1.x it implements (RFC 9110 §2.5)")
        } else if version.major != 1 {
            scanner.record(.unsupportedRequestVersion, ByteSpan(range),
                           "\(version) in an HTTP/1 request line: a server that does not speak that major version answers 505 (RFC 9110 §15.6.6)")
        }
        return version
    }

    // MARK: Host (RFC 9112 §3.2)

    static func checkHost(_ fields: [Field], version: HTTPVersion?, target: String, line: MessageScanner.Line,
                          scanner: inout MessageScanner) {
        let hosts = fields.filter { $0.hasName("Host") }
        if hosts.isEmpty {
            if let version, version.major == 1, version.minor >= 1 {
                scanner.record(.missingHost, line.span, "the \(version) request has no Host field; a server must answer 400 (RFC 9112 §3.2)")
            }
            return
        }
        if hosts.count > 1 {
            scanner.record(.repeatedHost, hosts[1].lineSpan,
                           "the request has \(hosts.count) Host field lines; a server must answer 400 (RFC 9112 §3.2)")
            return
        }
        let host = hosts[0]
        guard HostSyntax.isValid(host.value) else {
            scanner.record(.invalidHost, host.valueSpan,
                           "Host '\(Printable.escape(host.value))' is not uri-host [ \":\" port ]; a server must answer 400 (RFC 9112 §3.2)")
            return
        }
        // absolute-form: the client must send Host identical to the target's authority (§3.2).
        if let authority = HostSyntax.authority(ofAbsoluteTarget: target), authority.lowercased() != host.value.lowercased() {
            scanner.record(.hostMismatch, host.valueSpan,
                           "Host '\(Printable.escape(host.value))' differs from the target's authority '\(Printable.escape(authority))'; the server must use the target's (RFC 9112 §3.2.2)")
        }
    }
}

extension Request {
    /// Deviations that leave a request's length unknown (RFC 9112 §6.3): a Content-Length that
    /// is invalid or conflicts with another.
    static func hasUnusableLength(_ deviations: [Deviation]) -> Bool {
        deviations.contains { $0.kind == .invalidContentLength || $0.kind == .conflictingContentLength }
    }

    /// Whether the server, having answered this request, must close the connection because its
    /// framing cannot be trusted (RFC 9112 §6.1, §6.3): an invalid or conflicting
    /// Content-Length without Transfer-Encoding, a Transfer-Encoding that does not end in
    /// chunked, Transfer-Encoding with Content-Length, or Transfer-Encoding in HTTP/1.0.
    public var requiresClose: Bool { closeReason != nil }

    /// The deviation that makes the server close the connection after answering (see
    /// ``requiresClose``), when there is one.
    public var closeReason: Deviation? {
        let hasTransferEncoding = !fields.named("Transfer-Encoding").isEmpty
        return deviations.first { deviation in
            switch deviation.kind {
            case .invalidContentLength, .conflictingContentLength: !hasTransferEncoding
            case .transferEncodingNotChunkedLast, .transferEncodingWithContentLength, .transferEncodingInHTTP10: true
            default: false
            }
        }
    }
}

/// The Host field's syntax (RFC 9110 §7.2): `Host = uri-host [ ":" port ]`, with uri-host
/// from RFC 3986 §3.2.2 (an IP literal in brackets, an IPv4 address or a reg-name).
public enum HostSyntax {
    /// Whether `value` is a valid Host value; empty is valid (a target without authority).
    public static func isValid(_ value: String) -> Bool {
        var host = Substring(value)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            let literal = host[host.index(after: host.startIndex)..<close]
            guard !literal.isEmpty, literal.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." || $0.isLetter }) else { return false }
            host = host[host.index(after: close)...]
            return host.isEmpty || (host.first == ":" && host.dropFirst().allSatisfy(\.isASCIIDigitCharacter))
        }
        if let colon = host.lastIndex(of: ":") {
            guard host[host.index(after: colon)...].allSatisfy(\.isASCIIDigitCharacter) else { return false }
            host = host[..<colon]
        }
        return host.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "-._~%!$&'()*+,;=".unicodeScalars.contains(scalar))
        }
    }

    /// The authority of an absolute-form target (`http://a.example:8080/x` → `a.example:8080`),
    /// without userinfo; `nil` for the other forms.
    public static func authority(ofAbsoluteTarget target: String) -> String? {
        // absolute-form = scheme "://" authority …; scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
        guard let first = target.first, first.isASCII, first.isLetter else { return nil }
        let scheme = target.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        let rest = target[scheme.endIndex...]
        guard rest.hasPrefix("://") else { return nil }
        let afterSlashes = rest.dropFirst(3)
        var authority = afterSlashes.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        return String(authority)
    }
}

/// The digits of HTTP grammars (`DIGIT`, RFC 5234 Appendix B.1): ASCII only, unlike
/// `Character.isNumber`, which also accepts other scripts' digits. Shared by the parsers and
/// the rules that read numbers from strings (ports, ages, max-age, lengths, ranges).
extension Character {
    public var isASCIIDigitCharacter: Bool { asciiValue.map(ASCII.isDigit) ?? false }
}
