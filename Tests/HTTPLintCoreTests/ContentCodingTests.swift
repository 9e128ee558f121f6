import Foundation
import HTTPLintCore
import Testing

/// The DEFLATE decoder, the checksums and the gzip and zlib checks, on data a standard
/// compressor wrote (zlib 1.2 through Python) and on hand-made damage.
@Suite struct ContentCodingTests {
    static let fox = Array("The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog.\n".utf8)
    /// `fox` as one stored block, and with the fixed Huffman codes.
    static let storedFox = Array(Data(base64Encoded: "AVoApf9UaGUgcXVpY2sgYnJvd24gZm94IGp1bXBzIG92ZXIgdGhlIGxhenkgZG9nLiBUaGUgcXVpY2sgYnJvd24gZm94IGp1bXBzIG92ZXIgdGhlIGxhenkgZG9nLgo=")!)
    static let fixedFox = Array(Data(base64Encoded: "C8lIVSgszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stUigBSuckVlUqpOSn6ymEkKCYCwA=")!)
    /// "0,1,2,…,96,0,1,…" (60,000 numbers, 173,810 bytes) with dynamic Huffman codes: its matches
    /// reach across the decoder's batches of output.
    static let numbers = (0..<60000).flatMap { Array("\($0 % 97),".utf8) }
    static let dynamicNumbers = Array(Data(base64Encoded:
        "7dA5AQQxDANAQiri/OFP7BbGFQPAsjQtlZ6RmZWdk5uXaqlK9dRIzdRK7dRJ3dRLb+nfTU8f6TN9pe/0k37TX0bLqIwvcmTM"
        + "jJWxM07GzXiZLbMye+b3cWauzJ15Mm/my2pZldWzRtZXaGXtrJN1s152y67snj2yZ/bXd2ef7Jv9clpO5fSckTNzVs435+Tc"
        + "nJfbciu3547cmbtyd+639ua+vJZXeT1v5M28lbfTwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYM"
        + "GDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYM"
        + "GDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYM"
        + "GDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYM"
        + "GDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYM"
        + "GDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYM"
        + "GDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYM"
        + "GDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYM"
        + "GDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYM"
        + "GDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYM"
        + "GDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBgwIABAwYMGDBg/hXmBw==")!)

    func inflate(_ data: [UInt8], limit: Int = .max) -> (Inflate.Outcome, [UInt8]) {
        var out: [UInt8] = []
        let (outcome, produced) = Inflate.decode(data, limit: limit) { out.append(contentsOf: $0) }
        #expect(produced == out.count)
        return (outcome, out)
    }

    @Test func checksumsOfKnownInputs() {
        #expect(Checksums.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Checksums.crc32([]) == 0)
        // Carried on piece by piece, the same as at once.
        let whole = Self.numbers
        let split = Checksums.crc32(Array(whole[50000...]), continuing: Checksums.crc32(Array(whole[..<50000])))
        #expect(split == Checksums.crc32(whole) && split == 0x26C9_0026)
        #expect(Array("Wikipedia".utf8).withUnsafeBufferPointer { Checksums.adler32($0) } == 0x11E6_0398)
        // Long input: the sums are reduced in time (the value zlib gives).
        let ones = [UInt8](repeating: 0xFF, count: 100_000)
        #expect(ones.withUnsafeBufferPointer { Checksums.adler32($0) } == 0x149A_302C)
    }

    @Test func storedFixedAndDynamicBlocksDecode() {
        for (data, expected) in [(Self.storedFox, Self.fox), (Self.fixedFox, Self.fox), (Self.dynamicNumbers, Self.numbers)] {
            let (outcome, out) = inflate(data)
            #expect(outcome == .complete(end: data.count))
            #expect(out == expected)
        }
    }

