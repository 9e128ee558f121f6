import HTTPLintCore

/// One exchange as the rules that compare exchanges read it: which resource its request asks
/// for, which of a probe's variations it carries (a precondition, a range, a content coding
/// asked for), and everything else the request says, so that requests differing only in the
/// variation can be matched.
///
/// Exchanges whose request is unknown or malformed, or whose response has no status or an
/// unfinished header section, are left out: a rule cannot tell what such a server meant.
struct ProbeExchange {
    let exchange: Exchange
    let request: Request
    /// The Host field (lowercased) and the request-target: the resource asked for.
    let resource: String
    /// The request's other fields as `name: value` (names lowercased), sorted by name: two
    /// requests alike in these can be answered differently only for their variation.
    let otherFields: [String]
    /// Whether the request carries If-Match, If-None-Match, If-Modified-Since,
    /// If-Unmodified-Since or If-Range.
    let hasPrecondition: Bool
    let hasRange: Bool
    /// The Accept-Encoding list elements as sent, `nil` when the request sends no Accept-Encoding.
    let acceptEncoding: [String]?

    var response: Response { exchange.response }
    var status: Int { exchange.response.status ?? 0 }
    var method: String { request.method }
    /// `GET (exchange 2)`: how findings name the exchange.
    var label: String { "\(request.method) (exchange \(exchange.index + 1))" }

    /// The fields that make a request one of the probe's variations.
    static let variationFields: Set<String> = [
        "if-match", "if-none-match", "if-modified-since", "if-unmodified-since", "if-range", "range", "accept-encoding",
    ]
    /// Fields about the connection or the request's own framing, which select nothing.
    static let connectionFields: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "te", "content-length", "transfer-encoding",
    ]

    init?(_ exchange: Exchange) {
        guard let request = exchange.request, request.hasRequestLine, request.deviations.isEmpty,
              exchange.response.status != nil, exchange.response.isHeaderComplete else { return nil }
        self.exchange = exchange
        self.request = request
        var host = ""
        var others: [(String, String)] = []
        var precondition = false
        var range = false
        var encodings: [String]?
        request.fields.forEach { field in
            let name = field.name.asciiLowercased()
            switch name {
            case "host": host = field.value.asciiLowercased()
            case "range": range = true
            case "accept-encoding": encodings = (encodings ?? []) + field.listElements
            case _ where Self.variationFields.contains(name): precondition = true
            case _ where Self.connectionFields.contains(name): break
            default: others.append((name, field.value))
            }
        }
        self.resource = host + " " + request.target
        // Sorted by name only: the order of a repeated field's lines is kept.
        self.otherFields = others.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
            .map { "\($0.element.0): \($0.element.1)" }
        self.hasPrecondition = precondition
        self.hasRange = range
        self.acceptEncoding = encodings
    }

    /// Whether `other` asks for the same resource with the same fields, variations aside.
    func isAlike(_ other: ProbeExchange) -> Bool {
        resource == other.resource && otherFields == other.otherFields
    }

    /// Whether the request accepts only the identity coding, as far as a server need care:
    /// no Accept-Encoding, an empty one, or one listing nothing but `identity`.
    var asksForIdentity: Bool {
        guard let acceptEncoding else { return true }
        return acceptEncoding.allSatisfy { element in
            element.split(separator: ";").first.map { $0.trimmingWhitespace().asciiLowercased() } == "identity"
        }
    }

    /// Whether the request asks for gzip with a weight above zero.
    var asksForGzip: Bool {
        guard let acceptEncoding else { return false }
        return acceptEncoding.contains { element in
            let parts = element.split(separator: ";").map { $0.trimmingWhitespace().asciiLowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "x-gzip" else { return false }
            return !parts.dropFirst().contains { $0.hasPrefix("q=") && Double($0.dropFirst(2)) == 0 }
        }
    }

    /// A GET (or HEAD) with no precondition, no range and no content coding asked for.
    var isPlain: Bool { !hasPrecondition && !hasRange && asksForIdentity }

    /// The exchanges of `exchanges` that can be compared, grouped by the resource they ask for
    /// (in the order each resource first appears, each group in input order): the rules
    /// compare only exchanges of one resource, and a large input then costs a pass per group
    /// rather than one per pair of exchanges.
    static func byResource(_ exchanges: [Exchange]) -> [[ProbeExchange]] {
        var groups: [[ProbeExchange]] = []
        var positions: [String: Int] = [:]
        for case let probe? in exchanges.lazy.map(ProbeExchange.init) {
            if let position = positions[probe.resource] {
                groups[position].append(probe)
            } else {
                positions[probe.resource] = groups.count
                groups.append([probe])
            }
        }
        return groups
    }
}

