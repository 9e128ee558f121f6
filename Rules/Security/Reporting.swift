import HTTPLintCore

/// A JSON value (RFC 8259), built for the rules that judge the members of NEL and Report-To.
indirect enum JSONValue {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    /// The member called `key` of an object; the last one when it is repeated, as
    /// JavaScript's JSON.parse keeps it.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    var isObject: Bool { if case .object = self { true } else { false } }

    /// The value when it is a string.
    var string: String? { if case .string(let text) = self { text } else { nil } }

    /// The value when it is a number that is a whole number of zero or more (`86400` or `86400.0`).
    var nonNegativeInteger: Double? {
        guard case .number(let number) = self, number >= 0, number == number.rounded(.towardZero) else { return nil }
        return number
    }

    /// The JSON type, for messages.
    var typeName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    /// The comma-separated JSON texts of a `json-field-value` (NEL, Report-To), or `nil` when
    /// they do not parse (invalid-field-value reports that). Empty list members are skipped.
    static func members(of text: String) -> [JSONValue]? {
        var parser = Parser(bytes: Array(text.utf8))
        var values: [JSONValue] = []
        while true {
            parser.skipSpace()
            if parser.isAtEnd { return values }
            if parser.take(0x2C) { continue }
            guard let value = parser.value(depth: 0) else { return nil }
            values.append(value)
            parser.skipSpace()
            if parser.isAtEnd { return values }
            guard parser.take(0x2C) else { return nil }
        }
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var isAtEnd: Bool { index >= bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func value(depth: Int) -> JSONValue? {
            guard depth < 32 else { return nil }
            skipSpace()
            switch peek {
            case 0x7B?:
                index += 1
                var members: [(key: String, value: JSONValue)] = []
                skipSpace()
                if take(0x7D) { return .object(members) }
                while true {
                    skipSpace()
                    guard let key = string() else { return nil }
                    skipSpace()
                    guard take(0x3A), let member = value(depth: depth + 1) else { return nil }
                    members.append((key, member))
                    skipSpace()
                    if take(0x7D) { return .object(members) }
                    guard take(0x2C) else { return nil }
                }
            case 0x5B?:
                index += 1
                var elements: [JSONValue] = []
                skipSpace()
                if take(0x5D) { return .array(elements) }
                while true {
                    guard let element = value(depth: depth + 1) else { return nil }
                    elements.append(element)
                    skipSpace()
                    if take(0x5D) { return .array(elements) }
                    guard take(0x2C) else { return nil }
                }
            case 0x22?:
                return string().map(JSONValue.string)
            case .some(0x2D), .some(0x30...0x39):
                let start = index
                while let byte = peek, byte == 0x2D || byte == 0x2B || byte == 0x2E || byte == 0x65 || byte == 0x45
                    || (0x30...0x39).contains(byte) { index += 1 }
                return Double(String(decoding: bytes[start..<index], as: UTF8.self)).map(JSONValue.number)
            default:
                for (literal, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)]
                where bytes[index...].starts(with: literal.utf8) {
                    index += literal.utf8.count
                    return value
                }
                return nil
            }
        }

        /// A string at `"`, its escapes resolved (a lone surrogate becomes U+FFFD).
        mutating func string() -> String? {
            guard take(0x22) else { return nil }
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
            }
            while let byte = peek {
                index += 1
                switch byte {
                case 0x22:
                    flush()
                    return String(scalars)
                case 0x5C:
                    guard let escaped = peek else { return nil }
                    index += 1
                    switch escaped {
                    case 0x75:
                        guard var unit = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(unit), bytes[index...].starts(with: [0x5C, 0x75]) {
                            let save = index
                            index += 2
                            if let low = hex4(), (0xDC00..<0xE000).contains(low) {
                                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                index = save
                            }
                        }
                        flush()
                        scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
                    case 0x62: raw.append(0x08)
                    case 0x66: raw.append(0x0C)
                    case 0x6E: raw.append(0x0A)
                    case 0x72: raw.append(0x0D)
                    case 0x74: raw.append(0x09)
                    default: raw.append(escaped)
                    }
                default:
                    raw.append(byte)
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var unit: UInt32 = 0
            for byte in bytes[index..<(index + 4)] {
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: return nil
                }
                unit = unit << 4 | UInt32(digit)
            }
            index += 4
            return unit
        }
    }
}

/// The reporting configuration of a response, read once for the reporting rules: the
/// Reporting-Endpoints dictionary (Reporting API §3.2), the Report-To endpoint groups of the
/// 2018 Reporting draft, and the NEL policies.
final class ReportingFields: ResponseReading {
    /// The Reporting-Endpoints members in order; `nil` when the field is absent or does not
    /// parse as a Dictionary (invalid-structured-field reports that).
    let endpoints: [(name: String, value: StructuredFields.BareItem)]?
    /// The Report-To members; `nil` when the field is absent or is not JSON.
    let reportTo: [JSONValue]?
    /// Whether the response has Report-To fields that are not JSON: their groups are unknown.
    let reportToUnreadable: Bool
    /// The NEL members; `nil` when the field is absent or is not JSON.
    let nel: [JSONValue]?

