import Foundation
import HTTPLint
import Testing
import TestSupport

@Suite struct ConfigurationTests {
    /// Files a test writes; removed after each test.
    let scratch = ScratchDirectory()

    @Test(arguments: [
        ("captures/legacy/**", "captures/legacy/2024/a.http", true),
        ("captures/legacy/**", "./captures/legacy/a.http", true),
        ("captures/legacy/**", "captures/new/a.http", false),
        ("*.har", "traffic/run.har", true),
        ("*.har", "traffic/run.http", false),
        ("traffic/*.txt", "traffic/curl-v.txt", true),
        ("traffic/*.txt", "traffic/deep/curl-v.txt", false),
        ("**/cdn-??.http", "a/b/cdn-01.http", true),
        ("**/cdn-??.http", "a/b/cdn-1.http", false),
        ("a/**", "a", true),
        ("**/b/**/d.http", "b/d.http", true),
        ("**/b/**/d.http", "a/b/c/c/d.http", true),
        ("**/b/**/d.http", "a/c/d.http", false),
        ("a/**/**/b/*.http", "a/x/b/y.http", true),
        ("a/**/b/**/b/z.http", "a/b/b/z.http", true),
        ("a/**/b/**/b/z.http", "a/b/z.http", false),
        // Found by the glob fuzz target: a `*` in the path took the pattern's `*` literally.
        ("*", "a/**cn1.http", true),
        ("x*y", "x*zy", true),
    ])
    func globs(_ pattern: String, _ path: String, _ matches: Bool) {
        #expect(Glob(pattern).matches(path) == matches, "\(pattern) vs \(path)")
    }

