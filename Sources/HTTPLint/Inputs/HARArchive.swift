import Foundation

/// Reads HAR 1.2 archives (browsers, mitmproxy, Charles, Playwright) into one response per
/// entry, rebuilt as HTTP/1.1 text from the entry's parts, with its request.
///
/// What a HAR cannot tell is not checked: content is decoded (no framing rules), the status
/// line is rebuilt (HTTP/2 and HTTP/3 entries become `HTTP/1.1`, pseudo-fields such as
/// `:status` are dropped), and an entry without a response (status 0) has nothing to lint.
/// The version the entry records is kept beside the rebuilt text (``Entry/version``, then
/// ``Exchange/recordedVersion``), for the rules about HTTP/2 and HTTP/3 messages.
enum HARArchive {
    struct Entry {
        /// "entry 3: GET https://example.com/".
        let label: String
        let request: [UInt8]?
        /// Empty when the entry has no response.
        let response: [UInt8]
        /// The response's `httpVersion` as recorded (the request's when the response has none);
        /// `nil` when neither names one.
        var version: String? = nil
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// One entry of `log.entries` as it lies in the archive: the bytes of its JSON value and the
    /// 1-based line it starts on (reports point at the entry in the file).
    struct Located {
        let bytes: Range<Int>
        let line: Int
    }

    /// Where the entries of an archive are, found without building its JSON values: each is
    /// parsed only when its turn comes (``entry(_:at:in:)``), so an archive takes memory for its
    /// bytes and one entry at a time, not for a tree of every value in it. JSON nesting deeper
    /// than `maxDepth` (ParserLimits.maxJSONDepth; a HAR entry nests about six levels deep) is
    /// refused before anything else, then JSON that is not well-formed, with where it goes wrong.
    static func entries(_ bytes: [UInt8], maxDepth: Int) -> Result<[Located], Problem> {
        if let depth = nestingBeyond(maxDepth, in: bytes) {
            return .failure(Problem(description: "its JSON nests deeper than \(depth) levels, the limit (--max-json-depth)"))
        }
        if case .invalid(let problem) = JSONText.document(bytes) {
            let line = bytes[..<min(problem.offset, bytes.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            return .failure(Problem(description: "it is not JSON (line \(line), byte \(problem.offset): \(problem.reason))"))
        }
        guard let located = locate(bytes) else { return .failure(Problem(description: "it has no log.entries array")) }
        return .success(located)
    }

    /// The entry at `located`, the `index`th of the archive `bytes` (0 for the first), or why
    /// its JSON cannot be read (text the validator let pass, such as an escaped lone surrogate).
    static func entry(_ index: Int, at located: Located, in bytes: [UInt8]) -> Result<Entry, Problem> {
        guard !located.bytes.isEmpty else { return .success(entry(index, [:])) }
        do {
            let value = try bytes.withUnsafeBufferPointer { buffer in
                try JSONSerialization.jsonObject(with: Data(buffer[located.bytes]))
            }
            return .success(entry(index, value as? [String: Any] ?? [:]))
        } catch {
            return .failure(Problem(description: "its entry \(index) (line \(located.line)) cannot be read as JSON (\(error.localizedDescription))"))
        }
    }

    /// The values of `log.entries` in well-formed JSON `bytes`, or `nil` when the top-level
    /// value is not an object whose `log` object has an `entries` array. One pass over the
    /// bytes, following strings and nesting. A value that is not an object is located with
    /// no bytes: it is an entry with nothing to lint.
    static func locate(_ bytes: [UInt8]) -> [Located]? {
        var located: [Located] = []
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        // The last string read at depths 1 and 2: before a `{` or `[`, the key of that value.
        var stringStart = -1
        var lastString: [UInt8] = []
        var inLog = false
        // Inside log.entries: its depth, whether a value may start, and where the current one did.
        var entriesDepth = -1
        var expectsValue = false
        var valueStart = -1
        var valueLine = 0
        func endScalar(at index: Int) {
            if valueStart >= 0 { located.append(Located(bytes: index..<index, line: valueLine)) }
            valueStart = -1
        }
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 {
                    inString = false
                    if stringStart >= 0 { lastString = Array(bytes[stringStart..<index]) }
                    // A string entry: nothing to lint.
                    if depth == entriesDepth { endScalar(at: index) }
                }
                continue
            }
            switch byte {
            case 0x22:
                inString = true
                stringStart = depth == 1 || depth == 2 ? index + 1 : -1
                if depth == entriesDepth, expectsValue { (valueStart, valueLine, expectsValue) = (index, line, false) }
            case 0x7B, 0x5B:  // { [
                if depth == entriesDepth, expectsValue { (valueStart, valueLine, expectsValue) = (index, line, false) }
                if depth == 1 { inLog = byte == 0x7B && lastString == Array("log".utf8) }
                if byte == 0x5B, depth == 2, inLog, lastString == Array("entries".utf8), entriesDepth < 0 {
                    entriesDepth = depth + 1
                    expectsValue = true
                }
                depth += 1
            case 0x7D, 0x5D:  // } ]
                if depth == entriesDepth {
                    // The end of the entries array, which may end a number or literal entry.
                    endScalar(at: index)
                    return located
                }
                depth -= 1
                if depth == entriesDepth, valueStart >= 0 {
                    located.append(Located(bytes: bytes[valueStart] == 0x7B ? valueStart..<(index + 1) : index..<index, line: valueLine))
                    valueStart = -1
                }
            case 0x2C:  // ,
                if depth == entriesDepth {
                    endScalar(at: index)
                    expectsValue = true
                }
            case 0x20, 0x09, 0x0D, 0x0A:
                break
            default:
                // A number or literal in the entries array.
                if depth == entriesDepth, expectsValue { (valueStart, valueLine, expectsValue) = (index, line, false) }
            }
        }
        return nil
    }

