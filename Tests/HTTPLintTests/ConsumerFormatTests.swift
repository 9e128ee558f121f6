import Foundation
import HTTPLint
import Testing

/// What each format's consumers need (issue 22 §1): SARIF paths GitHub maps to repository
/// files, JUnit that fails only at the failing severity, one checkstyle file per file, Markdown
/// that renders wire text as text, JSON Lines that accounts for every input.
@Suite struct ConsumerFormatTests {
    /// A file name with spaces, dots, non-ASCII and a backtick.
    static let oddName = "dir/we`ird name.v1.ü.http"

    static func report(_ text: String, name: String = oddName) -> InputReport {
        InputReport(name: name, outcome: .linted(Linter().lint(SourceText(name: name, text: text))))
    }

    /// A 401 without a challenge (error) whose reason phrase is `<script>x</script>`.
    static let script = report("HTTP/1.1 401 <script>x</script>\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n")
    static let clean = report("HTTP/1.1 204 No Content\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\n\r\n", name: "clean.http")
    /// Only below-error findings: a 200 whose phrase is another code's (warning).
    static let warning = report("HTTP/1.1 200 Not Found\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n", name: "w.http")

    /// Three entries: a 401 (line 2 of the archive), one without a response (line 5), a 200
    /// whose Content-Type is text/plain without a charset (line 7).
    static let har = Array("""
        {"log": {"version": "1.2", "creator": {"name": "x", "version": "1"}, "entries": [
          {"request": {"method": "GET", "url": "https://api.example/x", "httpVersion": "HTTP/1.1", "headers": []},
           "response": {"status": 401, "statusText": "Unauthorized", "httpVersion": "HTTP/1.1",
                        "headers": [{"name": "Date", "value": "Sat, 21 Nov 2026 10:00:00 GMT"}], "content": {}}},
          {"request": {"method": "GET", "url": "https://blocked.example/", "httpVersion": "", "headers": []},
           "response": {"status": 0, "statusText": "", "httpVersion": "", "headers": [], "content": {}}},
          {"request": {"method": "GET", "url": "https://api.example/b", "httpVersion": "HTTP/1.1", "headers": []},
           "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1",
                        "headers": [{"name": "Content-Type", "value": "text/plain"}, {"name": "Date", "value": "Sat, 21 Nov 2026 10:00:00 GMT"}],
                        "content": {"size": 2, "text": "ok"}}}
        ]}}
        """.utf8)