    /// Twenty `**` against a path sixty directories deep, matching and not: a glob that tried
    /// every split for each `**` would not finish.
    @Test func manyGlobstarsMatchInPolynomialTime() {
        let deep = (1...60).map { "d\($0)" }.joined(separator: "/")
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let failing = Glob(Array(repeating: "**/d*", count: 20).joined(separator: "/") + "/nomatch.http")
            #expect(!failing.matches(deep + "/r.http"))
            let matching = Glob(Array(repeating: "**/d*", count: 20).joined(separator: "/") + "/**/r.http")
            #expect(matching.matches(deep + "/r.http"))
        }
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    func parse(_ json: String) throws -> ConfigurationFile {
        let url = scratch.path("\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return try ConfigurationFile.load(url.path)
    }

    @Test func settingsMergeWithOverridesInOrder() throws {
        let file = try parse("""
            {"profile": "strict", "failOn": "error",
             "rules": {"reason-phrase-mismatch": "off", "missing-retry-after": "warning"},
             "ignorePaths": ["legacy/**"],
             "overrides": [{"files": ["cdn/**"], "rules": {"unofficial-status-code": "off", "missing-retry-after": "info"}}]}
            """)
        #expect(file.profile == .strict)
        #expect(file.failOn == .error)
        #expect(file.ignores("legacy/a.http") && !file.ignores("cdn/a.http"))
        #expect(file.ruleSettings(for: "a.http") == ["reason-phrase-mismatch": .off, "missing-retry-after": .severity(.warning)])
        #expect(file.ruleSettings(for: "cdn/x.http")["missing-retry-after"] == .severity(.info))
        #expect(file.ruleSettings(for: "cdn/x.http")["unofficial-status-code"] == .off)
    }

    @Test(arguments: [
        (#"{"rulez": {}}"#, "unknown key \"rulez\""),
        (#"{"rules": {"no-such-rule": "off"}}"#, "unknown rule id \"no-such-rule\""),
        (#"{"rules": {"reason-phrase-mismatch": "loud"}}"#, "must be \"off\", \"info\", \"warning\" or \"error\""),
        (#"{"profile": "lenient"}"#, "\"profile\" must be"),
        (#"{"overrides": [{"paths": []}]}"#, "unknown key \"paths\" in overrides[0]"),
        (#"["not", "an", "object"]"#, "the top level must be an object"),
        ("{broken", "not valid JSON"),
        // Refused with the line and column of what is wrong.
        ("{\"rules\": {},\n \"rules\": {}}", ".json:2:2: not valid JSON: duplicate key \"rules\""),
        ("{\"rules\": {\"reason-phrase-mismatch\": \"off\",\n  \"reason-phrase-mismatch\": \"error\"}}", ":2:3: not valid JSON: duplicate key \"reason-phrase-mismatch\" in rules"),
        ("{\"profile\": \"strict\",\n\n   \"failOn\": warning}", ":3:14: not valid JSON: expected a value"),
        ("{\"overrides\": [\n  {\"rules\": {\"reason-phrase-mismatch\": \"off\"}}]}", ":2:3: overrides[0] has no \"files\""),
        ("{\"rules\": {\n  \"no-such-rule\": \"off\"}}", ":2:19: unknown rule id \"no-such-rule\""),
    ])
    func mistakesAreErrorsThatNameTheKey(_ json: String, _ expected: String) {
        #expect {
            _ = try parse(json)
        } throws: { error in
            String(describing: error).contains(expected)
        }
    }

    @Test(arguments: [
        ("{\"version\": 1, \"findings\": [], \"version\": 1}", ":1:32: not valid JSON: duplicate key \"version\""),
        ("{\"version\": 1, \"findings\": [\n {\"path\": \"a\", \"exchange\": 0, \"rule\": \"x\", \"message\": \"m\", \"severity\": \"error\"}]}",
         ".json:2:72: unknown key \"severity\" in findings[0]"),
        ("{\"version\": 1, \"findings\": [\n {\"path\": \"a\", \"exchange\": 0, \"rule\": \"x\", \"message\": \"m\", \"count\": -5}]}",
         ".json:2:69: findings[0].count must be a whole number of findings, 1 or more"),
        ("{\"version\": 1, \"findings\": [{\"path\": \"a\", \"exchange\": 0, \"rule\": \"x\", \"message\": \"m\", \"count\": 1e300}]}", "count must be a whole number"),
        ("{\"version\": 1, \"findings\": [{\"path\": \"a\", \"exchange\": 0, \"rule\": \"x\", \"message\": \"m\", \"count\": 2.5}]}", "count must be a whole number"),
        ("{\"version\": 1, \"findings\": [{\"path\": \"a\", \"exchange\": 0, \"rule\": \"x\", \"message\": \"m\", \"count\": true}]}", "count must be a whole number"),
        ("{\"version\": 1, \"extra\": 2, \"findings\": []}", ":1:25: unknown key \"extra\""),
    ])
    func baselineMistakesAreRefusedWhereTheyAre(_ json: String, _ expected: String) throws {
        let url = scratch.path("\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        #expect {
            _ = try Baseline(contentsOf: url.path)
        } throws: { error in
            String(describing: error).contains(expected)
        }
    }

    @Test func baselineCountsWhatMatchedNothing() throws {
        let url = scratch.path("baseline.json")
        try Data(#"{"version": 1, "findings": [{"path": "a", "entry": null, "exchange": 0, "rule": "x", "message": "m", "count": 3}]}"#.utf8).write(to: url)
        let baseline = try Baseline(contentsOf: url.path)
        #expect(baseline.unmatched == 3)
    }

    @Test func severityOverridesAndForcedRules() {
        let linter = Linter(configuration: .init(severities: ["redirect-without-location": .warning,
                                                              "network-authentication-required-from-origin": .info]))
        let redirect = linter.lint(SourceText(name: "r", text: "HTTP/1.1 302 Found\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n"))
        #expect(redirect.findings.map(\.severity) == [.warning])
        let portal = linter.lint(SourceText(name: "p", text: "HTTP/1.1 511 Network Authentication Required\r\nContent-Length: 0\r\n\r\n"))
        #expect(portal.findings.map(\.rule).contains("network-authentication-required-from-origin"), "a severity turns an opt-in rule on")
    }

    @Test func baselineAbsorbsKnownFindingsByRuleInputAndExchangeNotLine() throws {
        let old = [InputReport(name: "a.http", outcome: .linted(Linter().lint(SourceText(
            name: "a.http", text: "HTTP/1.1 302 Found\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n"))))]
        let url = scratch.path("\(UUID().uuidString).json")
        try Data(Baseline(recording: old).json().utf8).write(to: url)
        var baseline = try Baseline(contentsOf: url.path)
        // The same finding two lines further down, and a new one.
        let shifted = InputReport(name: "a.http", outcome: .linted(Linter().lint(SourceText(
            name: "a.http", text: "\r\n\r\nHTTP/1.1 302 Found\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n"))))
        let (report, suppressed) = baseline.absorb(shifted)
        #expect(suppressed == 1)
        #expect(!report.findings.map(\.rule).contains("redirect-without-location"))
        #expect(report.findings.map(\.rule).contains("duplicate-content-length"))
        #expect(throws: Baseline.Problem.self) { try Baseline(contentsOf: "/no/such/baseline.json") }
    }
}
