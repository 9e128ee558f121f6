import Foundation
import HTTPLintCore
import Testing

/// The Zstandard decoder (RFC 8878), its XXH64 and the zstd layer of the content coding check,
/// on frames the reference `zstd` tool (v1.5.4) wrote and on hand-made damage. Where the tool is
/// installed, more inputs are compressed with it at every level and decoded.
@Suite struct ZstandardTests {
    /// 80 numbered lines, 4,568 bytes: `python3 -c "import sys; sys.stdout.write(''.join(f'{i}: the
    /// quick brown fox jumps over the lazy dog, {i*7%13} times\n' for i in range(80)))" > vt`.
    static let text = Array((0..<80).map { "\($0): the quick brown fox jumps over the lazy dog, \($0 * 7 % 13) times\n" }.joined().utf8)
    /// `zstd -1 -c vt`: one compressed block with FSE-compressed sequence tables.
    static let level1 = bytes("KLUv/WTYEL0IANIMJB1wTdIBABBqLQJBgVAggFtVFcbunWSSSSaB+7/1ROfm/92393W+/Jy5353PrlfHK3dsfJ9tc12mi48Zu53ZzGpltGKnpu/VtbZVtvSUqdeVy8otVhUPDcmz8Ei68Jjhe8dlpqwTwIEwFg8qFICQGBBFxQBDA4lIyOHAgFCgieSAGiSSBgEtFCwgHghJeJBACWioUVx9/9kMoDNKOxJIEECSFMH//3r+zNlOW9555iynLO9885ZTlnOeecsr2znPnOWU7bznznLKcs4TIdcBMOpTNvIRRXVBP8I1XZ6PvKIL9yNaigZZRT4gVw8fi8f32vG5dPhYOeiHDFnnH/qzNvKkOMyIE8966lPPeuq+Zf+GGgH4VVPmXho=")
    /// `zstd -19 -c vt` (`zstd --ultra -22 -c vt` writes the same bytes for so small an input).
    static let level19 = bytes("KLUv/WTYEM0HANINJRlgVzoPJY2h1B8Kfhim0vaWUsqUcLUEIpWuKVFmYl5aPp3NyoQIExEPDY/GYmE6dHl4d3Y/X68uGbI0tDOzm61Wlo6ex9/tv9/Xk5HT6LP5tuvyUxOqswjba1rrRddtr20yVM1jOht6nQVQDo9FxSknkHgMjmYzcEwOl8ehRB4WhpN5EA4E80wITqOwsEicg6LiCCpjqBEQ9f1nM+CZ5hJIECAT/P9/mT9kVFRYMBElJry0uDlRoqRcqbIzE0lMvLRwc1KiRLnJdF2S6lLTdRPBEkm6EBlNcQdklyIEl40kExB9AHzyP1mxIwjgIEpAtgyqEQBZBVPmXho=")
    /// `zstd -19 --no-check -c vt`: the same frame without the content checksum.
    static let unchecked = bytes("KLUv/WDYEM0HANINJRlgVzoPJY2h1B8Kfhim0vaWUsqUcLUEIpWuKVFmYl5aPp3NyoQIExEPDY/GYmE6dHl4d3Y/X68uGbI0tDOzm61Wlo6ex9/tv9/Xk5HT6LP5tuvyUxOqswjba1rrRddtr20yVM1jOht6nQVQDo9FxSknkHgMjmYzcEwOl8ehRB4WhpN5EA4E80wITqOwsEicg6LiCCpjqBEQ9f1nM+CZ5hJIECAT/P9/mT9kVFRYMBElJry0uDlRoqRcqbIzE0lMvLRwc1KiRLnJdF2S6lLTdRPBEkm6EBlNcQdklyIEl40kExB9AHzyP1mxIwjgIEpAtgyqEQBZBQ==")
    /// `printf '' | zstd -c`: a frame with no content.
    static let empty = bytes("KLUv/SQAAQAAmenYUQ==")
    /// `printf hello | zstd --long=24 -c`: from a pipe (size unknown), so the header asks for
    /// the whole 16 MB window.
    static let wideWindow: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x04, 0x70, 0x29, 0x00, 0x00, 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0xA3, 0x6D, 0x9F, 0x88]
    /// `printf '{"alpha": 1, "http": 2, "lint": 3}\n' | zstd -D trained.dict -c`, the dictionary
    /// trained by `zstd --train --dictID=4242` on small JSON documents.
    static let withDictionary: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x06, 0x58, 0x92, 0x10, 0x85, 0x00, 0x00, 0x20, 0x31, 0x33, 0x7D,
                                          0x0A, 0x03, 0xFC, 0x75, 0x12, 0x4E, 0x00, 0xE8, 0x64, 0x11, 0xAC, 0x07, 0x25, 0xB5, 0xD9, 0x83]
    /// A skippable frame (magic 0x184D2A53) holding 3 bytes.
    static let skippable: [UInt8] = [0x53, 0x2A, 0x4D, 0x18, 0x03, 0x00, 0x00, 0x00, 0x61, 0x62, 0x63]

    static func bytes(_ base64: String) -> [UInt8] { Array(Data(base64Encoded: base64)!) }

    func decode(_ data: [UInt8], limit: Int = .max, maximumWindow: Int = Zstandard.httpWindowLimit) -> (Zstandard.Outcome, [UInt8]) {
        var out: [UInt8] = []
        let (outcome, produced) = Zstandard.decode(data, limit: limit, maximumWindow: maximumWindow) { out.append(contentsOf: $0) }
        #expect(produced == out.count)
        return (outcome, out)
    }

    func check(_ data: [UInt8], _ codings: [String] = ["zstd"], keeping: Int = 0) -> ContentCodingCheck {
        data.withUnsafeBufferPointer { ContentCodingCheck(content: $0, codings: codings, keepingDecoded: keeping) }
    }

    @Test func xxh64OfKnownInputs() {
        #expect(XXHash64.hash([]) == 0xEF46_DB37_51D8_E999)
        #expect(XXHash64.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        // Fed in uneven pieces, the same as at once (and past the 32-byte stripes).
        var hasher = XXHash64()
        var start = 0
        for size in [1, 7, 31, 33, 64, 5, 4000] where start < Self.text.count {
            hasher.update(Array(Self.text[start..<min(Self.text.count, start + size)]))
            start += size
        }
        hasher.update(Array(Self.text[min(start, Self.text.count)...]))
        #expect(hasher.digest() == XXHash64.hash(Self.text))
        // The checksum zstd wrote into the frame is the low 32 bits of the text's.
        let sent = Self.level19.suffix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(sent == UInt32(truncatingIfNeeded: XXHash64.hash(Self.text)))
    }

    @Test func framesTheToolWroteDecode() {
        for frame in [Self.level1, Self.level19, Self.unchecked] {
            let (outcome, out) = decode(frame)
            #expect(outcome == .complete(end: frame.count))
            #expect(out == Self.text)
        }
        #expect(decode(Self.empty) == (.complete(end: Self.empty.count), []))
        #expect(decode(Self.wideWindow, maximumWindow: 16 << 20) == (.complete(end: Self.wideWindow.count), Array("hello".utf8)))
    }

    /// Made by hand (`zstd -d` decodes it to "abba"): one compressed block whose Huffman tree is
    /// given as direct 4-bit weights (header byte 225: 98 weights, all 0 but 'a''s 1; 'b' takes
    /// the last weight, 1), one stream 0x16 (the end mark, then the codes 0 1 1 0) and no sequences.
    static let directWeights: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x00, 0x00, 0xBD, 0x01, 0x00, 0x42, 0xC0, 0x0C, 0xE1]
        + [UInt8](repeating: 0, count: 48) + [0x01, 0x16, 0x00]

    @Test func directHuffmanWeightsDecode() {
        #expect(decode(Self.directWeights) == (.complete(end: Self.directWeights.count), Array("abba".utf8)))
        // One code bit short, and one too many: the stream must be used up exactly.
        var short = Self.directWeights
        short[short.count - 2] = 0x0B
        if case .invalid(let reason, _) = decode(short).0 { #expect(reason.contains("too short")) } else { Issue.record("short stream") }
        var long = Self.directWeights
        long[long.count - 2] = 0x2C
        if case .invalid(let reason, _) = decode(long).0 { #expect(reason.contains("left over")) } else { Issue.record("long stream") }
    }

    @Test func aCompressedBlockLongerThanASmallFramesContentDecodes() {
        // The same block in a single-segment frame of content size 4 (so a 4-byte window): its
        // 55 bytes of compressed content pass, as `zstd -d` lets them; it decodes to 4 bytes.
        let small: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x04] + Self.directWeights[6...]
        #expect(decode(small) == (.complete(end: small.count), Array("abba".utf8)))
        // A raw block longer than that window does not.
        let raw: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x04, 0x29, 0x00, 0x00] + Array("hello".utf8)
        #expect(decode(raw).0 == .invalid("a raw block of 5 bytes, more than the 4 the frame allows", offset: 6))
    }

    @Test func concatenatedAndSkippableFramesDecodeInOrder() {
        let stream = Self.skippable + Self.level1 + Self.empty + Self.skippable + Self.level19 + Self.skippable
        let (outcome, out) = decode(stream)
        #expect(outcome == .complete(end: stream.count))
        #expect(out == Self.text + Self.text)
        // Bytes after the last frame that do not start one: the end says where the frames stop.
        #expect(decode(Self.level19 + Array("garbage".utf8)).0 == .complete(end: Self.level19.count))
        // A piece of a magic number after a frame is a frame cut short.
        #expect(decode(Self.level19 + [0x28, 0xB5]).0 == .truncated)
    }

    @Test func cutShortAnywhereIsTruncated() {
        #expect(decode([]).0 == .truncated)
        for frame in [Self.level1, Self.level19, Self.unchecked, Self.empty, Self.skippable] {
            for cut in 0..<frame.count {
                let (outcome, out) = decode(Array(frame[..<cut]))
                #expect(outcome == .truncated, "cut at \(cut) of \(frame.count)")
                #expect(Self.text.starts(with: out))
            }
        }
        // Two frames cut inside the second: truncated, with the first's bytes handed over.
        let two = Self.level1 + Self.level19
        let (outcome, out) = decode(Array(two[..<(Self.level1.count + 20)]))
        #expect(outcome == .truncated && out == Self.text)
    }

    @Test func changedBytesAreFoundOrHarmless() {
        // Any one byte changed: the frame never decodes to anything but the text (the checksum
        // catches what the format does not), and nothing traps.
        for index in 0..<Self.level19.count {
            for value: UInt8 in [0x00, 0xFF, Self.level19[index] ^ 0x01, Self.level19[index] ^ 0x80] where value != Self.level19[index] {
                var damaged = Self.level19
                damaged[index] = value
                let (outcome, out) = decode(damaged)
                if case .complete = outcome { #expect(out == Self.text, "byte \(index) set to \(value)") }
            }
        }
        // Without the checksum too, nothing traps.
        for index in 0..<Self.unchecked.count {
            var damaged = Self.unchecked
            damaged[index] ^= 0x5A
            _ = decode(damaged)
        }
        // The checksum itself.
        var wrong = Self.level19
        wrong[wrong.count - 1] ^= 0xFF
        #expect(decode(wrong).0 == .checksumMismatch(sent: 0xE55E_E653, actual: 0x1A5E_E653, offset: wrong.count - 4))
        // A byte inside the compressed block: corrupt.
        var corrupt = Self.level1
        corrupt[200] ^= 0xFF
        let outcome = decode(corrupt).0
        switch outcome {
        case .invalid, .checksumMismatch: break
        default: Issue.record("a damaged block gave \(outcome)")
        }
        // The reserved bit of the frame header descriptor, and block type 3.
        var reserved = Self.level19
        reserved[4] |= 0x08
        #expect(decode(reserved).0 == .invalid("a frame header descriptor with its reserved bit set (0x6c)", offset: 4))
        let blockType3: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x00, 0x07, 0x00, 0x00]
        #expect(decode(blockType3).0 == .invalid("a block of the reserved type 3", offset: 6))
        // The content size in the header disagreeing with the content.
        var size = Self.level19
        size[5] ^= 0x01
        if case .invalid(let reason, _) = decode(size).0 { #expect(reason.contains("content size")) } else { Issue.record("size not checked") }
    }

    @Test func dictionariesAndWideWindowsAreNotDecoded() {
        #expect(decode(Self.withDictionary).0 == .needsDictionary(id: 4242, offset: 0))
        #expect(decode(Self.wideWindow).0 == .windowTooLarge(size: 16 << 20, offset: 0))
        // 8 MB exactly is allowed: window descriptor 0x68 (2^23).
        let eightMB: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x00, 0x68, 0x29, 0x00, 0x00] + Array("hello".utf8)
        #expect(decode(eightMB) == (.complete(end: eightMB.count), Array("hello".utf8)))
    }

    @Test func outputPastTheLimitStops() {
        #expect(decode(Self.level19, limit: 100).0 == .limitReached)
        #expect(decode(Self.level19, limit: Self.text.count).0 == .complete(end: Self.level19.count))
    }

    // MARK: The content coding check

    func problem(_ check: ContentCodingCheck) -> (String?, Int?) {
        (check.problem?.message, check.problem?.offset)
    }

    @Test func theCheckDecodesZstdLayers() {
        let plain = check(Self.level19, keeping: 1 << 20)
        #expect(plain.isComplete && plain.problem == nil && plain.decoded == Self.text)
        #expect(check(Self.level19, ["ZSTD"]).isComplete)
        #expect(ContentCodingCheck.isDecodable("zstd") && ContentCodingCheck.isDecodable("Zstd"))
        // gzip applied first, then zstd; and the other order.
        let gzipText: [UInt8] = Array(Data(base64Encoded: "H4sIAAAAAAAAA8tIzcnJBwCGphA2BQAAAA==")!)
        var zstdOverGzip: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x20, UInt8(gzipText.count)]
        zstdOverGzip += [UInt8(gzipText.count << 3 | 1), 0x00, 0x00] + gzipText
        let stacked = check(zstdOverGzip, ["gzip", "zstd"], keeping: 100)
        #expect(stacked.isComplete && stacked.problem == nil && stacked.decoded == Array("hello".utf8))
        let reversed = check(zstdOverGzip, ["zstd", "gzip"])
        #expect(reversed.problem?.message.hasPrefix("the content is labelled gzip but does not start with gzip's magic bytes") == true)
    }

    @Test func theCheckReportsZstdProblems() {
        let text = check(Array("hello, world".utf8))
        #expect(problem(text) == (
            "the content is labelled zstd but does not start with a Zstandard frame's magic bytes 28 B5 2F FD: it starts with 68 65 6C 6C 6F 2C 20 77 6F 72 6C 64 ('hello, world'), which looks uncompressed",
            0))
        var wrong = Self.level19
        wrong[wrong.count - 1] ^= 0xFF
        #expect(problem(check(wrong)) == (
            "the zstd frame's content checksum is 0xE55EE653 but the low 32 bits of the decoded data's XXH64 are 0x1A5EE653",
            wrong.count - 4))
        #expect(problem(check(Array(Self.level19.prefix(100)))) == (
            "the zstd data is cut short: the content ends inside a frame, after 0 decoded bytes", 100))
        #expect(check([0x28, 0xB5]).problem?.message == "the zstd data is cut short: the content ends inside the first frame's magic number")
        let trailing = check(Self.level19 + Array("\n\n".utf8))
        #expect(problem(trailing) == (
            "the zstd data is followed by 2 bytes that are not a Zstandard frame: it starts with 0A 0A ('\\n\\n'), which looks uncompressed",
            Self.level19.count))
        let wide = check(Self.wideWindow)
        #expect(wide.problem?.message.hasPrefix("the zstd frame needs a window of 16777216 bytes, more than the 8 MB") == true)
        #expect(wide.problem?.message.contains("RFC 9659 §3") == true)
        // In the second of two layers, the problem says which.
        let inner = check(Self.level19, ["zstd", "identity", "zstd"])
        #expect(inner.problem?.message.hasSuffix("(the first of 2 codings, 'zstd')") == true && inner.problem?.offset == nil)
    }

    @Test func aDictionaryFrameGetsNoVerdict() {
        let result = check(Self.withDictionary)
        #expect(result.problem == nil && !result.isComplete && !result.stoppedAtLimit)
        #expect(result.noVerdict == "a zstd frame names dictionary 4242 (RFC 8878 §3.1.1.1.3), which httplint does not have, so the content was not decoded")
        // gzip content is still judged after it.
        #expect(check(Self.level19).noVerdict == nil)
    }

    // MARK: Against the reference tool

    static let tool = ["/usr/bin/zstd", "/usr/local/bin/zstd", "/opt/homebrew/bin/zstd"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `input` compressed by the tool with `arguments`.
    static func compress(_ input: [UInt8], _ arguments: [String]) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("httplint-zstd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("in")
        let target = directory.appendingPathComponent("in.zst")
        try Data(input).write(to: source)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool!)
        process.arguments = ["-q", "-f"] + arguments + [source.path, "-o", target.path]
        try process.run()
        process.waitUntilExit()
        return Array(try Data(contentsOf: target))
    }

    /// Text, numbers, binary and runs, some past one 128 KB block.
    static let inputs: [[UInt8]] = {
        let words = ["http", "lint", "zstd", "frame", "block", "window", "the", "a", "content", "coding"]
        var seed: UInt64 = 7
        func next() -> UInt64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return seed >> 33
        }
        let prose = Array((0..<40000).map { _ in words[Int(next() % 10)] + (next() % 9 == 0 ? ".\n" : " ") }.joined().utf8)
        let noise = (0..<70000).map { _ in UInt8(truncatingIfNeeded: next()) }
        return [
            [], [0x41], Array(prose.prefix(1000)), prose,
            noise, [UInt8](repeating: 0x61, count: 300_000),
            Array((0..<50000).flatMap { Array("\($0 % 977),".utf8) }),
            Array(noise.prefix(5000)) + Array(prose.prefix(30000)) + Array(noise.prefix(5000)),
        ]
    }()

    @Test(.enabled(if: tool != nil, "needs the zstd tool")) func everyLevelOfTheToolDecodes() throws {
        for input in Self.inputs {
            for arguments in (1...19).map({ ["-\($0)"] }) + [["--ultra", "-22"], ["--no-check", "-3"], ["--long=20", "-9"], ["-T2", "-5"],
                                                                          // Windows of 1 KB and 4 KB: blocks as small, matches reaching back the whole window.
                                                                          ["--zstd=wlog=10", "-3"], ["-19", "--zstd=wlog=12"]] {
                let frame = try Self.compress(input, arguments)
                let (outcome, out) = decode(frame)
                #expect(outcome == .complete(end: frame.count), "\(arguments) of \(input.count) bytes")
                #expect(out == input, "\(arguments) of \(input.count) bytes")
            }
        }
    }

    /// A hidden way to check the decoder on many files (used by .ci/zstd-check.sh): with
    /// HTTPLINT_ZSTD_DIR set, every `NAME.zst` in it must decode to the file `NAME` beside it.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HTTPLINT_ZSTD_DIR"] != nil)) func filesInTheDirectoryDecode() throws {
        let directory = ProcessInfo.processInfo.environment["HTTPLINT_ZSTD_DIR"]!
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".zst") }.sorted()
        var (passed, failed) = (0, 0)
        var decodedBytes = 0
        for name in names {
            let compressed = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
            let original = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + String(name.dropLast(4)))))
            let (outcome, out) = decode(compressed, limit: 1 << 30)
            decodedBytes += out.count
            if outcome == .complete(end: compressed.count), out == original {
                passed += 1
            } else {
                failed += 1
                Issue.record("\(name): \(outcome), \(out.count) of \(original.count) bytes, \(out == original ? "same" : "different")")
            }
        }
        print("zstd-check: \(passed) of \(names.count) files decoded to the exact bytes (\(decodedBytes) bytes), \(failed) failed")
        #expect(!names.isEmpty)
    }
}