    private static func entry(_ index: Int, _ entry: [String: Any]) -> Entry {
        let request = entry["request"] as? [String: Any] ?? [:]
        let response = entry["response"] as? [String: Any] ?? [:]
        let method = request["method"] as? String ?? "GET"
        let url = request["url"] as? String ?? ""
        let label = "entry \(index): \(method) \(url)"
        let requestBytes = Array(("\(method) \(target(of: url, method: method)) \(normalizedVersion(request["httpVersion"] as? String))\r\n"
            + hostLine(request["headers"], url: url) + fieldLines(request["headers"]) + "\r\n").utf8)
        let status = (response["status"] as? NSNumber)?.intValue ?? 0
        guard status > 0 else { return Entry(label: label, request: requestBytes, response: []) }
        let recorded = [response["httpVersion"], request["httpVersion"]].lazy.compactMap { $0 as? String }.first { !$0.isEmpty }
        let version = normalizedVersion(response["httpVersion"] as? String)
        let reason = version == "HTTP/1.1" || version == "HTTP/1.0" ? (response["statusText"] as? String ?? "") : ""
        var bytes = Array("\(version) \(status) \(reason)\r\n\(fieldLines(response["headers"]))\r\n".utf8)
        if let content = response["content"] as? [String: Any], let text = content["text"] as? String {
            if (content["encoding"] as? String)?.lowercased() == "base64", let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) {
                bytes += Array(data)
            } else {
                bytes += Array(text.utf8)
            }
        }
        return Entry(label: label, request: requestBytes, response: bytes, version: recorded)
    }

    /// The limit, when the brackets of `bytes` (outside strings) nest deeper than it.
    static func nestingBeyond(_ limit: Int, in bytes: [UInt8]) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x5B, 0x7B:
                depth += 1
                if depth > limit { return limit }
            case 0x5D, 0x7D: depth -= 1
            default: break
            }
        }
        return nil
    }

    /// `HTTP/1.0` stays; every other spelling (`HTTP/1.1`, `http/1.1`, `h2`, `HTTP/2.0`, `h3`,
    /// `http/2.0+quic/46`, empty) is linted as HTTP/1.1 semantics.
    static func normalizedVersion(_ text: String?) -> String {
        text?.lowercased() == "http/1.0" ? "HTTP/1.0" : "HTTP/1.1"
    }

    /// The request-target: origin form from the URL (authority form for CONNECT).
    static func target(of url: String, method: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url.isEmpty ? "/" : url }
        if method == "CONNECT" { return components.port.map { "\(host):\($0)" } ?? host }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }

    /// A Host line from the URL's authority when the entry lists no Host: HTTP/2 and HTTP/3
    /// carry it as `:authority`, and browsers leave it out of HTTP/1.1 entries too, though they
    /// sent it.
    private static func hostLine(_ headers: Any?, url: String) -> String {
        let names = (headers as? [[String: Any]] ?? []).compactMap { ($0["name"] as? String)?.lowercased() }
        guard !names.contains("host"), let components = URLComponents(string: url), let host = components.host else { return "" }
        let literal = host.contains(":") ? "[\(host)]" : host
        return "Host: \(components.port.map { "\(literal):\($0)" } ?? literal)\r\n"
    }

    /// `name: value` lines from a HAR headers array, without HTTP/2 pseudo-fields.
    private static func fieldLines(_ headers: Any?) -> String {
        (headers as? [[String: Any]] ?? []).compactMap { header in
            guard let name = header["name"] as? String, !name.hasPrefix(":") else { return nil }
            return "\(name): \(header["value"] as? String ?? "")\r\n"
        }.joined()
    }
}
