import Foundation
import HTTPLint
import Testing

/// A raw input linted a window at a time must give exactly what linting it whole gives:
/// the same findings at the same lines, columns and offsets, whatever the window size.
@Suite struct StreamingTests {
    struct Located: Hashable, CustomStringConvertible {
        let rule: String, message: String, line: Int, column: Int, offset: Int, exchange: Int
        var description: String { "\(rule)@\(line):\(column)+\(offset)#\(exchange) \(message)" }
    }

    static func located(_ reports: [InputReport]) -> [Located] {
        reports.flatMap(LocatedFinding.all).map {
            Located(rule: $0.finding.rule, message: $0.finding.message, line: $0.line, column: $0.column,
                    offset: $0.offset, exchange: $0.finding.exchange)
        }
    }

    /// Lints `bytes` through `lintStream` with the given window, reading `piece` bytes at a time.
    static func streamed(_ bytes: [UInt8], window: Int, linter: Linter) -> (reports: [InputReport], windows: Int) {
        var position = 0
        var reports: [InputReport] = []
        linter.lintStream(named: "stream", window: window, read: { buffer, count in
            let end = min(bytes.count, position + count)
            buffer += bytes[position..<end]
            defer { position = end }
            return end - position
        }, emit: { reports.append($0) })
        return (reports, reports.count)
    }

    /// Responses of every framing, with defects that span responses: a Connection: close
    /// followed by another response, interim responses, garbage between messages, bare LFs.
    static let mixedStream: [UInt8] = {
        var text = ""
        for index in 0..<60 {
            switch index % 6 {
            case 0: text += "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 5\r\n\r\nhello"
            case 1: text += "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
            case 2: text += "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n"
            case 3: text += "HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nConnection: close\nContent-Length: 2\n\nok"
            case 4: text += "HTTP/1.1 405 Method Not Allowed\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nX-Fold: a\r\n b\r\nContent-Length: 0\r\n\r\n"
            default: text += "HTTP/1.1 204 No Content\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 3\r\n\r\nxyz\r\n"
            }
        }
        return Array(text.utf8)
    }()

    @Test(arguments: [1, 7, 64, 300, 4096, 1 << 20])
    func mixedStreamGivesTheSameFindingsAtEveryWindowSize(window: Int) {
        let linter = Linter(configuration: .init(profile: .all))
        let whole = Self.located(linter.lintInput(named: "stream", bytes: Self.mixedStream, kind: .raw))
        let (reports, windows) = Self.streamed(Self.mixedStream, window: window, linter: linter)
        #expect(Self.located(reports) == whole)
        #expect(whole.contains { $0.rule == "response-after-connection-close" })
        #expect(RunSummary(reports).responses == RunSummary(linter.lintInput(named: "stream", bytes: Self.mixedStream, kind: .raw)).responses)
        if window < 300 { #expect(windows > 10, "a small window reads the stream in many pieces") }
    }

    /// JSON Lines gives one record per input, streamed or not: the windows' reports are
    /// marked as continued, and the last one's record counts them all.
    @Test func jsonLinesGivesOneInputRecordForAStreamedInput() {
        let linter = Linter(configuration: .init(profile: .all))
        let (reports, windows) = Self.streamed(Self.mixedStream, window: 64, linter: linter)
        #expect(windows > 10)
        #expect(reports.dropLast().allSatisfy(\.continues) && reports.last?.continues == false)
        let streamed = JSONLinesReporter()
        let streamedLines = reports.map(streamed.render).joined() + streamed.finish(reports)
        let whole = linter.lintInput(named: "stream", bytes: Self.mixedStream, kind: .raw)
        let wholeReporter = JSONLinesReporter()
        let wholeLines = whole.map(wholeReporter.render).joined() + wholeReporter.finish(whole)
        #expect(streamedLines == wholeLines)
        #expect(streamedLines.components(separatedBy: #""record":"input""#).count == 2)
    }

    @Test func everySampleGivesTheSameFindingsStreamed() throws {
        let linter = Linter(configuration: .init(profile: .all))
        let names = try FileManager.default.contentsOfDirectory(atPath: PackageFiles.url("Samples").path)
            .filter { $0.hasSuffix(".http") }.sorted()
        #expect(names.count >= 30)
        for name in names {
            let bytes = try PackageFiles.bytes("Samples/\(name)")
            let whole = Self.located(linter.lintInput(named: "stream", bytes: bytes, kind: .raw))
            for window in [5, 97] {
                #expect(Self.located(Self.streamed(bytes, window: window, linter: linter).reports) == whole, "\(name), window \(window)")
            }
        }
    }

    /// Past a limit the stream stops at a window's end where a whole read sees the whole line
    /// and input: the findings must still be equal (no length measured past the window).
    @Test(arguments: ["line", "section", "fields", "chunks"])
    func inputsPastALimitGiveTheSameFindingsStreamed(_ limit: String) {
        let limits = ParserLimits(maxLineLength: 1000, maxFieldSectionSize: 4000, maxFields: 50, maxChunks: 20)
        let linter = Linter(configuration: .init(profile: .all, limits: limits))
        let head = "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
        let text: String
        switch limit {
        case "line": text = head + "X-Long: " + String(repeating: "a", count: 50_000) + "\r\nContent-Length: 0\r\n\r\n"
        case "section": text = head + String(repeating: "X-A: " + String(repeating: "b", count: 900) + "\r\n", count: 40) + "\r\n"
        case "fields": text = head + String(repeating: "X-A: 1\r\n", count: 2000) + "\r\n"
        default: text = head + "Transfer-Encoding: chunked\r\n\r\n" + String(repeating: "1\r\na\r\n", count: 5000) + "0\r\n\r\n"
        }
        let bytes = Array((text + "HTTP/1.1 204 No Content\r\n\r\n").utf8)
        let whole = Self.located(linter.lintInput(named: "stream", bytes: bytes, kind: .raw))
        #expect(whole.contains { $0.rule == "limit-exceeded" })
        for window in [64, 1500, 8192] {
            #expect(Self.located(Self.streamed(bytes, window: window, linter: linter).reports) == whole, "window \(window)")
        }
    }

    @Test func anExchangeLargerThanTheLargestWindowIsAnInputError() {
        let bytes = Array(("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + String(repeating: "a", count: 5000)
            + "HTTP/1.1 204 No Content\r\n\r\n").utf8)
        var reports: [InputReport] = []
        var position = 0
        Linter().lintStream(named: "big", window: 64, maxWindow: 1024, read: { buffer, count in
            let end = min(bytes.count, position + count)
            buffer += bytes[position..<end]
            defer { position = end }
            return end - position
        }, emit: { reports.append($0) })
        guard case .failed(let reason)? = reports.last?.outcome else {
            Issue.record("expected an input error, got \(reports)")
            return
        }
        #expect(reason.contains("larger than 1024 bytes"))
    }
}
