/// Field names as keys (RFC 9110 §5.1: names are case-insensitive): a hash of the name in
/// lower case, and a comparison ignoring ASCII case, both eight bytes at a time.
///
/// The parser hashes every received name and the field table's names the same way; a
/// look-up by name compares hashes first and bytes only when they agree.
public enum FieldName {
    /// The hash of `bytes` with A–Z read as a–z.
    @inlinable
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var hash = mix(0x243F_6A88_85A3_08D3, UInt64(truncatingIfNeeded: count))
        guard let base = bytes.baseAddress else { return hash }
        var offset = 0
        while offset + 8 <= count {
            hash = mix(hash, lowercased(word(base + offset)))
            offset += 8
        }
        if offset < count { hash = mix(hash, lowercased(tail(base, from: offset, count: count))) }
        return hash
    }

    /// ``hash(_:)`` of any bytes.
    @inlinable
    public static func hash<C: Sequence>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        if let hash = bytes.withContiguousStorageIfAvailable({ hash($0) }) { return hash }
        return Array(bytes).withUnsafeBufferPointer { hash($0) }
    }

    /// ``hash(_:)`` of a name given as a string.
    @inlinable
    public static func hash(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { hash($0) }
    }

    /// Whether the `count` bytes at `a` and at `b` are equal when A–Z are read as a–z.
    @inlinable
    public static func equalIgnoringCase(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            if lowercased(word(a + offset)) != lowercased(word(b + offset)) { return false }
            offset += 8
        }
        guard offset < count else { return true }
        return lowercased(tail(a, from: offset, count: count)) == lowercased(tail(b, from: offset, count: count))
    }

    /// Eight bytes from `pointer`, the first in the lowest byte of the word.
    @inlinable @inline(__always)
    static func word(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// The bytes `offset..<count` (fewer than eight) at `base` as one word, the first in the
    /// lowest byte, zeros above. Never reads before `base` or past `count`.
    @inlinable @inline(__always)
    static func tail(_ base: UnsafePointer<UInt8>, from offset: Int, count: Int) -> UInt64 {
        let remaining = count &- offset
        if count >= 8 {
            // The last eight bytes, shifted so that only those not yet read are left.
            return word(base + (count &- 8)) >> UInt64(truncatingIfNeeded: 64 &- 8 &* remaining)
        }
        // Fewer than eight bytes in all: four, two and one at a time.
        let raw = UnsafeRawPointer(base + offset)
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var read = 0
        if remaining & 4 != 0 {
            value = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            shift = 32
            read = 4
        }
        if remaining & 2 != 0 {
            value |= UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: read, as: UInt16.self))) << shift
            shift &+= 16
            read &+= 2
        }
        if remaining & 1 != 0 {
            value |= UInt64(raw.load(fromByteOffset: read, as: UInt8.self)) << shift
        }
        return value
    }

    /// The word with each byte A–Z (0x41–0x5A) turned into a–z, every other byte unchanged:
    /// the arithmetic runs on the low seven bits of each byte, so no carry crosses bytes.
    @inlinable @inline(__always)
    static func lowercased(_ word: UInt64) -> UInt64 {
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = low &+ 0x3F3F_3F3F_3F3F_3F3F   // high bit set where low >= 0x41
        let pastZ = low &+ 0x2525_2525_2525_2525      // high bit set where low >= 0x5B
        let upper = atLeastA & ~pastZ & ~word & 0x8080_8080_8080_8080
        return word | (upper >> 2)
    }

    @inlinable @inline(__always)
    static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 29)
    }
}
