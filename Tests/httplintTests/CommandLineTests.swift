import Foundation
import Testing
import TestSupport

/// Runs the built `httplint` binary, as a user would, and checks its output and exit status.
@Suite struct CommandLineTests {
    /// Files a test writes; removed after each test.
    let scratch = ScratchDirectory()

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary sits next to the test bundle in the build folder.
    static let binary: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("httplint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/httplint")
    }()

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    func run(_ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        process.environment = env.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The output without the summary's " in 0.006 s", which varies.
    func untimed(_ text: String) -> String {
        text.replacing(#/ in \d+(\.\d+)? s\n/#, with: "\n")
    }

    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let url = scratch.path("\(UUID().uuidString).http")
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func cleanResponsePrintsOnlyTheSummaryAndExitsZero() throws {
        let result = try run(["Samples/nginx-200-static-file.http"])
        #expect(result.status == 0)
        #expect(untimed(result.stdout) == "httplint: 1 input, 1 response: no problems found\n")
        #expect(result.stdout.contains(#/ in \d+\.\d{3} s\n$/#), "the summary says how long it took")
        #expect(result.stderr.isEmpty)
    }

    @Test func violationIsReportedCompilerStyleAndExitsOne() throws {
        let result = try run(["Samples/401-without-www-authenticate.http"])
        #expect(result.status == 1)
        let lines = untimed(result.stdout).split(separator: "\n").map(String.init)
        #expect(lines.first == "Samples/401-without-www-authenticate.http:1:10: error: 401 Unauthorized response has no WWW-Authenticate field [unauthorized-without-www-authenticate]")
        #expect(lines.contains("    1 | HTTP/1.1 401 Unauthorized"))
        #expect(lines.contains { $0.contains("fix: ") } && lines.contains { $0.contains("spec: RFC 9110 §15.5.2") })
        #expect(lines.last == "httplint: 1 input, 1 response: 1 error, 0 warnings, 0 info")
        #expect(!result.stdout.contains("\u{1B}["), "no colour when not on a terminal")
    }

    @Test func failOnDecidesTheExitStatus() throws {
        // One warning (reason-phrase-of-another-code) and nothing else.
        let path = try temporaryFile(Array("HTTP/1.1 200 Not Found\r\nContent-Length: 2\r\n\r\nok".utf8))
        #expect(try run([path]).status == 1)
        #expect(try run(["--fail-on", "error", path]).status == 0)
        #expect(try run(["--fail-on=info", "Samples/nginx-200-static-file.http"]).status == 0)
    }

    @Test func profilesChooseRulesAndTheFailingSeverity() throws {
        // Only an info finding (reason-phrase-mismatch) besides the ignored one.
        let arguments = ["--ignore", "method-not-allowed-without-allow", "Samples/nginx-405-post-to-static-file.http"]
        #expect(try run(arguments).status == 0)
        #expect(try run(["--profile", "strict"] + arguments).status == 1)
        #expect(try run(["--profile", "strict", "--fail-on", "warning"] + arguments).status == 0)
        let portal = try temporaryFile(Array("HTTP/1.1 511 Network Authentication Required\r\nContent-Length: 0\r\n\r\n".utf8))
        #expect(!(try run([portal]).stdout.contains("network-authentication-required-from-origin")))
        #expect(try run(["--profile=all", portal]).stdout.contains("network-authentication-required-from-origin"))
    }

    @Test func ignoreSilencesARule() throws {
        let result = try run(["--ignore", "method-not-allowed-without-allow", "Samples/nginx-405-post-to-static-file.http"])
        #expect(result.status == 0, "only the info finding on the reason phrase is left")
        #expect(result.stdout.contains("[reason-phrase-mismatch]"))
        #expect(!result.stdout.contains("method-not-allowed"))
    }

    @Test func requestContextChangesFraming() throws {
        let copy = try temporaryFile(Array(Data(contentsOf: Self.root.appendingPathComponent("Samples/nginx-200-head-static-file.http"))))
        #expect(try run([copy]).status == 1, "without its request the HEAD response looks truncated")
        let result = try run(["--request", "Samples/nginx-200-head-static-file.req", copy])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(try run(["Samples/nginx-200-head-static-file.http"]).status == 0, "NAME.req beside NAME.http is its request")
    }

    @Test func standardInputAndSeveralFiles() throws {
        let bytes = try Array(Data(contentsOf: Self.root.appendingPathComponent("Samples/302-without-location.http")))
        let result = try run(["-", "Samples/nginx-200-static-file.http"], stdin: bytes)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("-:1:10: error: 302 Found response has no Location field"))
        #expect(untimed(result.stdout).hasSuffix("httplint: 2 inputs, 2 responses: 1 error, 0 warnings, 0 info\n"))
    }

    @Test func unreadableInputsAreOneLineErrorsWithStatusTwoAndTheRestIsLinted() throws {
        let missing = try run(["no-such-file.http", "Samples/302-without-location.http"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "httplint: error: cannot read 'no-such-file.http': no such file\n")
        #expect(missing.stdout.contains("[redirect-without-location]"))
        let empty = scratch.path("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let directory = try run([empty.path])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("holds no response files"))
    }

    @Test func emptyAndBinaryFilesAreLintedNotCrashed() throws {
        for bytes: [UInt8] in [[], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF]] {
            let result = try run([try temporaryFile(bytes)])
            #expect(result.status == 1)
            #expect(result.stdout.contains("[not-an-http-response]"))
            #expect(!result.stdout.utf8.contains(0x00) && !result.stdout.utf8.contains(0x1A))
        }
    }

    @Test func failOnNeverAndExitZeroOnlyCollect() throws {
        let path = try temporaryFile(Array("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".utf8))
        #expect(try run([path]).status == 1)
        #expect(try run(["--fail-on", "never", path]).status == 0)
        #expect(try run(["--exit-zero", "--format", "junit", path]).status == 0)
        // Nothing fails in JUnit either: the finding is output, not a failure.
        let junit = try run(["--fail-on=never", "--format", "junit", path]).stdout
        #expect(junit.contains(#"failures="0""#) && junit.contains("<system-out>") && junit.contains("error: line 1, col 10: 401"))
        // An input that cannot be read still exits 2.
        #expect(try run(["--exit-zero", "no-such-file.http"]).status == 2)
    }

    @Test func fileNamesReachNoTerminalRaw() throws {
        // A missing file whose name sets the terminal's title and forges a line: standard
        // error shows it escaped, and so do the reports.
        let name = "gone\u{1B}]0;pwned\u{07}\nhttplint: error: forged\u{202E}.http"
        for format in ["text", "github", "markdown", "junit", "checkstyle"] {
            let result = try run(["--format", format, name])
            #expect(result.status == 2)
            for output in [result.stdout, result.stderr] {
                #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }, "\(format)")
                #expect(!output.contains("\nhttplint: error: forged"), "\(format)")
            }
            #expect(result.stderr.contains("gone\\x1B]0;pwned\\x07\\nhttplint: error: forged\\u{202E}.http"))
        }
    }

    @Test func standardInputIsNamedByStdinFilename() throws {
        let response = Array("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".utf8)
        let sarif = try run(["--format", "sarif", "-"], stdin: response).stdout
        #expect(sarif.contains(#""uri" : "stdin""#) || sarif.contains(#""uri": "stdin""#))
        let named = try run(["--format", "sarif", "--stdin-filename", "api/answer.http", "-"], stdin: response).stdout
        #expect(named.contains(#""uri": "api/answer.http""#) && named.contains(#""uriBaseId": "%SRCROOT%""#))
        let text = try run(["--no-color", "--stdin-filename=api/answer.http", "-"], stdin: response).stdout
        #expect(text.contains("\napi/answer.http:1:10: error: 401 Unauthorized response has no WWW-Authenticate field"))
        let jsonl = try run(["--format", "jsonl", "--stdin-filename", "api/answer.http", "-"], stdin: response).stdout
        #expect(jsonl.contains(#"{"record":"input","path":"api/answer.http","entry":null,"responses":1,"findings":"#))
        #expect(try run(["--stdin-filename", "", "-"], stdin: response).status == 2)
    }

    @Test func usageErrorsExitTwo() throws {
        for arguments in [[], ["--bogus", "x"], ["--ignore", "no-such-rule", "x"], ["--format", "xml", "x"],
                          ["--fail-on", "fatal", "x"], ["--profile", "lenient", "x"], ["--request"], ["explain", "no-such-rule"]] {
            let result = try run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("httplint: error: "), "\(arguments): \(result.stderr)")
        }
    }

    /// A request file that holds no request (here, a response) does not stop its response
    /// from being linted: the request's trouble is one finding of its own.
    @Test func malformedRequestFileStillLintsItsResponse() throws {
        let result = try run(["--request", "Samples/nginx-405-post-to-static-file.http", "Samples/nginx-405-post-to-static-file.http"])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("[request-deviation]") && result.stdout.contains("a response, not a request"))
        #expect(result.stdout.contains("Samples/nginx-405-post-to-static-file.http:1:1: note: in the request"))
        #expect(result.stdout.contains("[method-not-allowed-without-allow]"))
    }

    @Test func targetLengthLimitIsConfigurable() throws {
        let request = scratch.path("long.req")
        try Data("GET /0123456789 HTTP/1.1\r\nHost: a\r\n\r\n".utf8).write(to: request)
        let response = "Samples/nginx-404-not-found.http"
        let short = try run(["--request", request.path, "--max-target-length", "8", response])
        #expect(short.stdout.contains("[long-target]") || short.stdout.contains("(long-target)"))
        let usual = try run(["--request", request.path, response])
        #expect(!usual.stdout.contains("long-target"))
    }

    /// A probe's exchanges, saved with --save, lint the same later: every finding about one
    /// exchange comes back (those comparing exchanges need the whole probe).
    @Test func probeFindsWhatTheServerDoesAndSavesItsExchanges() throws {
        let server = try TestHTTPServer(handler: TestResource(defects: [.ignoresIfNoneMatch, .headDiffers]).reply)
        defer { server.stop() }
        let directory = scratch.path("probe")
        let url = "http://127.0.0.1:\(server.port)/r"
        let probed = try run(["probe", "--format", "json", "--rate", "1000", "--timeout", "30", "--save", directory.path, url])
        #expect(probed.status == 1)
        #expect(probed.stderr.contains("httplint: probing \(url) with GET") && probed.stderr.contains("unusual requests on purpose"))
        let live = try #require(try JSONSerialization.jsonObject(with: Data(probed.stdout.utf8)) as? [String: Any])
        let liveFindings = try #require(live["findings"] as? [[String: Any]])
        let rules = Set(liveFindings.compactMap { $0["rule"] as? String })
        #expect(rules.isSuperset(of: ["precondition-evaluated-wrongly", "head-differs-from-get", "content-not-allowed"]))
        let saved = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(saved.contains("01-get.http") && saved.contains("01-get.req") && saved.contains("03-head.req"))
        let later = try run(["--format", "json", directory.path])
        let again = try #require(try JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [String: Any])
        let laterFindings = try #require(again["findings"] as? [[String: Any]])
        func key(_ finding: [String: Any]) -> String {
            "\(finding["rule"] ?? "")|\(finding["message"] ?? "")|\(finding["line"] ?? "")|\(finding["column"] ?? "")"
        }
        let acrossExchanges: Set<String> = ["head-differs-from-get", "not-modified-fields-differ", "partial-content-bytes-differ",
                                            "gzip-variant-without-vary", "gzip-variant-content-differs",
                                            "etag-changes-between-identical-gets", "conditional-request-ignored",
                                            "range-request-ignored", "allowed-method-refused", "http10-response-from-http11-server"]
        let perExchange = liveFindings.filter { !acrossExchanges.contains($0["rule"] as? String ?? "") }.map(key).sorted()
        #expect(!perExchange.isEmpty)
        #expect(laterFindings.map(key).sorted() == perExchange)
    }

    @Test func probeRefusesWhatItCannotDo() throws {
        let https = try run(["probe", "https://example.com/"])
        #expect(https.status == 2 && https.stderr.contains("curl --http1.1 -sS --raw -i"))
        let none = try run(["probe"])
        #expect(none.status == 2 && none.stderr.contains("'probe' takes one http:// URL"))
        let badHeader = try run(["probe", "-H", "no colon", "http://127.0.0.1:1/"])
        #expect(badHeader.status == 2 && badHeader.stderr.contains("--header takes 'Name: value'"))
        let refused = try run(["probe", "--timeout", "1", "http://127.0.0.1:1/"])
        #expect(refused.status == 2 && refused.stderr.contains("cannot connect to 127.0.0.1:1"))
    }

    @Test func recordsOnStandardInputAreEachTheirOwnInput() throws {
        let lines = [
            #"{"name": "edge/405", "response_text": "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"}"#,
            "{broken",
            #"{"name": "edge/ok", "response": "SFRUUC8xLjEgMjA0IE5vIENvbnRlbnQNCkRhdGU6IFNhdCwgMDUgRGVjIDIwMjYgMTA6MDA6MDAgR01UDQoNCg=="}"#,
        ]
        let result = try run(["--input", "records", "--format", "jsonl", "-"], stdin: Array(lines.joined(separator: "\n").utf8))
        #expect(result.status == 2)
        let records = result.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(records.contains { $0["path"] as? String == "edge/405" && $0["rule"] as? String == "method-not-allowed-without-allow" })
        #expect(records.contains { $0["path"] as? String == "record 2" && $0["error"] != nil })
        #expect(!records.contains { $0["path"] as? String == "edge/ok" && ($0["rule"] != nil || $0["error"] != nil) })
    }

    @Test func unreadableRequestFileIsAnInputError() throws {
        let result = try run(["--request", "missing.req", "Samples/nginx-200-static-file.http"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.req"))
    }

    @Test func jsonOutputHasAnEntryForEveryInput() throws {
        let result = try run(["--format", "json", "Samples/nginx-405-post-to-static-file.http", "missing.http"])
        #expect(result.status == 2)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let inputs = try #require(document["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["path"] as? String } == ["Samples/nginx-405-post-to-static-file.http", "missing.http"])
        #expect(inputs[1]["error"] is String)
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["method-not-allowed-without-allow", "reason-phrase-mismatch"])
    }

    @Test func severalReportsInOneRun() throws {
        let directory = scratch.path("out")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let sarif = directory.appendingPathComponent("r.sarif").path
        let junit = directory.appendingPathComponent("r.xml").path
        let result = try run(["--format", "github", "--output", "sarif=\(sarif)", "-o", "junit=\(junit)",
                              "Samples/302-without-location.http"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("::error file=Samples/302-without-location.http,line=1,col=10,"))
        #expect(try String(contentsOfFile: sarif, encoding: .utf8).contains("\"ruleId\": \"redirect-without-location\""))
        #expect(try String(contentsOfFile: junit, encoding: .utf8).contains("failures=\"1\""))
        let unwritable = try run(["--output", "json=/no/such/dir/r.json", "Samples/nginx-200-static-file.http"])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("cannot write the json report to '/no/such/dir/r.json'"))
        #expect(try run(["--output", "yaml=x", "x"]).status == 2)
    }

    @Test func directoriesInParallelKeepInputOrderAndEveryFileOnce() throws {
        let directory = scratch.path("many")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for index in 0..<300 {
            let text = index % 3 == 0 ? "HTTP/1.1 302 Found\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n" : "HTTP/1.1 204 No Content\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\n\r\n"
            try Data(text.utf8).write(to: directory.appendingPathComponent(String(format: "r%04d.http", index)))
        }
        let serial = try run(["--format", "json", directory.path])
        let parallel = try run(["--format", "json", "--jobs", "2", directory.path])
        #expect(serial.status == 1 && parallel.status == 1)
        #expect(serial.stdout == parallel.stdout)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(parallel.stdout.utf8)) as? [String: Any])
        let paths = (document["inputs"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(paths.count == 300 && Set(paths).count == 300)
        #expect((document["findings"] as? [Any])?.count == 100)
        // Three workers, more files than they may run ahead of the writer, text written as it goes.
        let serialText = try run(["--no-color", directory.path])
        let parallelText = try run(["--no-color", "--jobs", "3", directory.path])
        #expect(serialText.stdout.split(separator: "\n").filter { $0.hasPrefix(directory.path) }.count == 100)
        #expect(serialText.stdout.split(separator: "\n").dropLast(2) == parallelText.stdout.split(separator: "\n").dropLast(2))
    }

    @Test func curlAndHARInputs() throws {
        let curl = try run(["--input", "curl", "Samples/traffic/curl-iL-nginx-redirect.txt"])
        #expect(curl.status == 0, "\(curl.stdout)")
        #expect(untimed(curl.stdout) == "httplint: 1 input, 2 responses: no problems found\n")
        let har = try run(["Samples/traffic/mitmproxy-nginx.har"])
        #expect(har.status == 1)
        #expect(har.stdout.hasPrefix("Samples/traffic/mitmproxy-nginx.har [entry 3: POST http://127.0.0.1:8481/index.html]:1:10: error:"))
        #expect(try run(["--input", "wireshark", "x"]).status == 2)
    }

    @Test func packetCaptureInputs() throws {
        let capture = try run(["--no-color", "Samples/captures/pipelined-nginx.pcap"])
        #expect(capture.status == 1)
        #expect(capture.stdout.hasPrefix(
            "Samples/captures/pipelined-nginx.pcap [127.0.0.1:42384 → 127.0.0.1:18481 #1]:61:10: error: 405 Not Allowed response has no Allow field"))
        #expect(capture.stdout.contains("(frame 15) [method-not-allowed-without-allow]"))
        #expect(untimed(capture.stdout).hasSuffix("httplint: 1 input, 6 responses: 1 error, 0 warnings, 1 info\n"))
        let elsewhere = try run(["--port", "80,443", "Samples/captures/pipelined-nginx.pcap"])
        #expect(elsewhere.status == 0)
        #expect(elsewhere.stdout.contains("no HTTP/1.x connection on ports 80, 443 in the capture"))
        #expect(try run(["--input", "pcap", "--port", "18481", "Samples/captures/pipelined-dropped.pcap"]).status == 1)
        #expect(try run(["--ignore", "capture-gap", "Samples/captures/pipelined-dropped.pcap"]).status == 0)
        #expect(try run(["--port", "0", "Samples/captures/pipelined-nginx.pcap"]).stderr.contains("--port takes TCP port numbers"))
    }

    @Test func quietAndStatistics() throws {
        let quiet = try run(["--quiet", "Samples/nginx-405-post-to-static-file.http"])
        #expect(quiet.stdout.contains("[method-not-allowed-without-allow]"))
        #expect(!quiet.stdout.contains("reason-phrase-mismatch") && !quiet.stdout.contains("httplint: "))
        let statistics = try run(["--statistics", "Samples/nginx-405-post-to-static-file.http", "Samples/302-without-location.http"])
        #expect(statistics.stdout.contains("statistics:\n"))
        #expect(statistics.stdout.contains("  1  error  method-not-allowed-without-allow\n"))
    }

    @Test func configurationFileAndBaseline() throws {
        let directory = scratch.path("config")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("legacy"), withIntermediateDirectories: true)
        let redirect = directory.appendingPathComponent("r.http")
        try Data("HTTP/1.1 302 Found\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n".utf8).write(to: redirect)
        try Data("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".utf8).write(to: directory.appendingPathComponent("legacy/u.http"))
        let config = directory.appendingPathComponent("settings.json").path
        try Data(#"{"rules": {"redirect-without-location": "info"}, "ignorePaths": ["**/legacy/**"]}"#.utf8).write(to: URL(fileURLWithPath: config))
        let configured = try run(["--config", config, directory.path])
        #expect(configured.status == 0, "the only finding is now info: \(configured.stdout)")
        #expect(configured.stdout.contains("info: 302 Found response has no Location field"))
        #expect(configured.stderr.contains("1 input left out by ignorePaths"))
        #expect(try run(["--config", config, "--fail-on", "info", directory.path]).status == 1)
        let baseline = directory.appendingPathComponent("baseline.json").path
        #expect(try run(["--write-baseline", baseline, redirect.path]).status == 1)
        let known = try run(["--baseline", baseline, redirect.path])
        #expect(known.status == 0)
        #expect(known.stdout.contains("1 known finding left out by the baseline"))
        let broken = try run(["--config", "/no/such/settings.json", redirect.path])
        #expect(broken.status == 2 && broken.stderr.contains("cannot read it"))
    }

    @Test func hostileInputsAreErrorsNotHangsOrCrashes() throws {
        let root = scratch.path("hostile")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("HTTP/1.1 302 Found\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n".utf8).write(to: root.appendingPathComponent("a/r.http"))
        // A link back to the top: the walk must not follow it.
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("a/loop").path, withDestinationPath: root.path)
        let walked = try run(["--format", "jsonl", root.path])
        #expect(walked.status == 1)
        // One finding and one record for the input (and the summary): the file is linted once.
        #expect(walked.stdout.split(separator: "\n").filter { $0.contains(#""rule":"#) || $0.contains(#""record":"input""#) }.count == 2,
                "the file is linted once: \(walked.stdout)")

        let har = root.appendingPathComponent("broken.har")
        try Data("<html>not json</html>".utf8).write(to: har)
        let broken = try run([har.path, root.appendingPathComponent("a/r.http").path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("cannot read '\(har.path)' as HAR: it is not JSON"))
        #expect(broken.stdout.contains("[redirect-without-location]"), "the other input is still linted")

        let config = root.appendingPathComponent("latin1.json")
        try Data([0x7B, 0x22, 0xE9, 0x22, 0x3A, 0x31, 0x7D]).write(to: config)
        let badConfig = try run(["--config", config.path, root.appendingPathComponent("a/r.http").path])
        #expect(badConfig.status == 2 && badConfig.stderr.hasPrefix("httplint: error: \(config.path):"))
    }

    @Test func fifoIsRead() throws {
        let fifo = scratch.path("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data("HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n".utf8))
                try? handle.close()
            }
        }
        writer.start()
        let result = try run([fifo])
        #expect(result.status == 1)
        #expect(result.stdout.contains("[redirect-without-location]"))
    }

    @Test func outputClosedEarlyStopsWithStatusTwo() throws {
        let directory = scratch.path("pipe")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for index in 0..<200 {
            try Data("HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n".utf8).write(to: directory.appendingPathComponent("r\(index).http"))
        }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = [directory.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try out.fileHandleForReading.close()  // nobody reads: the first write fails with EPIPE
        try process.run()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "no death by SIGPIPE")
        #expect(process.terminationStatus == 2)
        #expect(errors.contains("cannot write to standard output"))
    }

    @Test func rulesExplainVersionHelpAndColour() throws {
        let rules = try run(["rules"])
        #expect(rules.status == 0 && rules.stdout.contains("redirect-without-location"))
        let explain = try run(["explain", "content-not-allowed"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("RFC 9110 §15.3.5") && explain.stdout.contains("HTTP/1.1 204 No Content\\r\\n"))
        let code = try run(["explain", "499"])
        #expect(code.status == 0)
        #expect(code.stdout.contains("nginx") && code.stdout.contains("log-only") && code.stdout.contains("Esri"))
        #expect(try run(["explain", "401.1"]).stdout.contains("IIS sub-status"))
        #expect(try run(["explain", "401"]).stdout.contains("401 Unauthorized (registered, RFC 9110 §15.5.2"))
        #expect(try run(["explain", "777"]).stdout.contains("outside 100–599"))
        #expect(try run(["--version"]).stdout.hasPrefix("httplint "))
        #expect(try run(["--help"]).stdout.contains("EXIT STATUS"))
        #expect(try run(["--color", "Samples/302-without-location.http"]).stdout.contains("\u{1B}[1;31m"))
        #expect(!(try run(["--color", "--no-color", "Samples/302-without-location.http"]).stdout.contains("\u{1B}[")))
    }
}
