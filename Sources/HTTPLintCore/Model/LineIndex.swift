/// Maps byte offsets to 1-based lines and columns (columns count bytes).
public struct LineIndex: Sendable {
    private let lineStarts: [Int]
    private let bytes: [UInt8]
    private let origins: [Int]?
    private let columnShift: Int
    private let origin: SourceText.Origin

    public init(_ source: SourceText) {
        bytes = source.bytes
        origins = source.lineOrigins
        columnShift = source.columnShift
        origin = source.origin
        var starts = [0]
        var from = 0
        while let newline = ByteSearch.first(0x0A, in: source.bytes, from..<source.bytes.count) {
            starts.append(newline + 1)
            from = newline + 1
        }
        lineStarts = starts
    }

    /// The 1-based line and column of `offset`.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        return (low + 1, clamped - lineStarts[low] + 1)
    }

    /// The line and column of `offset` in the input the user gave: the same as
    /// ``location(of:)`` unless the bytes were rebuilt from a transcript or are one window of
    /// a larger input.
    public func inputLocation(of offset: Int) -> (line: Int, column: Int) {
        let (line, column) = location(of: offset)
        guard let origins, !origins.isEmpty else {
            return (origin.line + line - 1, line == 1 ? origin.column + column - 1 : column)
        }
        return (origins[min(line - 1, origins.count - 1)], column + columnShift)
    }

    /// The bytes of 1-based `line`, without its CR LF or LF.
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<max(start, end)]
    }
}
