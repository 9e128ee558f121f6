import HTTPLintCore

/// Alt-Svc must be `clear` or alternatives `protocol="host:port"` with parameters.
struct InvalidAltSvc: Rule {
    static let description = RuleDescription(
        id: "invalid-alt-svc",
        severity: .error,
        category: .fields,
        summary: "Alt-Svc that does not parse, mixes `clear` with alternatives, or has a bad ma or persist",
        rationale: """
            RFC 7838 §3: `Alt-Svc = clear / 1#alt-value`, `alt-value = alternative *( OWS ";" \
            OWS parameter )`, `alternative = protocol-id "=" alt-authority`, the protocol-id a \
            token in which only octets outside tchar (and `%`) are percent-encoded, with \
            uppercase hex, and the alt-authority a quoted string holding `[ uri-host ] ":" \
            port`; `clear` is case-sensitive and a value with both `clear` and alternatives \
            is invalid. §3.1: `ma` is delta-seconds and `persist` takes only `1`. Clients \
            ignore what they cannot parse, so HTTP/3 or other alternatives go unused.
            """,
        fix: "Write alternatives as `h3=\":443\"; ma=86400`, or `clear` alone",
        spec: [SpecReference(rfc: 7838, section: "3"), SpecReference(rfc: 7838, section: "3.1")],
        fields: ["Alt-Svc"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nAlt-Svc: h3=:443\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nAlt-Svc: clear, h2=\":443\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nAlt-Svc: h3=\":443\"; ma=1d\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nAlt-Svc: h3=\"example.com\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nAlt-Svc: Clear\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nAlt-Svc: h2=\":443\"; persist=true\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nAlt-Svc: w%3dx=\":443\"\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nAlt-Svc: h3=\":443\"; ma=86400, h3-29=\":443\"; ma=86400\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nAlt-Svc: h2=\"new.example.org:80\"; ma=2592000; persist=1\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nAlt-Svc: clear\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nAlt-Svc: w%3Dx%3Ay#z=\"[2001:db8::1]:8443\"; foo=\"bar\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let fields = response.fields.named(.altSvc)
        guard let first = fields.first else { return }
        // One line in the usual form is judged on its bytes, in place: nothing to report.
        if fields.count == 1, Self.isPlainlyValid(first.valueUTF8Slice) { return }
        // One line (the usual case): its value, without an array of one to join.
        let value = fields.count == 1 ? first.value : fields.map(\.value).joined(separator: ", ")
        let span = fields.count == 1 ? first.valueSpan : first.lineSpan
        for problem in Self.problems(in: value) {
            report.add("Alt-Svc '\(Printable.escape(value))' is invalid: \(problem)", at: span, status: response.status)
        }
    }

    /// Whether `bytes` are alternatives that ``problems(in:)`` finds nothing wrong with, in a
    /// plain form judged without a copy: `protocol-id="host:port"` (a protocol-id without
    /// '%', a host of letters, digits, '-' and '.', a port of digits, no backslash) with
    /// `;name=token` parameters (ma a number, persist 1), separated by commas and whitespace.
    /// No `clear`. `false` says nothing: the value is then read by ``problems(in:)``.
    static func isPlainlyValid(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            let count = bytes.count
            func skipWhitespace() { while index < count, bytes[index].isHTTPWhitespace { index += 1 } }
            /// A token's range, or nil (nothing consumed).
            func token() -> Range<Int>? {
                let start = index
                while index < count, bytes[index].isHTTPTokenCharacter { index += 1 }
                return index > start ? start..<index : nil
            }
            func isAlphanumeric(_ byte: UInt8) -> Bool {
                (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
            }
            while true {
                skipWhitespace()
                if index == count { return true }
                if bytes[index] == 0x2C { index += 1; continue }
                guard let protocolID = token(), index < count, bytes[index] == 0x3D,
                      !bytes[protocolID].contains(0x25) else { return false }
                index += 1
                // "host:port", with one ':' (authorityProblem splits at the last one).
                guard index < count, bytes[index] == 0x22 else { return false }
                index += 1
                var colon: Int?
                while index < count, bytes[index] != 0x22 {
                    let byte = bytes[index]
                    if byte == 0x3A {
                        // A second ':' would be in the host, where it is not allowed.
                        guard colon == nil else { return false }
                        colon = index
                    } else if colon == nil {
                        guard isAlphanumeric(byte) || byte == 0x2D || byte == 0x2E else { return false }
                    } else {
                        guard byte.isASCIIDigit else { return false }
                    }
                    index += 1
                }
                guard index < count, colon != nil else { return false }
                index += 1
                // Parameters, up to a comma or the end.
                while true {
                    skipWhitespace()
                    if index == count || bytes[index] == 0x2C { break }
                    guard bytes[index] == 0x3B else { return false }
                    index += 1
                    skipWhitespace()
                    if index == count || bytes[index] == 0x3B || bytes[index] == 0x2C { continue }
                    guard let name = token(), index < count, bytes[index] == 0x3D else { return false }
                    index += 1
                    guard let value = token() else { return false }
                    if ByteParsing.equals(bytes[name], lowercase: "ma") {
                        guard bytes[value].allSatisfy(\.isASCIIDigit) else { return false }
                    } else if ByteParsing.equals(bytes[name], lowercase: "persist") {
                        guard value.count == 1, bytes[value.lowerBound] == UInt8(ascii: "1") else { return false }
                    }
                }
            }
        }
    }

    static func problems(in value: String) -> [String] {
        var scanner = ParameterScanner(value)
        var problems: [String] = []
        var hasClear = false
        var alternatives = 0
        while true {
            scanner.skipWhitespace()
            if scanner.isAtEnd { break }
            if scanner.peek == 0x2C {
                scanner.index += 1
                continue
            }
            guard let protocolID = scanner.token() else {
                return ["\(scanner.found) at character \(scanner.index + 1) does not start an alternative"]
            }
            guard scanner.peek == 0x3D else {
                if protocolID == "clear" {
                    hasClear = true
                    continue
                }
                if protocolID.asciiLowercased() == "clear" { return ["'\(protocolID)' must be written 'clear' (it is case-sensitive)"] }
                return ["'\(Printable.escape(protocolID))' has no =\"host:port\""]
            }
            scanner.index += 1
            alternatives += 1
            if let problem = protocolIDProblem(protocolID) { problems.append(problem) }
            guard let authority = scanner.quotedStringContent() else {
                return problems + ["the alt-authority of \(Printable.escape(protocolID)) must be a quoted string such as \":443\""]
            }
            if let problem = authorityProblem(authority) {
                problems.append("\(Printable.escape(protocolID))=\"\(Printable.escape(authority))\": \(problem)")
            }
            switch scanner.parameters(valueRequired: true, spaceAroundEquals: false, stopAtComma: true) {
            case .failure(let problem):
                return problems + [problem.description]
            case .success(let parameters):
                for parameter in parameters {
                    let text = parameter.text
                    if parameter.key == "ma", text.isEmpty || !text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                        problems.append("ma=\(Printable.escape(text)) is not a number of seconds")
                    } else if parameter.key == "persist", text != "1" {
                        problems.append("persist=\(Printable.escape(text)) is ignored; persist takes only 1")
                    }
                }
            }
        }
        if hasClear, alternatives > 0 { problems.append("it has both 'clear' and alternatives") }
        return problems
    }

