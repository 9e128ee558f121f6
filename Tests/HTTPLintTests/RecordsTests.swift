import Foundation
import HTTPLint
import TestSupport
import Testing

/// Records (one JSON object per line) are each linted as an input of their own, with their own
/// request and name; a broken record is reported under its name and never affects the next.
@Suite struct RecordsTests {
    let scratch = ScratchDirectory()

    static func record(_ fields: [String: String]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
    }

    static let head = "HEAD / HTTP/1.1\r\nHost: a.example\r\n\r\n"
    static let headAnswer = "HTTP/1.1 200 OK\r\nDate: Sat, 05 Dec 2026 10:00:00 GMT\r\nContent-Length: 5\r\n\r\n"

    func lint(_ lines: [String], maxLineLength: Int = 1 << 20) throws -> [InputReport] {
        let path = scratch.path("records.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: path)
        var reports: [InputReport] = []
        try Records.lint(try InputReader.Stream(path.path), with: Linter(), maxLineLength: maxLineLength) { reports.append($0) }
        return reports
    }

    @Test func eachRecordIsItsOwnInputWithItsOwnRequest() throws {
        let reports = try lint([
            Self.record(["name": "edge/1", "response": Data(Self.headAnswer.utf8).base64EncodedString(),
                         "request": Data(Self.head.utf8).base64EncodedString()]),
            Self.record(["name": "edge/2", "response_text": Self.headAnswer]),
            "",
            Self.record(["response_text": "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"]),
        ])
        #expect(reports.map(\.name) == ["edge/1", "edge/2", "record 3"])
        // With its HEAD request the first is framed without content; without, it is truncated.
        #expect(reports[0].findings.isEmpty)
        #expect(reports[1].findings.map(\.rule) == ["truncated-content"])
        #expect(reports[2].findings.map(\.rule).contains("method-not-allowed-without-allow"))
    }

    @Test func aBrokenRecordIsReportedAndTheNextIsRead() throws {
        let reports = try lint(["{not json", Self.record(["name": "x", "response": "%%%"]), Self.record(["name": "y"]),
                                Self.record(["name": "z", "response_text": Self.headAnswer, "input": "pcapng-of-the-future"]),
                                Self.record(["name": "ok", "response_text": Self.headAnswer, "request_text": Self.head])])
        #expect(reports.map(\.name) == ["record 1", "x", "y", "z", "ok"])
        let failures = reports.compactMap { report -> String? in
            if case .failed(let reason) = report.outcome { return reason }
            return nil
        }
        #expect(failures.count == 4)
        #expect(failures[1].contains("not base64") && failures[2].contains("no 'response'") && failures[3].contains("use raw, curl or har"))
        #expect(reports[4].findings.isEmpty)
    }

    @Test func aRecordCanHoldAHARArchive() throws {
        let har = #"{"log": {"version": "1.2", "entries": [{"request": {"method": "GET", "url": "http://a.example/", "headers": []}, "response": {"status": 401, "statusText": "Unauthorized", "httpVersion": "HTTP/1.1", "headers": [{"name": "Date", "value": "Sat, 05 Dec 2026 10:00:00 GMT"}], "content": {}}}]}}"#
        let reports = try lint([Self.record(["name": "session", "input": "har", "response_text": har])])
        #expect(reports.count == 1 && reports[0].name == "session" && reports[0].part?.hasPrefix("entry 0") == true)
        #expect(reports[0].findings.map(\.rule) == ["unauthorized-without-www-authenticate"])
    }

    /// Too long to read, within one read or across several (a line of 3 MiB is read in pieces).
    @Test(arguments: [5000, 3 << 20])
    func aLineTooLongIsSkippedAndTheNextIsRead(_ length: Int) throws {
        let long = Self.record(["name": "big", "response_text": String(repeating: "a", count: length)])
        let reports = try lint([long, Self.record(["name": "after", "response_text": Self.headAnswer, "request_text": Self.head])],
                               maxLineLength: 1000)
        #expect(reports.map(\.name) == ["record 1", "after"])
        #expect(reports[1].findings.isEmpty)
    }
}
