import HTTPLintCore

/// Small readers of field values as UTF-8 bytes, for rules that run on every response: a
/// value read as a `String` costs grapheme breaking per character and an allocation per
/// piece, its bytes cost a load each.
///
/// On ASCII text a `Character` is one byte (the only ASCII grapheme of two scalars, CR LF,
/// cannot occur in ``HTTPLintCore/Field/value``, where each CR became a space), so a rule that
/// used to split or trim `field.value` reads the same pieces from the bytes of an ASCII value.
/// A value with other bytes may join a separator with a combining mark into one `Character`;
/// rules keep their `String` reading for such (rare) values.
enum ByteParsing {
    /// Whether every byte is ASCII (below 0x80).
    @inline(__always) static func isASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var combined: UInt8 = 0
            for byte in buffer { combined |= byte }
            return combined < 0x80
        }
    }

    /// Whether `bytes` equal `lowercase` (given in lowercase ASCII) ignoring ASCII case: for
    /// value bytes in an array slice or read through a buffer pointer alike.
    @inline(__always) static func equals<Bytes: Collection>(_ bytes: Bytes, lowercase: StaticString) -> Bool where Bytes.Element == UInt8 {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let wanted = lowercase.utf8Start
        var offset = 0
        for byte in bytes {
            guard byte.asciiLowercased == wanted[offset] else { return false }
            offset += 1
        }
        return true
    }

    /// `range` of `bytes` without leading and trailing SP and HTAB (the core's trimming,
    /// as a range of `bytes`).
    @inline(__always) static func trimmed(_ range: Range<Int>, in bytes: ArraySlice<UInt8>) -> Range<Int> {
        bytes[range].trimmingWhitespace().indices
    }

    /// The first position of `byte` in `range` of `bytes`, or the range's end.
    @inline(__always) static func firstIndex(of byte: UInt8, in range: Range<Int>, of bytes: ArraySlice<UInt8>) -> Int {
        var index = range.lowerBound
        while index < range.upperBound, bytes[index] != byte { index += 1 }
        return index
    }

    /// Calls `body` with each non-empty part of `bytes` between `separator` bytes, in order:
    /// the pieces of `split(separator:)` (which drops empty ones), as index ranges of `bytes`.
    @inline(__always) static func forEachPart(of bytes: ArraySlice<UInt8>, separatedBy separator: UInt8,
                                              _ body: (Range<Int>) -> Void) {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = firstIndex(of: separator, in: start..<bytes.endIndex, of: bytes)
            if end > start { body(start..<end) }
            start = end + 1
        }
    }
}

extension ByteParsing {
    /// Whether `lowercase` (given in lowercase ASCII) occurs in `bytes`, ignoring ASCII case: a
    /// test a rule can make before reading a value whose findings all need that word.
    static func contains(_ bytes: ArraySlice<UInt8>, lowercase: StaticString) -> Bool {
        let count = lowercase.utf8CodeUnitCount
        guard count > 0 else { return true }
        guard bytes.count >= count else { return false }
        let wanted = lowercase.utf8Start
        let first = wanted[0]
        return bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start + count <= buffer.count {
                if buffer[start].asciiLowercased == first {
                    var offset = 1
                    while offset < count, buffer[start + offset].asciiLowercased == wanted[offset] { offset += 1 }
                    if offset == count { return true }
                }
                start += 1
            }
            return false
        }
    }
}
