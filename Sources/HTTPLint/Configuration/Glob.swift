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
    private let segments: [Substring]
    private let anywhere: Bool

    public init(_ pattern: String) {
        var text = Substring(pattern)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        self.pattern = pattern
        self.anywhere = !text.contains("/")
        self.segments = text.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// Whether `path` (relative or absolute, `./` allowed) matches.
    public func matches(_ path: String) -> Bool {
        var text = Substring(path)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: true)
        if anywhere, let last = parts.last, let only = segments.first { return Self.matchSegment(Array(only), Array(last)) }
        return Self.match(segments[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let first = path.first, matchSegment(Array(head), Array(first)) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// `*` and `?` within one segment, by backtracking over the last `*`.
    private static func matchSegment(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1; t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p; mark = t; p += 1
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
