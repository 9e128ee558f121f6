/// The bytes of one input (a file, standard input, an example) and the name to report it by.
///
/// The parsed model refers into these bytes by ``ByteSpan``; strings are only built when a rule
/// or a message asks for them.
public final class SourceText: Sendable {
    /// The name shown in reports: a path, `-` for standard input, or a label.
    public let name: String
    /// The input, byte for byte.
    public let bytes: [UInt8]

    /// For bytes rebuilt from a transcript (curl -v): for each line of `bytes` (0-based), the
    /// 1-based line of the input it came from; `nil` when the bytes are the input itself.
    public let lineOrigins: [Int]?
    /// Columns to add when mapping back to the input (the length of a stripped prefix).
    public let columnShift: Int
    /// Where `bytes` start in the input, when they are one window of a larger input read piece
    /// by piece: reports add it to every location.
    public let origin: Origin

    /// A position in an input: byte offset, and 1-based line and column.
    public struct Origin: Sendable, Equatable {
        public let offset: Int
        public let line: Int
        public let column: Int

        public init(offset: Int, line: Int, column: Int) {
            self.offset = offset
            self.line = line
            self.column = column
        }

        /// The start of an input.
        public static let start = Origin(offset: 0, line: 1, column: 1)
    }

    public init(name: String, bytes: [UInt8], lineOrigins: [Int]? = nil, columnShift: Int = 0, origin: Origin = .start) {
        self.name = name
        self.bytes = bytes
        self.lineOrigins = lineOrigins
        self.columnShift = columnShift
        self.origin = origin
    }

    public convenience init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The bytes of `span` as text: UTF-8 where valid, otherwise each byte as one Latin-1
    /// character, so that no byte is lost or replaced.
    public func string(_ span: ByteSpan) -> String {
        Self.decode(bytes[clamped(span)])
    }

    /// Decodes wire bytes without losing any: UTF-8 if valid; otherwise each ASCII byte as
    /// itself and each other byte as one character of ``undecodedBytes``, a private-use range,
    /// so that reports can show it as the byte it was (`\xFF`, not `ÿ`).
    public static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        // Most wire text is ASCII, which needs no validation beyond the check for it.
        if let ascii = bytes.withContiguousStorageIfAvailable({ buffer -> String? in
            var combined: UInt8 = 0
            for byte in buffer { combined |= byte }
            return combined < 0x80 ? String(decoding: buffer, as: UTF8.self) : nil
        }), let ascii { return ascii }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(bytes.map { byte in
            byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(undecodedBytes.lowerBound + UInt32(byte) - 0x80)!
        }))
    }

    /// The characters that stand for bytes 0x80–0xFF of text that is not UTF-8, in order
    /// (U+F780 for 0x80 to U+F7FF for 0xFF: private use, which no HTTP text needs).
    public static let undecodedBytes: ClosedRange<UInt32> = 0xF780...0xF7FF

    /// The byte `scalar` stands for, when ``decode(_:)`` made it for a byte that was not UTF-8.
    @inlinable public static func undecodedByte(_ scalar: Unicode.Scalar) -> UInt8? {
        (0xF780...0xF7FF).contains(scalar.value) ? UInt8(scalar.value - 0xF700) : nil
    }

    /// `span` limited to the bytes that exist.
    @inlinable public func clamped(_ span: ByteSpan) -> Range<Int> {
        let lower = min(max(span.offset, 0), bytes.count)
        let upper = min(max(span.end, lower), bytes.count)
        return lower..<upper
    }
}
