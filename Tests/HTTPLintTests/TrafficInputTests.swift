import Foundation
import HTTPLint
import Testing
import TestSupport

/// The curl and HAR readers on real recordings (Samples/traffic: curl 7.88.1 and mitmproxy
/// 11.0.2 against nginx 1.22.1 on loopback; see its README for the commands).
@Suite struct TrafficInputTests {
    /// Files a test writes; removed after each test.
    let scratch = ScratchDirectory()

    func lint(_ path: String, kind: InputKind? = nil) throws -> [InputReport] {
        Linter().lintInput(named: path, bytes: try PackageFiles.bytes(path), kind: kind)
    }

    func found(_ reports: [InputReport]) -> [String] {
        reports.flatMap { report in LocatedFinding.all(in: report).map { "\($0.finding.rule)@\($0.line):\($0.column)" } }
    }

    @Test func kindsAreDetected() throws {
        #expect(InputKind.detect(try PackageFiles.bytes("Samples/traffic/mitmproxy-nginx.har")) == .har)
        #expect(InputKind.detect(try PackageFiles.bytes("Samples/traffic/curl-v-nginx-405.txt")) == .curl)
        #expect(InputKind.detect(try PackageFiles.bytes("Samples/traffic/curl-i-nginx-200.txt")) == .raw)
        #expect(InputKind.detect(Array("{}".utf8), name: "x.HAR") == .har)
        // curl -v: most of the first 20 non-empty lines start with "* ", "> ", "< ", "{ " or "} ".
        #expect(InputKind.detect(Array("* Trying\n\n> GET / HTTP/1.1\n< HTTP/1.1 200 OK\nbody\n".utf8)) == .curl)
        #expect(InputKind.detect(Array("*\n>\n< HTTP/1.1 200 OK\n".utf8)) == .raw, "a marker needs its space")
        #expect(InputKind.detect(Array((String(repeating: "x\n", count: 20) + String(repeating: "< y\n", count: 30)).utf8)) == .raw,
                "only the first 20 lines count")
        #expect(InputKind.detect(Array((String(repeating: "\n", count: 5000) + "< HTTP/1.1 200 OK\n").utf8)) == .raw,
                "only the first 4 KB count")
    }

    @Test(arguments: [
        ("curl-I-nginx-head.txt", 1, [String]()),
        ("curl-i-nginx-200.txt", 1, []),
        ("curl-i-nginx-404.txt", 1, []),
        ("curl-i-raw-nginx-gzip-chunked.txt", 1, []),
        ("curl-i-nginx-post-expect-100-continue.txt", 2, []),
        ("curl-i-nginx-put-expect-100-201.txt", 2, []),
        ("curl-iL-nginx-redirect.txt", 2, []),
        ("curl-i-connect-proxy-https-nginx-200.txt", 2, []),
        ("curl-i-nginx-post-expect-405-no-100.txt", 1, ["method-not-allowed-without-allow@1:10", "reason-phrase-mismatch@1:14"]),
        ("curl-v-nginx-200.txt", 1, []),
        ("curl-v-nginx-post-expect-100-continue.txt", 2, []),
        ("curl-v-connect-proxy-https-nginx-200.txt", 2, []),
        ("curl-v-connect-proxytunnel-nginx-404.txt", 2, []),
        ("curl-v-nginx-405.txt", 1, ["method-not-allowed-without-allow@11:12", "reason-phrase-mismatch@11:16"]),
        ("curl-v-nginx-post-expect-405-early.txt", 1, ["method-not-allowed-without-allow@11:12", "reason-phrase-mismatch@11:16"]),
    ])
    func curlTranscript(_ name: String, responses: Int, expected: [String]) throws {
        let reports = try lint("Samples/traffic/" + name, kind: .curl)
        #expect(reports.count == 1)
        #expect(reports[0].responseCount == responses)
        #expect(found(reports) == expected)
    }

    /// Content rules judge bytes as sent: a real gzip body (nginx, through `curl --raw`) checks
    /// out; a body a tool decoded (curl `--compressed`, a HAR entry) is not judged at all.
    @Test func contentCodingsAreJudgedOnlyOnBytesAsSent() throws {
        let rawGzip = try lint("Samples/traffic/curl-i-raw-nginx-gzip-chunked.txt", kind: .raw)
        #expect(rawGzip[0].responseCount == 1 && found(rawGzip).isEmpty)
        let compressed = Array(("HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Encoding: gzip\r\nContent-Length: 6\r\n\r\nhello\n").utf8)
        #expect(Linter().lintInput(named: "c.txt", bytes: compressed, kind: .curl).flatMap(\.findings).isEmpty)
        #expect(Linter().lintInput(named: "c.txt", bytes: compressed, kind: .raw).flatMap(\.findings).map(\.rule) == ["undecodable-content"])
        // mitmproxy's archive holds the gzip entry decoded, with its Content-Encoding.
        let har = try lint("Samples/traffic/mitmproxy-nginx.har")
        #expect(!har.flatMap(\.findings).contains { $0.rule == "undecodable-content" })
        #expect(try String(decoding: PackageFiles.bytes("Samples/traffic/mitmproxy-nginx.har"), as: UTF8.self).contains("\"Content-Encoding\""))
    }

    @Test func curlVerbosePairsRequestsWithResponses() throws {
        let reports = try lint("Samples/traffic/curl-v-nginx-post-expect-100-continue.txt")
        guard case .linted(let result) = reports[0].outcome else { Issue.record("not linted"); return }
        #expect(result.exchanges.count == 1)
        #expect(result.exchanges[0].request?.method == "POST")
        #expect(result.exchanges[0].interim.map(\.status) == [100])
    }

    @Test func curlMinusIAsRawWouldMisreadTheRedirectHop() throws {
        // Without --input curl, the 301's Content-Length swallows the next hop: the reason
        // the curl reader exists.
        let raw = try lint("Samples/traffic/curl-iL-nginx-redirect.txt", kind: .raw)
        #expect(!found(raw).isEmpty)
    }

    @Test func harEntriesAreLintedOneByOne() throws {
        let reports = try lint("Samples/traffic/mitmproxy-nginx.har")
        #expect(reports.count == 10)
        #expect(reports.allSatisfy { $0.name == "Samples/traffic/mitmproxy-nginx.har" })
        #expect(reports[3].part == "entry 3: POST http://127.0.0.1:8481/index.html")
        #expect(reports.flatMap(\.findings).map(\.rule) == ["method-not-allowed-without-allow", "reason-phrase-mismatch"])
        let head = try #require(reports.first { $0.part?.hasPrefix("entry 5: HEAD") == true })
        guard case .linted(let result) = head.outcome else { Issue.record("not linted"); return }
        #expect(result.exchanges.first?.request?.isHEAD == true)
        #expect(RunSummary(reports).inputs == 1)
    }

    @Test func harWithHTTP2EntriesAndMissingResponses() {
        let har = #"""
        {"log": {"version": "1.2", "creator": {"name": "x", "version": "1"}, "entries": [
          {"request": {"method": "GET", "url": "https://api.example/x?y=1", "httpVersion": "h2",
                       "headers": [{"name": ":authority", "value": "api.example"}]},
           "response": {"status": 401, "statusText": "", "httpVersion": "h2",
                        "headers": [{"name": ":status", "value": "401"}, {"name": "content-length", "value": "999"}, {"name": "date", "value": "Sat, 21 Nov 2026 10:00:00 GMT"}],
                        "content": {"size": -1, "mimeType": "x-unknown"}, "bodySize": -1, "headersSize": -1}},
          {"request": {"method": "GET", "url": "https://blocked.example/", "httpVersion": "", "headers": []},
           "response": {"status": 0, "statusText": "", "httpVersion": "", "headers": [], "content": {}}},
          {"request": {"method": "GET", "url": "https://api.example/b", "httpVersion": "HTTP/1.1", "headers": []},
           "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1",
                        "headers": [{"name": "Content-Type", "value": "application/octet-stream"}, {"name": "Date", "value": "Sat, 21 Nov 2026 10:00:00 GMT"}],
                        "content": {"size": 3, "text": "AAEC", "encoding": "base64"}}}
        ]}}
        """#
        let reports = Linter().lintInput(named: "t.har", bytes: Array(har.utf8))
        #expect(reports.count == 3)
        // h2: no malformed status line, no framing (the body is absent), the 401 rule still runs.
        #expect(reports[0].findings.map(\.rule) == ["unauthorized-without-www-authenticate"])
        #expect(reports[1].responseCount == 0 && reports[1].findings.isEmpty)
        #expect(reports[2].findings.isEmpty)
    }

    /// The version a HAR entry records stays on the exchange, and the HTTP/2 rules judge by
    /// it: `connection: keep-alive` is malformed in the h2 entry and fine in the HTTP/1.1 one.
    @Test func harKeepsTheRecordedVersionForHTTP2Rules() throws {
        let reports = try lint("Samples/traffic/h2-connection-keep-alive.har")
        #expect(reports.count == 3)
        let versions = reports.map { report -> String? in
            guard case .linted(let result) = report.outcome else { return nil }
            return result.exchanges.first?.recordedVersion
        }
        #expect(versions == ["h2", "h2", "HTTP/1.1"])
        #expect(found(reports) == ["connection-specific-field-in-http2@4:1"])
        #expect(reports[0].findings.first?.message.contains("recorded as HTTP/2 (h2)") == true)
        // The same entry recorded as HTTP/1.1 is fine; as h3, it is malformed too.
        let text = try String(decoding: PackageFiles.bytes("Samples/traffic/h2-connection-keep-alive.har"), as: UTF8.self)
        for (version, expected) in [("HTTP/1.1", [String]()), ("h3", ["connection-specific-field-in-http2"])] {
            let relabelled = text.replacingOccurrences(of: "\"httpVersion\": \"h2\"", with: "\"httpVersion\": \"\(version)\"")
            let again = Linter().lintInput(named: "x.har", bytes: Array(relabelled.utf8))
            #expect(again.flatMap(\.findings).map(\.rule) == expected, "\(version)")
        }
        // Raw HTTP/1.1 bytes record no version.
        let raw = Linter().lint(SourceText(name: "r", bytes: Array("HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n".utf8)))
        #expect(raw.exchanges.first?.recordedVersion == nil)
    }

    /// Entries are found by a scan of the bytes and parsed one at a time: every value of
    /// `log.entries` is an entry in its place (objects linted, others with nothing to lint),
    /// braces and keys inside strings or other objects are not taken for entries, each entry
    /// points at its line, and JSON the scan accepts but the entry parser does not is an
    /// error of that entry only.
    @Test func harEntriesAreLocatedByTheirBytes() {
        let har = #"""
        {"comment": {"entries": [{"response": {"status": 500}}]},
         "log": {"creator": {"name": "a } ] { [", "entries": "no"}, "pages": [{"entries": []}],
          "entries": [
            {"request": {"method": "GET", "url": "http://a.example/\"}{"},
             "response": {"status": 302, "statusText": "Found", "httpVersion": "HTTP/1.1",
                          "headers": [{"name": "Date", "value": "Sat, 21 Nov 2026 10:00:00 GMT"}, {"name": "Content-Length", "value": "0"}]}},
            7, "text", null,
            {"request": {"method": "GET", "url": "http://a.example/\ud800"},
             "response": {"status": 204, "statusText": "No Content", "httpVersion": "HTTP/1.1", "headers": []}}
          ]},
         "after": {"log": {"entries": [1, 2, 3]}}}
        """#
        let reports = Linter().lintInput(named: "t.har", bytes: Array(har.utf8))
        #expect(reports.count == 5, "\(reports.map(\.outcome))")
        #expect(reports.first?.part == #"entry 0: GET http://a.example/"}{"#)
        #expect(reports.first?.partLine == 4)
        #expect(reports.first?.findings.map(\.rule) == ["redirect-without-location"])
        #expect(reports[1...3].allSatisfy { $0.responseCount == 0 && $0.findings.isEmpty })
        #expect(reports[1...3].map(\.partLine) == [7, 7, 7])
        // An escaped lone surrogate: valid JSON syntax, but no string the entry parser can make.
        if case .failed(let reason) = reports[4].outcome {
            #expect(reason.hasPrefix("cannot read 't.har' as HAR: its entry 4 (line 8) cannot be read as JSON"), "\(reason)")
        } else {
            // Parsers that read a lone surrogate leniently lint the entry instead.
            #expect(reports[4].findings.isEmpty)
        }
    }

    @Test func archiveThatIsNotHARIsAnInputError() {
        for text in ["{\"not\": \"har\"}", "{broken", ""] {
            let reports = Linter().lintInput(named: "bad.har", bytes: Array(text.utf8))
            guard case .failed(let reason) = reports.first?.outcome else { Issue.record("\(text) was linted"); continue }
            #expect(reason.hasPrefix("cannot read 'bad.har' as HAR"))
        }
    }

    @Test func deepJSONIsRefusedBeforeParsing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let reports = Linter().lintInput(named: "deep.har", bytes: Array(deep.utf8))
        guard case .failed(let reason) = reports.first?.outcome else { Issue.record("deep JSON was parsed"); return }
        #expect(reason.contains("nests deeper than 512 levels"))
    }

    @Test func directoriesAreWalkedAndRequestsPaired() throws {
        let items = InputCollector.collect([PackageFiles.url("Samples").path])
        let names = items.map { URL(fileURLWithPath: $0.path).lastPathComponent }
        #expect(names.contains("nginx-200-static-file.http"))
        #expect(names.contains("mitmproxy-nginx.har"))
        #expect(!names.contains { $0.hasSuffix(".req") || $0 == "README.md" })
        let head = try #require(items.first { $0.path.hasSuffix("nginx-200-head-static-file.http") })
        #expect(head.requestPath?.hasSuffix("nginx-200-head-static-file.req") == true)
        #expect(items.map(\.path) == items.map(\.path).sorted())
    }

    /// Files come back byte for byte whatever their size: empty, smaller than one piece, exactly
    /// one piece, several pieces; a file above the limit is refused.
    @Test func filesAreReadWhole() throws {
        let directory = scratch.path("read")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for size in [0, 1, 4095, 4096, 4097, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 17] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let path = directory.appendingPathComponent("f\(size)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(try InputReader.read(path) == bytes, "\(size) bytes")
        }
        let big = directory.appendingPathComponent("f\(1 << 20)").path
        #expect(throws: InputReader.Failure.self) { try InputReader.read(big, maxSize: 1000) }
    }

    /// A response file's request is `NAME.req` beside it, for the response extensions in any case.
    @Test func requestsArePairedByExtension() throws {
        let directory = scratch.path("pairs")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("v1.2"), withIntermediateDirectories: true)
        for name in ["a.HTTP", "a.req", "b.resp", "c.txt", "c.req.txt", "v1.2/d.raw", "v1.2/d.req", "e.response", "e.REQ"] {
            try Data("HTTP/1.1 204 No Content\r\n\r\n".utf8).write(to: directory.appendingPathComponent(name))
        }
        let pairs = Dictionary(uniqueKeysWithValues: InputCollector.collect([directory.path]).map {
            (String($0.path.dropFirst(directory.path.count + 1)), $0.requestPath.map { String($0.dropFirst(directory.path.count + 1)) })
        })
        #expect(pairs["a.HTTP"] == .some("a.req"))
        #expect(pairs["b.resp"] == .some(nil))
        #expect(pairs["c.txt"] == .some(nil), "c.req.txt is not c.req")
        #expect(pairs["v1.2/d.raw"] == .some("v1.2/d.req"))
        #expect(pairs["e.response"] == .some(nil), "the request file's own extension is .req exactly")

        // A walk pairs from the names it saw, as a look-up on disk would: through a link to a
        // file, not through a broken link; and a file named on its own is looked up on disk.
        for name in ["f.http", "g.http"] {
            try Data("HTTP/1.1 204 No Content\r\n\r\n".utf8).write(to: directory.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("f.req").path, withDestinationPath: "a.req")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("g.req").path, withDestinationPath: "missing.req")
        let walked = InputCollector.collect([directory.path])
        #expect(walked.first { $0.path.hasSuffix("/f.http") }?.requestPath?.hasSuffix("/f.req") == true)
        #expect(walked.first { $0.path.hasSuffix("/g.http") }.map { $0.requestPath == nil } == true)
        let named = InputCollector.collect([directory.appendingPathComponent("a.HTTP").path])
        #expect(named.map(\.requestPath) == [directory.appendingPathComponent("a.req").path])
    }

    /// A walk finds files in the order a sort of their whole paths gives, where names differ
    /// after a common start ("a" beside "a-b", "a.b", "a0", a directory "a" beside a file "a.http").
    @Test func walksFindFilesInPathOrder() throws {
        let directory = scratch.path("order")
        let names = ["a/1.http", "a/x/2.http", "a-b/3.http", "a.b/4.http", "ab/5.http", "a.http", "a-b.http", "A/6.http",
                     "é/7.http", "e/8.http", "é.http", "e.http", "a b.http", "a0.http", "a/x.http", "a/x-y/9.http"]
        for name in names {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("HTTP/1.1 204 No Content\r\n\r\n".utf8).write(to: url)
        }
        let walked = InputCollector.collect([directory.path]).map(\.path)
        #expect(walked == names.map { directory.appendingPathComponent($0).path }.sorted())
    }

    /// A file larger than the streaming limit is left to a stream (nil); others are read whole.
    @Test func largeFilesAreLeftToStreams() throws {
        let path = scratch.path("large.http").path
        let bytes = Array("HTTP/1.1 204 No Content\r\n\r\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try InputReader.read(path, maxSize: 1000, unlessLargerThan: bytes.count - 1) == nil)
        #expect(try InputReader.read(path, maxSize: 1000, unlessLargerThan: bytes.count) == bytes)
        #expect(throws: InputReader.Failure.self) { try InputReader.read(path, maxSize: 10, unlessLargerThan: 1000) }
        let failure = #expect(throws: InputReader.Failure.self) {
            try InputReader.read(FileManager.default.temporaryDirectory.path, maxSize: 1000, unlessLargerThan: 10)
        }
        #expect(failure?.description.contains("it is a directory") == true)
        let missing = #expect(throws: InputReader.Failure.self) { try InputReader.read(path + ".missing", maxSize: 1000, unlessLargerThan: 10) }
        #expect(missing?.description.hasSuffix("no such file") == true)
    }
}
