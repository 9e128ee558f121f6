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

    /// The entries of an archive. JSON nesting deeper than `maxDepth` (ParserLimits.maxJSONDepth;
    /// a HAR entry nests about six levels deep) is refused before parsing.
    static func entries(_ bytes: [UInt8], maxDepth: Int) -> Result<[Entry], Problem> {
        if let depth = nestingBeyond(maxDepth, in: bytes) {
            return .failure(Problem(description: "its JSON nests deeper than \(depth) levels, the limit (--max-json-depth)"))
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            return .failure(Problem(description: "it is not JSON (\(error.localizedDescription))"))
        }
        guard let log = (json as? [String: Any])?["log"] as? [String: Any],
              let entries = log["entries"] as? [Any] else {
            return .failure(Problem(description: "it has no log.entries array"))
        }
        return .success(entries.enumerated().map { index, value in entry(index, value as? [String: Any] ?? [:]) })
    }

    /// The 1-based line on which each entry of `log.entries` starts in the archive's bytes, in
    /// order: reports point at the entry in the file (the parsed JSON keeps no positions). One
    /// pass over the bytes, following strings and nesting; empty when the bytes are not such
    /// an archive.
    static func entryLines(_ bytes: [UInt8]) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        // The last string read in the `log` object (depth 2), and whether it is a key.
        var key: [UInt8] = []
        var keyStart = -1
        var entriesDepth = -1
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 {
                    inString = false
                    if keyStart >= 0 { key = Array(bytes[keyStart..<index]) }
                }
                continue
            }
            switch byte {
            case 0x22:
                inString = true
                keyStart = depth == 2 ? index + 1 : -1
            case 0x7B, 0x5B:  // { [
                if depth == entriesDepth { lines.append(line) }
                if byte == 0x5B, depth == 2, key == Array("entries".utf8), entriesDepth < 0 { entriesDepth = depth + 1 }
                depth += 1
            case 0x7D, 0x5D:  // } ]
                depth -= 1
                if depth < entriesDepth { return lines }
            default:
                break
            }
        }
        return lines
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
