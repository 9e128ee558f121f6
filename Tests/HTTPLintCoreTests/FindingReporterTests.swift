import HTTPLintCore
import Testing

/// One reporter serves every rule of an exchange: each finding carries the id and severity of
/// the rule that was reporting when it was added.
@Suite struct FindingReporterTests {
    @Test func findingsCarryTheRuleReportingAtTheTime() {
        var reporter = FindingReporter(ruleIDs: ["first-rule", "second-rule"], severity: .error, exchangeIndex: 3)
        #expect(reporter.ruleID == "first-rule")
        reporter.add("one", at: .at(0), status: 200)
        reporter.startRule(at: 1, severity: .info)
        reporter.add("two", at: .at(1), status: 200)
        reporter.startRule(at: 0, severity: .warning)
        reporter.add("three", at: .at(2), status: nil)
        reporter.startRule("named-rule", severity: .error)
        reporter.add("four", at: .at(3), status: 204)
        #expect(reporter.findings.map(\.rule) == ["first-rule", "second-rule", "first-rule", "named-rule"])
        #expect(reporter.findings.map(\.severity) == [.error, .info, .warning, .error])
        #expect(reporter.findings.map(\.exchange) == [3, 3, 3, 3])
        #expect(FindingReporter(ruleIDs: [], severity: .info, exchangeIndex: 0).ruleID == "")
    }
}
