/// Compressed content for the examples of the content rules: one short JSON document as
/// DEFLATE data (RFC 1951), and the same data in the gzip (RFC 1952) and zlib (RFC 1950)
/// formats, made by a standard compressor, and as brotli data (RFC 7932).
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

    /// ``text`` as brotli data, made by the reference compressor (`brotli -q 5`, version 1.0.9).
    static let brotli: [UInt8] = [
        0xA1, 0x40, 0x02, 0x00, 0x20, 0xEA, 0xB6, 0x6E, 0x49, 0x63, 0xF9, 0x49, 0x4C, 0x4F, 0x55, 0x0C, 0x82,
        0x82, 0x07, 0x3D, 0x86, 0x37, 0x11, 0x36, 0xE0, 0x80, 0x3D, 0x48, 0x60, 0x9D, 0x68, 0x10, 0xBD, 0x15,
        0xAA, 0xEA, 0xDC, 0x8F, 0x36, 0xA8, 0x28, 0x59, 0x40, 0xEF, 0x67, 0x52, 0xC1, 0x15, 0x71, 0xB7, 0x79,
        0x50, 0xC0, 0x05, 0xA5, 0xA2, 0x06, 0xA4, 0x71, 0x49, 0xFB, 0x09,
    ]

    /// ``gzip`` compressed again as brotli data (`Content-Encoding: gzip, br`): the reference
    /// compressor (`brotli -q 5`) stores it whole in one uncompressed meta-block, after the
    /// stream header (a 1 KB window) and the meta-block header, and ends with an empty last one.
    static let gzipThenBrotli: [UInt8] = [0x21, 0x08, 0x01, 0x04] + gzip + [0x03]

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