    /// RFC 7838 §3: percent-encode exactly the octets outside tchar, and '%', in uppercase hex.
    static func protocolIDProblem(_ id: String) -> String? {
        // Without '%' there is nothing to judge (and no copy of the bytes to make).
        guard id.utf8.contains(0x25) else { return nil }
        let bytes = Array(id.utf8)
        var index = 0
        while let percent = bytes[index...].firstIndex(of: 0x25) {
            guard percent + 2 < bytes.count else { return "'%' in protocol-id '\(id)' is not followed by two hex digits" }
            let digits = bytes[(percent + 1)...(percent + 2)]
            guard digits.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x46) }) else {
                return "protocol-id '\(id)' must percent-encode with two uppercase hex digits"
            }
            let octet = UInt8(String(decoding: digits, as: UTF8.self), radix: 16)!
            if octet.isHTTPTokenCharacter, octet != 0x25 {
                return "protocol-id '\(id)' percent-encodes '\(Character(Unicode.Scalar(octet)))', which must be written as itself"
            }
            index = percent + 3
        }
        return nil
    }

    /// The punctuation a reg-name may hold: unreserved, pct-encoded and sub-delims.
    static let hostPunctuation = Array("-._~!$&'()*+,;=%".utf8)

    /// `[ uri-host ] ":" port`.
    static func authorityProblem(_ authority: [UInt8]) -> String? {
        guard let colon = authority.lastIndex(of: 0x3A) else { return "it has no ':port'" }
        let host = authority[..<colon]
        let port = authority[(colon + 1)...]
        guard port.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return "the port is not a number" }
        if host.first == 0x5B {
            guard host.last == 0x5D else { return "the IP-literal host has no closing ']'" }
            return nil
        }
        // reg-name / IPv4address: unreserved / pct-encoded / sub-delims.
        let allowed = Self.hostPunctuation
        let isAlphanumeric: (UInt8) -> Bool = { ($0 >= 0x30 && $0 <= 0x39) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }
        if let bad = host.first(where: { !isAlphanumeric($0) && !allowed.contains($0) }) {
            return "\(Printable.describe(bad)) is not allowed in a host"
        }
        return nil
    }
}
