import Foundation
import HTTPLint
import Testing

/// Every output format on the same inputs: one with findings whose text needs escaping, and
/// one that could not be read.
@Suite struct FormatTests {
    /// A 401 (error) whose reason phrase has `<&|%,:` in it, a warning, and an unreadable input.
    static let reports: [InputReport] = [
        InputReport(name: "dir/a b.http", outcome: .linted(Linter().lint(SourceText(
            name: "dir/a b.http", text: "HTTP/1.1 401 <Nope> & | 100%, ok: yes\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n")))),
        InputReport(name: "w.http", outcome: .linted(Linter().lint(SourceText(
            name: "w.http", text: "HTTP/1.1 200 Not Found\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n")))),
        InputReport(name: "gone.http", outcome: .failed("cannot read 'gone.http': no such file")),
    ]

    func render(_ format: OutputFormat) -> String {
        let reporter = format.reporter()
        return Self.reports.map(reporter.render).joined() + reporter.finish(Self.reports)
    }

    @Test func jsonLinesHasOneLinePerFindingPerInputAndASummary() throws {
        let lines = render(.jsonl).split(separator: "\n")
        let findings = Self.reports.flatMap(\.findings)
        // Each finding, each input (the unreadable one as its error), the summary.
        #expect(lines.count == findings.count + Self.reports.count + 1)
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
        #expect(lines.dropLast().last == #"{"path":"gone.http","error":"cannot read 'gone.http': no such file"}"#)
        #expect(lines.last == #"{"record":"summary","inputs":3,"unreadable":1,"responses":2,"errors":1,"warnings":1,"info":1}"#)
    }

    @Test func sarifHasRulesRegionsFingerprintsAndEveryInput() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(render(.sarif).utf8)) as? [String: Any])
        #expect(document["version"] as? String == "2.1.0")
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == RuleCatalogue.rules.count)
        let results = try #require(run["results"] as? [[String: Any]])
        let first = try #require(results.first { $0["ruleId"] as? String == "unauthorized-without-www-authenticate" })
        #expect(first["level"] as? String == "error")
        let index = try #require(first["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == "unauthorized-without-www-authenticate")
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "dir/a%20b.http")
        let region = try #require(location["region"] as? [String: Int])
        #expect(region == ["startLine": 1, "startColumn": 10, "endLine": 1, "endColumn": 13, "byteOffset": 9, "byteLength": 3])
        #expect(results.contains { $0["level"] as? String == "warning" })
        #expect((run["artifacts"] as? [Any])?.count == 3)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect((invocation["toolExecutionNotifications"] as? [Any])?.count == 1)
        #expect(render(.sarif) == render(.sarif), "fingerprints and order are stable")
    }

    @Test func junitHasOneCasePerExchangeAndEscapes() {
        let xml = render(.junit)
        #expect(xml.contains(#"<testsuites name="httplint" tests="3" failures="2" errors="1">"#))
        #expect(xml.contains(#"<testsuite name="dir/a b.http" tests="1" failures="1""#))
        #expect(xml.contains("&lt;Nope&gt; &amp;"))
        #expect(!xml.contains("<Nope>"))
        #expect(xml.contains(#"<error type="input" message="cannot read &apos;gone.http&apos;: no such file">"#))
    }

    @Test func checkstyleNamesRuleSources() {
        let xml = render(.checkstyle)
        #expect(xml.contains(#"<file name="dir/a b.http">"#))
        #expect(xml.contains(#"line="1" column="10" severity="error""#))
        #expect(xml.contains(#"source="unauthorized-without-www-authenticate""#))
        #expect(xml.contains(#"source="httplint.input""#))
    }

    @Test func githubAnnotationsEscapePropertiesAndData() {
        let lines = render(.github).split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("::error file=dir/a b.http,line=1,col=10,endColumn=13,title=httplint unauthorized-without-www-authenticate::") })
        #expect(lines.contains { $0.hasPrefix("::warning file=w.http,line=1,col=14,") })
        #expect(lines.contains { $0.hasPrefix("::notice ") })
        #expect(lines.contains("::error file=gone.http,title=httplint::cannot read 'gone.http': no such file"))
        let reason = lines.first { $0.contains("reason-phrase-mismatch") } ?? ""
        #expect(reason.contains("100%25"), "percent signs in the message are escaped: \(reason)")
    }

    @Test func markdownTableEscapesCells() {
        let markdown = render(.markdown)
        #expect(markdown.contains("3 inputs, 2 responses: **1** errors, **1** warnings"))
        #expect(markdown.contains("| error | | gone.http | cannot read 'gone.http': no such file |"))
        #expect(markdown.contains("&lt;Nope&gt; &amp; &#124; 100%, ok: yes"))
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }.count == Self.reports.flatMap(\.findings).count + 2)
    }
}
