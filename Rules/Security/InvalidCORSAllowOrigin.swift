import HTTPLintCore

/// Access-Control-Allow-Origin is `*`, `null`, or a serialized origin that can equal a request's Origin.
struct InvalidCORSAllowOrigin: Rule {
    static let description = RuleDescription(
        id: "invalid-cors-allow-origin",
        severity: .error,
        category: .security,
        summary: "Access-Control-Allow-Origin that is not `*`, `null` or a serialized origin (a path, a trailing slash, upper case, a default port)",
        rationale: """
            Fetch defines `Access-Control-Allow-Origin = origin-or-null / wildcard`, a \
            serialized origin being `scheme "://" host [ ":" port ]` in lowercase, and its CORS \
            check compares the field byte for byte with the request's serialized Origin. A \
            value with a path or a trailing slash, capital letters, a wildcard in the host, the \
            scheme's default port or no scheme can never be equal to an Origin, so browsers \
            block every cross-origin read of the response. (Several origins in one value are \
            cors-wildcard-with-credentials' business.)
            """,
        fix: "Echo the request's Origin exactly, such as `Access-Control-Allow-Origin: https://app.example`",
        spec: [SpecReference(document: "Fetch", section: "CORS check", url: "https://fetch.spec.whatwg.org/#cors-check"),
               SpecReference(document: "Fetch", section: "HTTP new-header syntax", url: "https://fetch.spec.whatwg.org/#http-new-header-syntax")],
        fields: ["Access-Control-Allow-Origin"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: https://app.example/\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: https://App.Example\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: app.example\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: https://*.example.com\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: https://app.example:443\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: https://app.example\nVary: Origin\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: http://127.0.0.1:8080\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: http://[::1]:3000\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: *\nContent-Length: 0\n\n"),
            // Lists are reported by cors-wildcard-with-credentials.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: https://a.example/, https://b.example/\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let fields = response.fields.named(.accessControlAllowOrigin)
        guard fields.count == 1, let field = fields.first else { return }
        // Read on the bytes of the value (`valueUTF8Slice` is `value.utf8`, in place when
        // ASCII): the text is made only when the value is not a plain origin.
        let bytes = field.valueUTF8Slice
        // Lists and spaces are another rule's finding (the separators are ASCII: read bytes).
        guard !bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }),
              !bytes.elementsEqual("*".utf8), !bytes.elementsEqual("null".utf8), !Self.isPlainOrigin(bytes: bytes) else { return }
        let value = field.value
        guard let problem = Self.problemReadingCharacters(value) else { return }
        report.add("Access-Control-Allow-Origin '\(Printable.escape(value))' \(problem), so it never equals a request's Origin and browsers block the response",
                   at: field.valueSpan, status: response.status)
    }

    /// Why `value` is not a serialized origin (Fetch: `serialized-scheme "://" serialized-host [ ":" serialized-port ]`).
    static func problem(with value: String) -> String? {
        isPlainOrigin(value) ? nil : problemReadingCharacters(value)
    }

    /// ``problem(with:)`` for any value, read character by character.
    static func problemReadingCharacters(_ value: String) -> String? {
        if value.isEmpty { return "is empty" }
        guard let separator = value.firstRange(of: "://") else { return "has no scheme (an origin is scheme://host[:port])" }
        let scheme = value[..<separator.lowerBound]
        var rest = value[separator.upperBound...]
        if let pathStart = rest.firstIndex(where: { "/?#".contains($0) }) {
            return rest[pathStart...] == "/" ? "ends in a slash (an origin has no path)" : "has a path or query ('\(Printable.escape(String(rest[pathStart...])))'); an origin has none"
        }
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else {
            return "has an invalid scheme '\(Printable.escape(String(scheme)))'"
        }
        if scheme.contains(where: \.isUppercase) { return "has upper-case letters in the scheme (origins are serialized in lowercase)" }
        var port: Substring?
        let host: Substring
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return "has an unclosed IPv6 address" }
            host = rest[...close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return "has '\(Printable.escape(String(after)))' after the host" }
                port = after.dropFirst()
            }
            rest = host
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            port = rest[rest.index(after: colon)...]
        } else {
            host = rest
        }
        if host.isEmpty { return "has no host" }
        if host.contains("*") { return "has a wildcard in the host (CORS allows only a whole `*` or one exact origin)" }
        if host.contains(where: \.isUppercase) { return "has upper-case letters in the host (origins are serialized in lowercase)" }
        if !host.hasPrefix("["), let bad = host.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".")) }) {
            return "has the character '\(Printable.escape(String(bad)))' in the host (a non-ASCII name must be written in punycode)"
        }
        if let port {
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCIIDigitCharacter) else {
                return "has an invalid port '\(Printable.escape(String(port)))'"
            }
            let defaults = ["http": "80", "https": "443", "ws": "80", "wss": "443"]
            if defaults[String(scheme)] == String(port) {
                return "has the default port \(port) of \(scheme), which a serialized origin leaves out"
            }
        }
        return nil
    }

    /// The common case, read on bytes: `scheme://host` in lower case, the scheme a letter then
    /// letters, digits, '+', '-' or '.', the host letters, digits, '-' and '.', with no port.
    /// Every such value passes ``problem(with:)``'s checks, so it can skip them.
    static func isPlainOrigin(_ value: String) -> Bool { isPlainOrigin(bytes: value.utf8) }

    /// ``isPlainOrigin(_:)`` of the text whose UTF-8 bytes are `value`.
    static func isPlainOrigin(bytes value: some Sequence<UInt8>) -> Bool {
        var bytes = value.makeIterator()
        guard let first = bytes.next(), first >= 0x61, first <= 0x7A else { return false }
        var separator = 0
        var hostLength = 0
        while let byte = bytes.next() {
            let isLowerOrDigit = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            switch separator {
            case 0 where isLowerOrDigit || byte == 0x2B || byte == 0x2D || byte == 0x2E: continue
            case 0 where byte == 0x3A, 1 where byte == 0x2F: separator += 1
            case 2 where byte == 0x2F: separator = 3
            case 3 where isLowerOrDigit || byte == 0x2D || byte == 0x2E: hostLength += 1
            default: return false
            }
        }
        return separator == 3 && hostLength > 0
    }
}
