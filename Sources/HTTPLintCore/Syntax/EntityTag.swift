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
        var rest = text.utf8[...]
        isWeak = rest.starts(with: "W/".utf8)
        if isWeak { rest = rest.dropFirst(2) }
        guard rest.count >= 2, rest.first == ASCII.dquote, rest.last == ASCII.dquote else { return nil }
        let inner = rest.dropFirst().dropLast()
        guard inner.allSatisfy({ $0 == 0x21 || ($0 >= 0x23 && $0 != ASCII.del) }) else { return nil }
        opaque = SourceText.decode(inner)
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
