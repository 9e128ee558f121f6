/// Optional whitespace (RFC 9110 §5.6.3): `OWS = *( SP / HTAB )`.
extension StringProtocol {
    /// The text without leading and trailing SP and HTAB (read as bytes: both are ASCII).
    public func trimmingWhitespace() -> Substring {
        let text = Substring(self)
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, ASCII.isWhitespace(utf8[start]) { start = utf8.index(after: start) }
        while start < end {
            let last = utf8.index(before: end)
            guard ASCII.isWhitespace(utf8[last]) else { break }
            end = last
        }
        return text[start..<end]
    }
}

extension ArraySlice where Element == UInt8 {
    /// The bytes without leading and trailing SP and HTAB.
    public func trimmingWhitespace() -> ArraySlice<UInt8> {
        var lower = startIndex
        var upper = endIndex
        while lower < upper, ASCII.isWhitespace(self[lower]) { lower += 1 }
        while upper > lower, ASCII.isWhitespace(self[upper - 1]) { upper -= 1 }
        return self[lower..<upper]
    }
}
