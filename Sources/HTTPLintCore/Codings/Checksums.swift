/// The checksums that the compressed data formats carry: CRC-32 in gzip's trailer (RFC 1952
/// §8) and Adler-32 in zlib's (RFC 1950 §9).
public enum Checksums {
    /// The CRC-32 of RFC 1952 (polynomial 0xEDB88320, reflected), carried on from `crc`
    /// (0 to start) over `bytes`.
    public static func crc32(_ bytes: UnsafeBufferPointer<UInt8>, continuing crc: UInt32 = 0) -> UInt32 {
        var value = ~crc
        crcTable.withUnsafeBufferPointer { table in
            for byte in bytes {
                value = table[Int((value ^ UInt32(byte)) & 0xFF)] ^ (value >> 8)
            }
        }
        return ~value
    }

    /// ``crc32(_:continuing:)`` for an array.
    public static func crc32(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBufferPointer { crc32($0, continuing: crc) }
    }

    /// The remainder of each byte value, for a byte at a time.
    private static let crcTable: [UInt32] = (0..<256).map { (value: Int) -> UInt32 in
        var remainder = UInt32(value)
        for _ in 0..<8 { remainder = remainder & 1 == 1 ? 0xEDB8_8320 ^ (remainder >> 1) : remainder >> 1 }
        return remainder
    }

    /// The Adler-32 of RFC 1950 §9, carried on from `adler` (1 to start) over `bytes`.
    public static func adler32(_ bytes: UnsafeBufferPointer<UInt8>, continuing adler: UInt32 = 1) -> UInt32 {
        let modulus: UInt32 = 65521
        var low = adler & 0xFFFF
        var high = adler >> 16
        var index = 0
        while index < bytes.count {
            // After 5552 bytes at most, both sums are reduced before they could pass 2^32.
            let stop = min(bytes.count, index + 5552)
            while index < stop {
                low &+= UInt32(bytes[index])
                high &+= low
                index += 1
            }
            low %= modulus
            high %= modulus
        }
        return high << 16 | low
    }
}
