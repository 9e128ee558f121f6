/// Bounds-checked reads of fixed-size integers from bytes: every read past the end gives `nil`,
/// so that no capture, however cut or forged, can make the reader trap.
struct ByteReader {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether `count` bytes from `offset` exist (false for negative values and overflow).
    @inline(__always)
    func has(_ count: Int, at offset: Int) -> Bool {
        offset >= 0 && count >= 0 && offset <= bytes.count && count <= bytes.count - offset
    }

    func u8(_ offset: Int) -> UInt8? {
        has(1, at: offset) ? bytes[offset] : nil
    }

    func u16(_ offset: Int, bigEndian: Bool) -> UInt16? {
        guard has(2, at: offset) else { return nil }
        let a = UInt16(bytes[offset]), b = UInt16(bytes[offset + 1])
        return bigEndian ? a << 8 | b : b << 8 | a
    }

    func u32(_ offset: Int, bigEndian: Bool) -> UInt32? {
        guard has(4, at: offset) else { return nil }
        var value: UInt32 = 0
        for index in 0..<4 {
            let byte = UInt32(bytes[offset + (bigEndian ? index : 3 - index)])
            value = value << 8 | byte
        }
        return value
    }

    func u64(_ offset: Int, bigEndian: Bool) -> UInt64? {
        guard let first = u32(offset, bigEndian: bigEndian), let second = u32(offset + 4, bigEndian: bigEndian) else { return nil }
        return bigEndian ? UInt64(first) << 32 | UInt64(second) : UInt64(second) << 32 | UInt64(first)
    }
}

extension ArraySlice where Element == UInt8 {
    /// A big-endian (network order) 16-bit value at `index` positions from the start, if there.
    func be16(_ index: Int) -> UInt16? {
        guard index >= 0, index + 2 <= count else { return nil }
        let start = startIndex + index
        return UInt16(self[start]) << 8 | UInt16(self[start + 1])
    }

    /// A big-endian 32-bit value at `index` positions from the start, if there.
    func be32(_ index: Int) -> UInt32? {
        guard let high = be16(index), let low = be16(index + 2) else { return nil }
        return UInt32(high) << 16 | UInt32(low)
    }

    /// The byte `index` positions from the start, if there.
    func byte(_ index: Int) -> UInt8? {
        index >= 0 && index < count ? self[startIndex + index] : nil
    }

    /// The bytes from `index` positions after the start (empty past the end).
    func from(_ index: Int) -> ArraySlice<UInt8> {
        self[(startIndex + Swift.min(Swift.max(index, 0), count))...]
    }

    /// The first `length` bytes (all of them when there are fewer).
    func first(_ length: Int) -> ArraySlice<UInt8> {
        self[..<(startIndex + Swift.min(Swift.max(length, 0), count))]
    }
}
