import HTTPLintCore

/// The Cache-Control directives of a response, read once per response for the rules that
/// check them or reason about freshness (RFC 9111 §4.2.1, §5.2).
///
/// Directives are kept as byte ranges of the field values, each with its registered name when
/// it has one: rules ask about registered directives by name without a string being built, and
/// text is made only for a finding or a summary.
final class CacheDirectives: ResponseReading {
    /// The response directives registered by RFC 9111 §5.2.2 and RFC 5861 that rules read.
    enum Name: Int, CaseIterable {
        case maxAge, sMaxage, noCache, noStore, noTransform, mustRevalidate, proxyRevalidate, mustUnderstand
        case `private`, `public`, immutable, staleWhileRevalidate, staleIfError, onlyIfCached

        /// The directive as written, in lowercase.
        var text: String {
            switch self {
            case .maxAge: "max-age"
            case .sMaxage: "s-maxage"
            case .noCache: "no-cache"
            case .noStore: "no-store"
            case .noTransform: "no-transform"
            case .mustRevalidate: "must-revalidate"
            case .proxyRevalidate: "proxy-revalidate"
            case .mustUnderstand: "must-understand"
            case .private: "private"
            case .public: "public"
            case .immutable: "immutable"
            case .staleWhileRevalidate: "stale-while-revalidate"
            case .staleIfError: "stale-if-error"
            case .onlyIfCached: "only-if-cached"
            }
        }

        /// Whether the value is a number of seconds (`delta-seconds`, RFC 9111 §1.2.2).
        var takesSeconds: Bool {
            switch self {
            case .maxAge, .sMaxage, .staleWhileRevalidate, .staleIfError: true
            default: false
            }
        }

        /// Whether the directive takes no value at all.
        var isValueless: Bool {
            switch self {
            case .noStore, .public, .mustRevalidate, .proxyRevalidate, .noTransform, .mustUnderstand, .immutable, .onlyIfCached: true
            default: false
            }
        }

        /// The registered name `text` spells (ASCII case ignored), if any.
        init?(_ text: String) {
            guard let name = Self.named(Array(text.utf8)[...]) else { return nil }
            self = name
        }

        /// Each name's lowercase bytes, for recognising names in field values.
        fileprivate static let spellings: [(name: Name, bytes: [UInt8])] = allCases.map { ($0, Array($0.text.utf8)) }

        /// The registered name spelled by `bytes`, ignoring ASCII case.
        fileprivate static func named(_ bytes: ArraySlice<UInt8>) -> Name? {
            // Lengths first, then bytes in place (no iterator pairs).
            let count = bytes.count
            for spelling in spellings where spelling.bytes.count == count {
                var offset = 0
                while offset < count, bytes[bytes.startIndex + offset].asciiLowercased == spelling.bytes[offset] { offset += 1 }
                if offset == count { return spelling.name }
            }
            return nil
        }
    }

    /// One directive: where its name and value are in ``bytes``.
    struct Directive {
        /// The registered name, or `nil` for any other directive.
        let known: Name?
        /// The name, surrounding whitespace removed.
        let name: Range<Int>
        /// The value after `=`, surrounding whitespace removed and quotes kept as sent; `nil`
        /// without `=`.
        let value: Range<Int>?
    }

    /// The value bytes of the Cache-Control fields: those of the field itself when there is
    /// one (the usual case), else each field's bytes one after another.
    private let bytes: ArraySlice<UInt8>
    /// Every directive in order, repeats kept.
    let all: [Directive]
    /// The first Cache-Control field, where findings about the directives point.
    let firstField: Field?

    init(_ response: Response) {
        let fields = response.fields.named(.cacheControl)
        var all: [Directive] = []
        // Room for the usual few directives at once, made only when there is a field (a
        // response without Cache-Control allocates nothing).
        if !fields.isEmpty { all.reserveCapacity(4) }
        // The directives of one field's bytes (a slice of `bytes`, with the same indices).
        func read(_ part: ArraySlice<UInt8>) {
            ListSyntax.forEachElement(of: part) { element in
                let equals = part[element].firstIndex(of: UInt8(ascii: "="))
                let name = part[element.lowerBound..<(equals ?? element.upperBound)].trimmingWhitespace().indices
                let value = equals.map { part[($0 + 1)..<element.upperBound].trimmingWhitespace().indices }
                all.append(Directive(known: Name.named(part[name]), name: name, value: value))
            }
        }
        var bytes: ArraySlice<UInt8> = []
        if fields.count == 1 {
            bytes = fields[0].readValueBytes
            read(bytes)
        } else if fields.count > 1 {
            // Each field is split on its own, so that an element never runs from one field into
            // the next (an unclosed quote ends with its field).
            var joined: [UInt8] = []
            var parts: [Range<Int>] = []
            for field in fields {
                let start = joined.count
                joined.append(contentsOf: field.readValueBytes)
                parts.append(start..<joined.count)
            }
            bytes = joined[...]
            for part in parts { read(bytes[part]) }
        }
        self.bytes = bytes
        self.all = all
        self.firstField = fields.first
    }

    /// The name of `directive` in lowercase, for messages.
    func name(of directive: Directive) -> String { SourceText.decode(bytes[directive.name]).asciiLowercased() }

    /// The value bytes of `directive` as sent (quotes kept); `nil` without `=`.
    func valueBytes(of directive: Directive) -> ArraySlice<UInt8>? { directive.value.map { bytes[$0] } }

    /// The value of `directive` as sent (quotes kept), for messages; `nil` without `=`.
    func value(of directive: Directive) -> String? { directive.value.map { SourceText.decode(bytes[$0]) } }

    /// The first `name` directive's value without its quotes: `found` is false when there is
    /// no such directive, and `value` is `nil` when it has no `=`.
    private func firstValue(_ name: Name) -> (found: Bool, value: ArraySlice<UInt8>?) {
        guard let directive = all.first(where: { $0.known == name }) else { return (false, nil) }
        guard let range = directive.value else { return (true, nil) }
        let value = bytes[range]
        if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
            return (true, value.dropFirst().dropLast())
        }
        return (true, value)
    }

    /// The value of the first `name` directive, quotes removed: `nil` when there is none,
    /// `.some(nil)` when it has no `=`.
    func value(_ name: Name) -> String?? {
        let (found, value) = firstValue(name)
        guard found else { return nil }
        return .some(value.map { SourceText.decode($0) })
    }

    func has(_ name: Name) -> Bool { all.contains { $0.known == name } }

    /// Whether the first `name` directive is present without a value or with an empty one.
    func hasNoValue(_ name: Name) -> Bool {
        let (found, value) = firstValue(name)
        return found && (value?.isEmpty ?? true)
    }

    /// The delta-seconds value of `name`, `nil` when absent or not digits (§1.2.2: a value too
    /// large to represent counts as 2^31).
    func seconds(_ name: Name) -> Int? {
        guard case (true, let value?) = firstValue(name), !value.isEmpty, value.allSatisfy(\.isASCIIDigit) else {
            return nil
        }
        var seconds = 0
        for digit in value {
            seconds = seconds * 10 + Int(digit - 0x30)
            if seconds >= 2_147_483_648 { return 2_147_483_648 }
        }
        return seconds
    }
}