    static func harReports() -> [InputReport] {
        Linter(configuration: .init(profile: .all)).lintInput(named: "traffic/site.har", bytes: har, kind: .har)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: SARIF

    func sarifRun(_ reports: [InputReport], workingDirectory: String = "/repo") throws -> [String: Any] {
        let document = try json(SARIFReporter(workingDirectory: workingDirectory).finish(reports))
        return try #require((document["runs"] as? [[String: Any]])?.first)
    }

    func firstLocation(_ run: [String: Any]) throws -> [String: Any] {
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let location = try #require((result["locations"] as? [[String: Any]])?.first)
        return try #require(location["physicalLocation"] as? [String: Any])
    }

    @Test func sarifPathsAreRelativeToTheSourceRootHoweverTyped() throws {
        for typed in [Self.oddName, "./dir/../\(Self.oddName)", "/repo/\(Self.oddName)"] {
            let run = try sarifRun([Self.report("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n", name: typed)])
            let bases = try #require(run["originalUriBaseIds"] as? [String: [String: String]])
            #expect(bases == ["%SRCROOT%": ["uri": "file:///repo/"]])
            let artifact = try #require(try firstLocation(run)["artifactLocation"] as? [String: Any])
            #expect(artifact["uri"] as? String == "dir/we%60ird%20name.v1.%C3%BC.http", "\(typed)")
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        }
        let outside = try sarifRun([Self.report("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n", name: "/elsewhere/r.http")])
        let artifact = try #require(try firstLocation(outside)["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "file:///elsewhere/r.http")
        #expect(artifact["uriBaseId"] == nil)
    }

    @Test func sarifNamesStandardInput() throws {
        let text = "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n"
        let plain = try sarifRun([Self.report(text, name: "-")])
        #expect((try firstLocation(plain)["artifactLocation"] as? [String: Any])?["uri"] as? String == "stdin")
        let reporter = OutputFormat.sarif.reporter(standardInputName: "api/answer.http")
        let named = try #require((try json(reporter.finish([Self.report(text, name: "-")]))["runs"] as? [[String: Any]])?.first)
        #expect((try firstLocation(named)["artifactLocation"] as? [String: Any])?["uri"] as? String == "api/answer.http")
        // Every format takes the name.
        let jsonl = OutputFormat.jsonl.reporter(standardInputName: "api/answer.http").render(Self.report(text, name: "-"))
        #expect(jsonl.contains(#""path":"api/answer.http""#) && !jsonl.contains(#""path":"-""#))
    }

    @Test func sarifFingerprintsDoNotDependOnTheWorkingDirectoryOrTheTypedPath() throws {
        func fingerprints(_ name: String, _ directory: String) throws -> [String] {
            let run = try sarifRun([Self.report("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n", name: name)], workingDirectory: directory)
            return try #require(run["results"] as? [[String: Any]]).map { ($0["partialFingerprints"] as? [String: String])?["httplintFinding/v2"] ?? "" }
        }
        let reference = try fingerprints("api/r.http", "/repo")
        #expect(!reference.isEmpty && !reference.contains(""))
        #expect(try fingerprints("./api/r.http", "/repo") == reference)
        #expect(try fingerprints("r.http", "/repo/api") == reference)
        #expect(try fingerprints("/checkout/api/r.http", "/elsewhere") == reference)
    }

    @Test func sarifHAREntriesHaveTheirLineAndEntry() throws {
        let run = try sarifRun(Self.harReports())
        let results = try #require(run["results"] as? [[String: Any]])
        let lines = try results.map { result -> Int in
            let location = try #require((result["locations"] as? [[String: Any]])?.first)
            let physical = try #require(location["physicalLocation"] as? [String: Any])
            return try #require((physical["region"] as? [String: Int])?["startLine"])
        }
        #expect(Set(lines) == [2, 7])
        let logical = (results.first?["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: String]]
        #expect(logical?.first?["fullyQualifiedName"] == "entry 0: GET https://api.example/x")
    }

    @Test func sarifRulesLinkTheirOwnDocumentation() throws {
        let run = try sarifRun([Self.script])
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let rule = try #require(rules.first { $0["id"] as? String == "unauthorized-without-www-authenticate" })
        #expect(rule["name"] as? String == "UnauthorizedWithoutWwwAuthenticate")
        #expect((rule["shortDescription"] as? [String: String])?["text"]?.isEmpty == false)
        #expect((rule["fullDescription"] as? [String: String])?["text"]?.isEmpty == false)
        let help = try #require(rule["help"] as? [String: String])
        #expect(help["markdown"]?.contains("**Fix:**") == true && help["markdown"]?.contains("Triggers on:") == true)
        #expect(rule["helpUri"] as? String == "\(HTTPLintVersion.repository)/blob/main/Rules/README.md#unauthorized-without-www-authenticate")
        #expect(((rule["properties"] as? [String: Any])?["specs"] as? [String])?.first == "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2")
        // Each anchor is a heading of the page.
        let page = try PackageFiles.text("Rules/README.md")
        for rule in rules { #expect(page.contains("### `\(rule["id"] as? String ?? "")`\n")) }
    }

    /// Code-point columns on a long line come from a table of counts (so that many findings
    /// on one line cost one pass over it): they equal counting from the line's start.
    @Test func codePointColumnsOnLongLinesEqualCountingFromTheStart() throws {
        let directives = (0..<400).map { $0 % 3 == 0 ? "max-age=é\($0)" : "max-age=x\($0)" }
        let report = Self.report("HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nX-Ü: ü\r\nCache-Control: é, "
                                 + directives.joined(separator: ", ") + "\r\nContent-Length: 0\r\n\r\n", name: "long.http")
        guard case .linted(let result) = report.outcome else { Issue.record("not linted"); return }
        let index = LineIndex(result.source)
        let located = LocatedFinding.all(in: report)
        #expect(located.filter { $0.line == 4 }.count > 100)
        for item in located {
            let (line, column) = index.location(of: item.finding.span.offset)
            let expected = index.lineBytes(line).prefix(column - 1).filter { ($0 & 0xC0) != 0x80 }.count + 1
            #expect(item.codePointColumn == expected, "\(item.finding.message)")
            let (endLine, endColumn) = index.location(of: item.finding.span.end)
            #expect(item.codePointEndColumn == index.lineBytes(endLine).prefix(endColumn - 1).filter { ($0 & 0xC0) != 0x80 }.count + 1)
        }
    }

    // MARK: JUnit

    /// The attribute values of every `<tag …>` in `xml`.
    func elements(_ tag: String, in xml: String) -> [[String: String]] {
        xml.matches(of: try! Regex("<\(tag)(?=[ />])([^>]*)>")).map { match in
            var attributes: [String: String] = [:]
            let text = String(match.output[1].substring ?? "")
            for attribute in text.matches(of: #/([a-zA-Z]+)="([^"]*)"/#) { attributes[String(attribute.output.1)] = String(attribute.output.2) }
            return attributes
        }
    }

    @Test func junitFailsOnlyAtTheFailingSeverityAndCountsAddUp() {
        let reports = [Self.script, Self.warning, Self.clean, InputReport(name: "gone.http", outcome: .failed("cannot read 'gone.http': no such file"))]
        let xml = JUnitReporter(failOn: .error).finish(reports)
        let cases = elements("testcase", in: xml)
        let root = elements("testsuites", in: xml)[0]
        #expect(root["tests"] == String(cases.count))
        #expect(root["failures"] == "1" && root["errors"] == "1")
        #expect(elements("failure", in: xml).count == 1)
        #expect(elements("failure", in: xml)[0]["type"] == "unauthorized-without-www-authenticate")
        // The warning is output, not a failure.
        #expect(xml.contains("<system-out>warning: line 1, col 14: "))
        #expect(cases.map { $0["name"] } == ["exchange 0 (401)", "exchange 0 (200)", "exchange 0 (204)", "read input"])
        #expect(cases[0]["classname"] == "dir/we`ird name_v1_ü_http")
        #expect(cases.allSatisfy { !($0["classname"] ?? ".").contains(".") })
        let suites = elements("testsuite", in: xml)
        #expect(suites.reduce(0) { $0 + Int($1["tests"]!)! } == cases.count)
        // Warnings fail with the default threshold, nothing with `never`.
        #expect(elements("failure", in: JUnitReporter(failOn: .warning).finish(reports)).count == 2)
        #expect(elements("failure", in: JUnitReporter(failOn: nil).finish(reports)).isEmpty)
    }

    @Test func junitNamesAreStableAcrossRuns() {
        // The same exchange with findings on other lines keeps its name.
        let before = Self.report("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n", name: "a.http")
        let after = Self.report("HTTP/1.1 401 Unauthorized\r\nX-A: 1\r\nX-B: 2\r\nContent-Length: 0\r\n\r\n", name: "a.http")
        #expect(elements("testcase", in: JUnitReporter().finish([before])).map { $0["name"] }
                == elements("testcase", in: JUnitReporter().finish([after])).map { $0["name"] })
    }

    @Test func junitHAREntriesAreCasesOfOneSuite() {
        let xml = JUnitReporter(failOn: .warning).finish(Self.harReports())
        #expect(elements("testsuite", in: xml).map { $0["name"] } == ["traffic/site.har"])
        let cases = elements("testcase", in: xml)
        #expect(cases.map { $0["name"] } == ["entry 0: GET https://api.example/x, exchange 0 (401)",
                                               "entry 1: GET https://blocked.example/",
                                               "entry 2: GET https://api.example/b, exchange 0 (200)"])
        #expect(cases.allSatisfy { $0["classname"] == "traffic/site_har" && $0["file"] == "traffic/site.har" })
        #expect(elements("testsuite", in: xml)[0]["skipped"] == "1")
        #expect(elements("testsuites", in: xml)[0]["tests"] == "3")
    }

    // MARK: Checkstyle

    @Test func checkstyleHasOneFilePerFileALineAndTheRuleAsSource() {
        let reports = Self.harReports() + [Self.script, InputReport(name: "gone.http", outcome: .failed("cannot read 'gone.http': no such file"))]
        let xml = CheckstyleReporter().finish(reports)
        #expect(elements("file", in: xml).map { $0["name"] } == ["traffic/site.har", Self.oddName, "gone.http"])
        let errors = elements("error", in: xml)
        #expect(errors.allSatisfy { $0["line"] != nil })
        #expect(errors.contains { $0["line"] == "2" && $0["source"] == "unauthorized-without-www-authenticate" })
        #expect(errors.contains { $0["line"] == "7" && $0["source"] == "text-without-charset" })
        #expect(errors.contains { $0["line"] == "1" && $0["source"] == "httplint.input" })
        #expect(!errors.contains { $0["source"]?.hasPrefix("httplint.") == true && $0["source"] != "httplint.input" })
    }

    // MARK: Markdown

    @Test func markdownRendersWireTextAsText() {
        let markdown = MarkdownReporter().finish([Self.script])
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("&lt;script&gt;x&lt;/script&gt;"))
        // The backtick stays a backtick (a character reference), the name's other bytes as they are.
        #expect(markdown.contains("| dir/we&#96;ird name.v1.ü.http:1:10 |"))
        let row = markdown.split(separator: "\n").first { $0.contains("unauthorized-without-www-authenticate") } ?? ""
        #expect(row.filter { $0 == "|" }.count == 5, "one row of four cells: \(row)")
    }

    @Test func markdownStopsBeforeTheCapWithALastLine() {
        let many = Self.report("HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nCache-Control: "
                               + Array(repeating: "max-age=x", count: 500).joined(separator: ", ") + "\r\nContent-Length: 0\r\n\r\n", name: "many.http")
        let total = many.findings.count
        let markdown = MarkdownReporter(maxSize: 8192).finish([many])
        #expect(markdown.utf8.count <= 8192)
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| severity") }.count
        let last = markdown.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("**\(total - rows) more findings left out**"), "\(last)")
        #expect(last.contains("--format json"))
        #expect(MarkdownReporter().finish([many]).split(separator: "\n").filter { $0.hasPrefix("| ") }.count == total + 1)
    }