    init(_ response: Response) {
        let endpointLines = response.fields.named(Self.reportingEndpoints)
        if !endpointLines.isEmpty,
           let dictionary = try? StructuredFields.parseDictionary(endpointLines.map(\.value).joined(separator: ", ")) {
            endpoints = dictionary.compactMap { member in
                guard case .item(let item) = member.value else { return (member.key, .boolean(true)) }
                return (member.key, item.bare)
            }
        } else {
            endpoints = nil
        }
        let reportToLines = response.fields.named(Self.reportToField)
        reportTo = reportToLines.isEmpty ? nil : JSONValue.members(of: reportToLines.map(\.value).joined(separator: ", "))
        reportToUnreadable = !reportToLines.isEmpty && reportTo == nil
        let nelLines = response.fields.named(Self.nelField)
        nel = nelLines.isEmpty ? nil : JSONValue.members(of: nelLines.map(\.value).joined(separator: ", "))
    }

    /// The fields read, found by table place (one number compared per field), not by name.
    static let reportingEndpoints = TableField("Reporting-Endpoints")
    static let reportToField = TableField("Report-To")
    static let nelField = TableField("NEL")

    /// The names of the endpoints Reporting-Endpoints defines with a string value.
    var endpointNames: Set<String> {
        Set((endpoints ?? []).compactMap { if case .string = $0.value { $0.name } else { nil } })
    }

    /// The endpoint group names the Report-To objects define (`default` when a group has no
    /// name, as the 2018 draft reads it).
    var reportToGroupNames: Set<String> {
        Set((reportTo ?? []).compactMap { group in
            guard group.isObject else { return nil }
            return group["group"].map { $0.string } ?? "default"
        })
    }
}

/// Whether a reporting endpoint URL can be used: browsers skip an endpoint whose URL does not
/// parse or whose origin is not potentially trustworthy (Reporting API §3.2; Secure Contexts
/// §3.1). Only what is certain without the response's own URL is judged: relative
/// references resolve against it, so they are left alone.
enum EndpointURL {
    enum Verdict: Equatable {
        case usable
        /// The URL parser fails on it, for the reason given.
        case notAURL(String)
        /// It parses, but its origin is not potentially trustworthy.
        case notSecure
    }

    static func judge(_ written: String) -> Verdict {
        // The URL parser removes tabs and newlines anywhere, and trims C0 controls and spaces.
        func isC0OrSpace(_ character: Character) -> Bool { character.asciiValue.map { $0 <= 0x20 } ?? false }
        var text = Substring(written.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" && $0 != "\r\n" })
        while let first = text.first, isC0OrSpace(first) { text.removeFirst() }
        while let last = text.last, isC0OrSpace(last) { text.removeLast() }
        guard let colon = text.firstIndex(of: ":"),
              let first = text.first, first.isASCII, first.isLetter,
              text[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else {
            return .usable  // relative: resolved against the response's URL
        }
        let scheme = text[..<colon].asciiLowercased()
        let rest = text[text.index(after: colon)...]
        if scheme == "data" { return .notSecure }
        guard ["http", "https", "ws", "wss", "ftp"].contains(scheme), rest.hasPrefix("//") else { return .usable }
        // Further slashes and backslashes are skipped ("special authority ignore slashes
        // state"); the authority ends at the first of / \ ? #, and the host follows the last @.
        var authority = rest.dropFirst(2).drop { $0 == "/" || $0 == "\\" }.prefix { !"/\\?#".contains($0) }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host: Substring
        var port: Substring = ""
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return .notAURL("its IPv6 address has no closing ']'") }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return .notAURL("'\(after)' follows the IPv6 address") }
                port = after.dropFirst()
            }
        } else if let portColon = authority.firstIndex(of: ":") {
            host = authority[..<portColon]
            port = authority[authority.index(after: portColon)...]
        } else {
            host = authority
        }
        if host.isEmpty { return .notAURL("it has no host") }
        if let bad = host.first(where: { " <>^|".contains($0) || (!host.hasPrefix("[") && "[]".contains($0)) }) {
            return .notAURL("its host has the forbidden character '\(bad)'")
        }
        if !port.isEmpty {
            let significant = port.drop { $0 == "0" }
            guard port.allSatisfy({ $0.isASCII && $0.isNumber }), significant.count <= 5, Int(significant) ?? 0 <= 65535 else {
                return .notAURL("its port '\(port)' is not a number from 0 to 65535")
            }
        }
        if scheme == "https" || scheme == "wss" { return .usable }
        if scheme == "ftp" { return .notSecure }
        return isLocal(host.asciiLowercased()) ? .usable : .notSecure
    }

    /// Loopback hosts, which Secure Contexts §3.1 counts as potentially trustworthy.
    static func isLocal(_ host: String) -> Bool {
        if host == "localhost" || host.hasSuffix(".localhost") || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) && (Int($0) ?? 256) < 256 }
    }
}
