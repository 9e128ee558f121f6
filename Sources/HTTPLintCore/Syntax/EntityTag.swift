/// An entity tag (RFC 9110 §8.8.3):
///
///     entity-tag = [ weak ] opaque-tag
///     weak       = %s"W/"
///     opaque-tag = DQUOTE *etagc DQUOTE
///     etagc      = %x21 / %x23-7E / obs-text
public struct EntityTag: Sendable, Hashable {
    public let isWeak: Bool
    /// The opaque tag without its quotes.
    public let opaque: String

    public init(isWeak: Bool, opaque: String) {
        self.isWeak = isWeak
        self.opaque = opaque
    }

    /// Parses one entity tag; `nil` when `text` is not exactly one.
    public init?(_ text: Substring) {
        self.init(bytes: ArraySlice(text.utf8))
    }

    /// Parses one entity tag from its bytes; `nil` when they are not exactly one.
    public init?(bytes: ArraySlice<UInt8>) {
        guard let opaque = Self.opaqueTag(in: bytes) else { return nil }
        isWeak = opaque.lowerBound > bytes.startIndex + 1
        self.opaque = SourceText.decode(bytes[opaque])
    }

    /// Whether `bytes` are exactly one entity tag, read in place (no opaque tag is built).
    public static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool { opaqueTag(in: bytes) != nil }

    /// Where the opaque tag's inside (between the quotes) is, when `bytes` are one entity tag.
    private static func opaqueTag(in bytes: ArraySlice<UInt8>) -> Range<Int>? {
        var start = bytes.startIndex
        if bytes.count >= 2, bytes[start] == UInt8(ascii: "W"), bytes[start + 1] == UInt8(ascii: "/") { start += 2 }
        let end = bytes.endIndex
        guard end - start >= 2, bytes[start] == ASCII.dquote, bytes[end - 1] == ASCII.dquote else { return nil }
        for byte in bytes[start + 1..<end - 1] where !(byte == 0x21 || (byte >= 0x23 && byte != ASCII.del)) { return nil }
        return start + 1..<end - 1
    }

    /// Strong comparison (RFC 9110 §8.8.3.2): both strong and the same opaque tag.
    public func strongMatches(_ other: EntityTag) -> Bool { !isWeak && !other.isWeak && opaque == other.opaque }

    /// Weak comparison: the same opaque tag, weak or not.
    public func weakMatches(_ other: EntityTag) -> Bool { opaque == other.opaque }

    /// The members of an `If-Match` or `If-None-Match` value: `*` or a list of entity tags
    /// (RFC 9110 §13.1.1). `nil` when a member is not an entity tag.
    public static func list(_ value: String) -> ConditionList? {
        let trimmed = value.drop { $0 == " " || $0 == "\t" }
        if trimmed.trimmingWhitespace() == "*" { return .any }
        var tags: [EntityTag] = []
        for element in ListSyntax.elements(of: Array(value.utf8)) {
            guard let tag = EntityTag(Substring(element)) else { return nil }
            tags.append(tag)
        }
        return .tags(tags)
    }

    public enum ConditionList: Sendable, Hashable {
        case any
        case tags([EntityTag])
    }
}
