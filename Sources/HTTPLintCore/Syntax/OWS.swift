/// Optional whitespace (RFC 9110 §5.6.3): `OWS = *( SP / HTAB )`.
extension StringProtocol {
    /// The text without leading and trailing SP and HTAB (read as bytes: both are ASCII).
    public func trimmingWhitespace() -> Substring { Substring(self).trimmingWhitespace() }
}

extension String {
    /// ``StringProtocol/trimmingWhitespace()`` for a string (rules call it on field values;
    /// the concrete type spares them the generic path).
    public func trimmingWhitespace() -> Substring { Substring(self).trimmingWhitespace() }
}

extension Substring {
    /// The text without leading and trailing SP and HTAB (read as bytes: both are ASCII).
    public func trimmingWhitespace() -> Substring {
        let utf8 = self.utf8
        // Most values have nothing to trim: two byte reads then, and no slicing.
        guard let first = utf8.first, let last = utf8.last, ASCII.isWhitespace(first) || ASCII.isWhitespace(last) else {
            return self
        }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, ASCII.isWhitespace(utf8[start]) { start = utf8.index(after: start) }
        while start < end {
            let last = utf8.index(before: end)
            guard ASCII.isWhitespace(utf8[last]) else { break }
            end = last
        }
        return self[start..<end]
    }
}

extension ArraySlice where Element == UInt8 {
    /// The bytes without leading and trailing SP and HTAB.
    @inlinable public func trimmingWhitespace() -> ArraySlice<UInt8> {
        var lower = startIndex
        var upper = endIndex
        while lower < upper, ASCII.isWhitespace(self[lower]) { lower += 1 }
        while upper > lower, ASCII.isWhitespace(self[upper - 1]) { upper -= 1 }
        return self[lower..<upper]
    }
}
