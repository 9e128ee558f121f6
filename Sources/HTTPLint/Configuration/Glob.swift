/// Path patterns as `.httplint.json` writes them: `*` matches within one path segment, `**`
/// matches any number of segments, `?` one character; a pattern without `/` matches the
/// file name anywhere.
///
/// ```swift
/// Glob("captures/legacy/**").matches("captures/legacy/2024/a.http")   // true
/// Glob("*.har").matches("traffic/run.har")                             // true
/// ```
public struct Glob: Sendable, Hashable {
    public let pattern: String
    /// The pattern's segments, each as characters; `**` stands alone.
    private let segments: [[Character]]
    private let anywhere: Bool

    public init(_ pattern: String) {
        var text = Substring(pattern)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        self.pattern = pattern
        self.anywhere = !text.contains("/")
        self.segments = text.split(separator: "/", omittingEmptySubsequences: true).map(Array.init)
    }

    /// Whether `path` (relative or absolute, `./` allowed) matches.
    public func matches(_ path: String) -> Bool {
        var text = Substring(path)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: true)
        if anywhere, let last = parts.last, let only = segments.first { return Self.matchSegment(only, Array(last)) }
        return Self.match(segments, parts.map(Array.init))
    }

    private static let globstar: [Character] = ["*", "*"]

    /// `**` over whole segments the way ``matchSegment(_:_:)`` treats `*` over characters:
    /// on a mismatch only the last `**` takes one more segment. A later `**` can take whatever
    /// an earlier one could have, so earlier ones are never revisited, and the match costs at
    /// most segments × path segments comparisons however many `**` the pattern holds (trying
    /// every split for every `**` took minutes for seven of them on a deep tree).
    private static func match(_ pattern: [[Character]], _ path: [[Character]]) -> Bool {
        var p = 0, s = 0, star = -1, mark = 0
        while s < path.count {
            if p < pattern.count, pattern[p] == globstar {
                star = p; mark = s; p += 1
            } else if p < pattern.count, matchSegment(pattern[p], path[s]) {
                p += 1; s += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; s = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == globstar { p += 1 }
        return p == pattern.count
    }

    /// `*` and `?` within one segment, by backtracking over the last `*`.
    private static func matchSegment(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            // A `*` in the pattern is a wildcard even where the text holds a `*` too.
            if p < pattern.count, pattern[p] == "*" {
                star = p; mark = t; p += 1
            } else if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1; t += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