    // MARK: JSON Lines

    @Test func jsonLinesHasARecordPerInputAndASummary() throws {
        let reporter = JSONLinesReporter()
        let reports = [Self.script, Self.clean, InputReport(name: "gone.http", outcome: .failed("cannot read 'gone.http': no such file"))]
        let text = reports.map(reporter.render).joined() + reporter.finish([])
        let records = try text.split(separator: "\n").map { try json(String($0)) }
        let inputs = records.filter { $0["record"] as? String == "input" }
        #expect(inputs.map { $0["path"] as? String } == [Self.oddName, "clean.http"])
        #expect(inputs.map { $0["findings"] as? Int } == [Self.script.findings.count, 0])
        #expect(records.filter { $0["rule"] != nil }.count == Self.script.findings.count + Self.clean.findings.count)
        #expect(records.contains { $0["error"] as? String == "cannot read 'gone.http': no such file" })
        let summary = try #require(records.last)
        #expect(summary["record"] as? String == "summary")
        #expect(summary["inputs"] as? Int == 3 && summary["unreadable"] as? Int == 1 && summary["responses"] as? Int == 2)
        #expect(summary["errors"] as? Int == Self.script.findings.filter { $0.severity == .error }.count)
    }

    // MARK: Fixes that name what was seen

    @Test func fixesNameTheCodeAndMediaTypeSeen() throws {
        let phrase = Self.report("HTTP/1.1 404 File not found\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n", name: "p.http")
        #expect(phrase.findings.first { $0.rule == "reason-phrase-mismatch" }?.fix == "Send the registered phrase: `404 Not Found`")
        #expect(TextReporter().render(phrase).contains("fix: Send the registered phrase: `404 Not Found`\n"))
        let charset = try #require(Self.harReports().flatMap(\.findings).first { $0.rule == "text-without-charset" })
        #expect(charset.fix == "Add the charset: `Content-Type: text/plain; charset=utf-8`")
        let finding = try #require(try json(JSONReporter().finish([phrase]))["findings"] as? [[String: Any]])
            .first { $0["rule"] as? String == "reason-phrase-mismatch" }
        #expect(finding?["fix"] as? String == "Send the registered phrase: `404 Not Found`")
    }
}
