/// Compressed content for the examples of the content rules: one short JSON document as
/// DEFLATE data (RFC 1951), and the same data in the gzip (RFC 1952) and zlib (RFC 1950)
/// formats, made by a standard compressor; and the same text as Zstandard data (RFC 8878).
enum CompressedExamples {
    /// What the data decodes to: 73 bytes.
    static let text = #"{"id": 42, "name": "httplint", "tags": ["http", "lint", "http", "lint"]}"# + "\n"

    static let deflate: [UInt8] = [
        0xAB, 0x56, 0xCA, 0x4C, 0x51, 0xB2, 0x52, 0x30, 0x31, 0xD2, 0x51, 0x50, 0xCA, 0x4B, 0xCC, 0x4D, 0x05, 0xB2,
        0x95, 0x32, 0x4A, 0x4A, 0x0A, 0x72, 0x32, 0xF3, 0x4A, 0x94, 0x80, 0x62, 0x25, 0x89, 0xE9, 0xC5, 0x40, 0xB1,
        0x68, 0xB0, 0x20, 0x48, 0x00, 0x26, 0x81, 0xC2, 0x8F, 0xAD, 0xE5, 0x02, 0x00,
    ]

    /// Header (no name, no time), the DEFLATE data, CRC-32 and length (73), least byte first.
    static let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03] + deflate
        + [0xF2, 0x8E, 0x6F, 0xC8, 0x49, 0x00, 0x00, 0x00]

    /// Header (a 32 KB window, default level), the DEFLATE data, Adler-32 most byte first.
    static let zlib: [UInt8] = [0x78, 0x9C] + deflate + [0x09, 0x8D, 0x15, 0x4D]

    /// The text as one Zstandard frame (RFC 8878), made with `zstd -19`: a single-segment
    /// header giving the content size (73), one compressed block, the XXH64 checksum's low 4
    /// bytes (57 ED C6 85 read least byte first).
    static let zstd: [UInt8] = [
        0x28, 0xB5, 0x2F, 0xFD, 0x24, 0x49, 0xBD, 0x01, 0x00, 0xF2, 0xC2, 0x0A, 0x11, 0xB0, 0xEB, 0x79, 0xBC, 0xCF,
        0x8C, 0x24, 0x61, 0x96, 0x38, 0xCC, 0x17, 0x3A, 0x8D, 0xDF, 0x89, 0x01, 0x20, 0x92, 0x3B, 0x3F, 0xAC, 0x7F,
        0xA8, 0xEC, 0x9D, 0xDF, 0xA6, 0x96, 0xDB, 0x4D, 0xB7, 0xFE, 0xB0, 0xD2, 0xEE, 0x0C, 0xC2, 0x7A, 0xA3, 0x0E,
        0x03, 0x03, 0x10, 0x04, 0x23, 0x01, 0x3B, 0x02, 0x14, 0xCA, 0x85, 0xC6, 0xED, 0x57,
    ]

    /// ``gzip`` as one Zstandard frame (`zstd -19`, which kept it in one raw block): content
    /// with the codings gzip, zstd.
    static let zstdOfGzip: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x24, 0x43, 0x19, 0x02, 0x00] + gzip + [0x39, 0xBC, 0xAB, 0x39]

    /// A Zstandard frame made by hand around "hello" in one raw block, whose header asks for a
    /// 16 MB window (window descriptor 0x70: 2^(10+14) bytes) and gives no content size.
    static let zstdWideWindow: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x00, 0x70, 0x29, 0x00, 0x00] + Array("hello".utf8)

    /// A Zstandard frame made by hand around "hello" in one raw block, whose header names
    /// dictionary 7 (single segment, a 1-byte dictionary ID, content size 5).
    static let zstdWithDictionary: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x21, 0x07, 0x05, 0x29, 0x00, 0x00] + Array("hello".utf8)

    /// `bytes` with the byte at `index` replaced by `value`.
    static func changing(_ bytes: [UInt8], at index: Int, to value: UInt8) -> [UInt8] {
        var changed = bytes
        changed[index] = value
        return changed
    }

    /// `bytes` as chunked content: chunks of `size` bytes and the last chunk.
    static func chunked(_ bytes: [UInt8], size: Int) -> [UInt8] {
        var out: [UInt8] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            out += Array((String(end - start, radix: 16) + "\r\n").utf8) + bytes[start..<end] + [0x0D, 0x0A]
            start = end
        }
        return out + Array("0\r\n\r\n".utf8)
    }
}