    @Test func damageIsFoundWhereItIs() {
        // Cut short anywhere: truncated, never a crash or a wrong "complete".
        for cut in stride(from: 0, to: Self.dynamicNumbers.count, by: 37) {
            #expect(inflate(Array(Self.dynamicNumbers[..<cut])).0 == .truncated, "cut at \(cut)")
        }
        // Block type 3.
        #expect(inflate([0x07]).0 == .invalid("block type 3, which is reserved", offset: 0))
        // A stored block whose length and complement disagree.
        var stored = Self.storedFox
        stored[3] ^= 0x01
        if case .invalid(let reason, _) = inflate(stored).0 { #expect(reason.contains("complement")) } else { Issue.record("not invalid") }
        // A match before any output: fixed block, length symbol 257 (0000001), distance 0 (00000).
        if case .invalid(let reason, _) = inflate([0x03, 0x02, 0x00]).0 { #expect(reason.contains("reaching 1 bytes back")) } else { Issue.record("not invalid") }
    }

    @Test func outputPastTheLimitStopsWithoutAVerdict() {
        #expect(inflate(Self.dynamicNumbers, limit: 100_000).0 == .limitReached)
        let gzip = Self.gzip(Self.dynamicNumbers, of: Self.numbers)
        let check = gzip.withUnsafeBufferPointer { ContentCodingCheck(content: $0, codings: ["gzip"], limit: 100_000) }
        #expect(check.problem == nil && !check.isComplete && check.stoppedAtLimit)
        let whole = gzip.withUnsafeBufferPointer { ContentCodingCheck(content: $0, codings: ["gzip"]) }
        #expect(whole.isComplete && !whole.stoppedAtLimit)
    }

    /// A gzip member around DEFLATE `data` that decodes to `text`, with header `flags` and their fields.
    static func gzip(_ data: [UInt8], of text: [UInt8], flags: UInt8 = 0, headerCRC: UInt32? = nil) -> [UInt8] {
        var header: [UInt8] = [0x1F, 0x8B, 0x08, flags, 0, 0, 0, 0, 0, 0xFF]
        if flags & 0x04 != 0 { header += [3, 0, 0x41, 0x42, 0x43] }
        if flags & 0x08 != 0 { header += Array("name.json".utf8) + [0] }
        if flags & 0x10 != 0 { header += Array("a comment".utf8) + [0] }
        if flags & 0x02 != 0 {
            let crc = headerCRC ?? Checksums.crc32(header) & 0xFFFF
            header += [UInt8(crc & 0xFF), UInt8(crc >> 8 & 0xFF)]
        }
        let crc = Checksums.crc32(text)
        let size = UInt32(text.count)
        return header + data + (0..<4).map { UInt8(crc >> (8 * $0) & 0xFF) } + (0..<4).map { UInt8(size >> (8 * $0) & 0xFF) }
    }

    func check(_ content: [UInt8], _ codings: [String]) -> ContentCodingCheck {
        content.withUnsafeBufferPointer { ContentCodingCheck(content: $0, codings: codings) }
    }

    @Test func gzipHeadersWithEveryOptionalField() {
        let member = Self.gzip(Self.fixedFox, of: Self.fox, flags: 0x1E)
        let passed = check(member, ["gzip"])
        #expect(passed.problem == nil && passed.isComplete)
        let wrongHeaderCRC = check(Self.gzip(Self.fixedFox, of: Self.fox, flags: 0x1E, headerCRC: 0x1234), ["gzip"])
        #expect(wrongHeaderCRC.problem?.message.hasPrefix("the gzip header's CRC-16 is 0x1234") == true)
        var reserved = member
        reserved[3] |= 0x20
        #expect(check(reserved, ["gzip"]).problem?.offset == 3)
        var method = member
        method[2] = 7
        #expect(check(method, ["gzip"]).problem?.message == "the gzip header gives compression method 7; 8 (deflate) is the only one defined")
        // Cut inside the header's name.
        #expect(check(Array(member[..<18]), ["gzip"]).problem?.message == "the content ends inside the gzip header's file name")
    }

    @Test func trailersAreCompared() {
        var member = Self.gzip(Self.storedFox, of: Self.fox)
        member[member.count - 1] = 1
        let problem = check(member, ["gzip"]).problem
        #expect(problem?.message == "the gzip trailer gives the decoded length as \(Self.fox.count + (1 << 24)) bytes but the data decodes to \(Self.fox.count)")
        #expect(problem?.offset == member.count - 4)
        // Bytes after the first member are not judged.
        #expect(check(Self.gzip(Self.storedFox, of: Self.fox) + [0, 0, 0x41], ["gzip"]).problem == nil)
    }

    @Test func layersAreUndoneLastFirst() {
        // deflate (zlib) applied first, then gzip: Content-Encoding: deflate, gzip.
        let adler = Self.fox.withUnsafeBufferPointer { Checksums.adler32($0) }
        let zlib: [UInt8] = [0x78, 0x01] + Self.fixedFox + (0..<4).map { UInt8(adler >> (24 - 8 * $0) & 0xFF) }
        var raw = [UInt8]()
        // zlib as one stored block, then gzip around it.
        raw = [0x01, UInt8(zlib.count & 0xFF), UInt8(zlib.count >> 8), UInt8(~zlib.count & 0xFF), UInt8(~zlib.count >> 8 & 0xFF)] + zlib
        let twice = Self.gzip(raw, of: zlib)
        let passed = check(twice, ["deflate", "identity", "GZIP"])
        #expect(passed.problem == nil && passed.isComplete && passed.rawDeflate == nil)
        // Listed the other way round: the gzip layer is sought first and not found.
        let swapped = check(twice, ["gzip", "deflate"])
        #expect(swapped.problem?.message.hasPrefix("the content is labelled deflate but is neither zlib data") == true)
        // Raw DEFLATE labelled deflate: decoded, and said.
        let raw2 = check(Self.fixedFox, ["deflate"])
        #expect(raw2.problem == nil && raw2.isComplete && raw2.rawDeflate != nil)
        // A coding httplint does not decode ends the check without a verdict.
        let unknown = check(Array("hello".utf8), ["gzip", "compress"])
        #expect(unknown.problem == nil && !unknown.isComplete)
    }
}
