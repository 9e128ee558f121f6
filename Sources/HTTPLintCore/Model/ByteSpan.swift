/// A range of bytes in the input, as a 0-based offset and a length.
///
/// Every part of the parsed model and every finding keeps a span, so that any finding can be
/// shown at its line and column with the bytes that caused it.
public struct ByteSpan: Sendable, Hashable, CustomStringConvertible {
    /// Offset of the first byte, 0-based, from the start of the input.
    public var offset: Int
    /// Number of bytes; 0 for a position between two bytes (for example "here a field is missing").
    public var length: Int

    @inlinable public init(offset: Int, length: Int) {
        self.offset = offset
        self.length = length
    }

    /// The span covering `range`.
    @inlinable public init(_ range: Range<Int>) {
        self.init(offset: range.lowerBound, length: range.count)
    }

    /// An empty span at `offset`.
    @inlinable public static func at(_ offset: Int) -> ByteSpan { ByteSpan(offset: offset, length: 0) }

    /// Offset one past the last byte.
    @inlinable public var end: Int { offset + length }

    @inlinable public var range: Range<Int> { offset..<end }

    public var description: String { "\(offset)+\(length)" }
}
