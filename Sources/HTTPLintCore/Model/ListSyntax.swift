/// Splitting of comma-separated list values (RFC 9110 §5.6.1):
///
///     #element => [ element ] *( OWS "," OWS [ element ] )
///
/// Commas inside quoted strings (RFC 9110 §5.6.4) do not split.
public enum ListSyntax {
    static func elements(of bytes: [UInt8]) -> [String] { elements(of: bytes[...]) }

    static func elements(of bytes: ArraySlice<UInt8>) -> [String] {
        var result: [String] = []
        // Room for the usual few elements at once, rather than growing by doubling from one.
        result.reserveCapacity(4)
        forEachElement(of: bytes) { result.append(SourceText.decode(bytes[$0])) }
        return result
    }

    static func elementRanges(of bytes: [UInt8]) -> [Range<Int>] { elementRanges(of: bytes[...]) }

    /// Ranges (indices of `bytes`) of the non-empty elements, surrounding whitespace removed.
    static func elementRanges(of bytes: ArraySlice<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(4)
        forEachElement(of: bytes) { result.append($0) }
        return result
    }

    /// Calls `body` with the range of each non-empty element, in order, surrounding whitespace
    /// removed: for readers that keep ranges rather than strings.
    @inline(__always)
    public static func forEachElement(of bytes: ArraySlice<UInt8>, _ body: (Range<Int>) -> Void) {
        var start = bytes.startIndex
        var inQuotes = false
        var index = bytes.startIndex
        func flush(_ end: Int) {
            var lower = start
            var upper = end
            while lower < upper, ASCII.isWhitespace(bytes[lower]) { lower += 1 }
            while upper > lower, ASCII.isWhitespace(bytes[upper - 1]) { upper -= 1 }
            if lower < upper { body(lower..<upper) }
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if inQuotes {
                if byte == ASCII.backslash { index += 1 } else if byte == ASCII.dquote { inQuotes = false }
            } else if byte == ASCII.dquote {
                inQuotes = true
            } else if byte == ASCII.comma {
                flush(index)
                start = index + 1
            }
            index += 1
        }
        flush(bytes.endIndex)
    }
}