extension Response {
    /// The content as received, whole, with chunked framing undone; `nil` when the response
    /// has none (HEAD, 304, 204), was cut short, or carries a transfer coding besides chunked.
    var receivedContent: [UInt8]? {
        switch content.framing {
        case .contentLength, .chunked, .closeDelimited: break
        case .none, .tunnel: return nil
        }
        guard !content.isTruncated,
              fields.named(.transferEncoding).flatMap(\.listElements).allSatisfy({ $0.asciiLowercased() == "chunked" })
        else { return nil }
        if content.framing == .chunked {
            var joined: [UInt8] = []
            joined.reserveCapacity(content.length)
            for chunk in content.chunks { joined += source.bytes[source.clamped(chunk)] }
            return joined
        }
        return Array(source.bytes[source.clamped(content.span)])
    }

    /// The content codings applied, in order, `identity` left out.
    var contentCodings: [String] {
        fields.named(.contentEncoding).flatMap(\.listElements).filter { $0.asciiLowercased() != "identity" }
    }

    /// The values of every `name` line joined by commas, `nil` when there is none.
    func joinedValue(_ name: String) -> String? {
        let lines = fields.named(name)
        return lines.isEmpty ? nil : lines.map(\.value).joined(separator: ", ")
    }

    /// The list elements of every `name` line, lowercased, as a set (for Vary, Allow's
    /// case-insensitive peers, Content-Language).
    func lowercasedElements(_ name: String) -> Set<String> {
        Set(fields.named(name).flatMap(\.listElements).map { $0.asciiLowercased() })
    }

    /// The one ETag, when it is a valid entity tag.
    var entityTag: EntityTag? {
        let lines = fields.named(.etag)
        guard lines.count == 1 else { return nil }
        return EntityTag(lines[0].value.trimmingWhitespace())
    }

    /// The media type with its parameters, lowercased and without whitespace: two values equal
    /// this way name the same type.
    var normalizedContentType: String? {
        joinedValue("Content-Type").map { String($0.asciiLowercased().filter { $0 != " " && $0 != "\t" }) }
    }
}

extension Array where Element == UInt8 {
    /// The first index at which `self` and `other` differ (the shorter one's length when one is
    /// a prefix of the other), `nil` when they are equal.
    func firstDifference(from other: [UInt8]) -> Int? {
        if self == other { return nil }
        let common = Swift.min(count, other.count)
        var index = 0
        while index < common, self[index] == other[index] { index += 1 }
        return index
    }
}

/// Building the examples of the rules that compare exchanges.
enum ProbeExamples {
    /// `text` as bytes, each `\n` made CRLF (as ``Example`` does with the text it is given).
    static func crlf(_ text: String) -> [UInt8] {
        text.utf8.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
    }

    /// A 200 with `content` (taken as it is), after `head` lines such as `Content-Encoding: gzip\n`.
    static func ok(_ head: String, _ content: [UInt8]) -> [UInt8] {
        crlf("HTTP/1.1 200 OK\n\(head)Content-Length: \(content.count)\n\n") + content
    }
}
