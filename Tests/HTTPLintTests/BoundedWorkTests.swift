import Foundation
import HTTPLint
import Testing

/// Work and output bounded for any input: large cases are made here, never committed.
@Suite struct BoundedWorkTests {
    /// A response whose one Cache-Control line holds `count` directives `max-age=x` (each one
    /// not a number, each but the first repeated: 2 × `count` - 1 findings), and `extra` more.
    static func brokenCacheControl(_ count: Int, _ extra: String = "") -> SourceText {
        SourceText(name: "cc.http", text: brokenCacheControlText(count, extra))
    }

    static func brokenCacheControlText(_ count: Int, _ extra: String = "") -> String {
        let value = Array(repeating: "max-age=x", count: count).joined(separator: ",") + extra
        return "HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nCache-Control: \(value)\r\nContent-Length: 0\r\n\r\n"
    }

    @Test func oneRuleListsAtMostAHundredFindingsPerExchangeAndCountsTheRest() {
        let findings = Linter().lint(Self.brokenCacheControl(100_000)).findings.filter { $0.rule == "invalid-cache-control" }
        #expect(findings.count == FindingReporter.maxFindingsPerRule + 1)
        #expect(findings.last?.message == "199899 more invalid-cache-control findings left out from here on (a rule lists at most 100 per exchange)")
        #expect(findings.last?.severity == .error)
        // The note stands where the first one left out would have been: on the field line.
        #expect(findings.last?.span == findings[99].span)
    }

    @Test func aHundredFindingsOfOneRuleAreAllListedWithoutANote() {
        let findings = Linter().lint(Self.brokenCacheControl(50, ",s-maxage=y")).findings.filter { $0.rule == "invalid-cache-control" }
        #expect(findings.count == 100)
        #expect(!findings.contains { $0.message.contains("left out") })
        let oneMore = Linter().lint(Self.brokenCacheControl(51)).findings.filter { $0.rule == "invalid-cache-control" }
        #expect(oneMore.last?.message == "1 more invalid-cache-control finding left out from here on (a rule lists at most 100 per exchange)")
    }

    @Test func theCapCountsEachExchangeAndRuleApart() {
        let one = Self.brokenCacheControlText(150)
        let findings = Linter().lint(SourceText(name: "two.http", text: one + one)).findings.filter { $0.rule == "invalid-cache-control" }
        #expect(findings.count == 2 * 101)
        #expect(findings.filter { $0.message.hasPrefix("199 more") }.count == 2)
        #expect(Set(findings.map(\.exchange)) == [0, 1])
    }

    /// A JSON response whose content is `size` bytes: spaces, then `{}`.
    static func largeJSON(_ size: Int) -> SourceText {
        SourceText(name: "big.json.http", bytes: Array("HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nContent-Type: application/json\r\nContent-Length: \(size)\r\n\r\n".utf8)
            + Array(repeating: 0x20, count: size - 2) + Array("{}".utf8))
    }

    @Test func exactlyMaxChunksChunksIsWithinTheLimit() {
        func limitFindings(chunks: Int) -> [Finding] {
            let body = String(repeating: "1\r\na\r\n", count: chunks) + "0\r\n\r\n"
            let source = SourceText(name: "c.http", text: "HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
            return Linter(configuration: .init(limits: ParserLimits(maxChunks: 3))).lint(source).findings.filter { $0.rule == "limit-exceeded" }
        }
        #expect(limitFindings(chunks: 3).isEmpty)
        #expect(limitFindings(chunks: 4).map(\.message) == ["the content has more than 3 chunks, the limit (--max-chunks); the rest of the input is not read"])
    }

    @Test func jsonTooLargeToCheckIsSaidToBeUnchecked() {
        let findings = Linter().lint(Self.largeJSON((16 << 20) + 1)).findings
        #expect(findings.map(\.rule) == ["content-not-checked"])
        #expect(findings.first?.severity == .info)
        #expect(findings.first?.message == "the content was not checked: it is 16777217 bytes, more than 16 MB, the most the JSON check reads, so whether it is JSON was not checked")
        #expect(Linter().lint(Self.largeJSON(16 << 20)).findings.isEmpty)
    }

    @Test func jsonNestedTooDeepIsSaidToBeUnchecked() {
        func lint(depth: Int) -> [Finding] {
            let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            return Linter().lint(SourceText(name: "deep.http", text: "HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nContent-Type: application/json\r\nContent-Length: \(text.utf8.count)\r\n\r\n" + text)).findings
        }
        #expect(lint(depth: 10_000).map(\.rule) == ["content-not-checked"])
        #expect(lint(depth: 10_000).first?.message.contains("nests deeper than 64 levels") == true)
        #expect(lint(depth: 64).isEmpty)
    }
}

/// A stream read a piece at a time grows its buffer geometrically: a few reallocations for the
/// whole input, not one (and a copy of everything read so far) per call.
@Test func streamedReadsGrowTheirBufferGeometrically() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("httplint-stream-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(count: 2 << 20).write(to: URL(fileURLWithPath: path))
    let stream = try InputReader.Stream(path)
    #expect(stream.size == 2 << 20)
    var bytes: [UInt8] = []
    var capacities: Set<Int> = []
    while try stream.read(into: &bytes, upTo: 64 << 10) > 0 { capacities.insert(bytes.capacity) }
    #expect(bytes.count == 2 << 20)
    #expect(capacities.count <= 7, "\(capacities.count) reallocations for 32 reads")
}
