/// JUnit XML as Jenkins, GitLab and GitHub test reporters read it: one test suite per input
/// file, one test case per exchange (a HAR entry's exchange is named by its entry), so that the
/// cases of an input are the same from run to run whatever was found.
///
/// Only findings at or above the failing severity (`--fail-on`) fail: an exchange with such
/// findings is one `<failure>` whose type lists their rules and whose text lists each one
/// (Jenkins keeps one failure per case); findings below it go to the case's `<system-out>`, so
/// a job that passes shows no failed test. An unreadable input is a case with an `<error>`, a
/// HAR entry without a response a skipped case.
/// `classname` is the input's path with dots made underscores (Jenkins splits it at dots).
///
///     <testsuite name="a.http" tests="1" failures="1" errors="0" skipped="0" time="0">
///       <testcase classname="a_http" name="exchange 0 (405)" file="a.http" time="0">
///         <failure type="method-not-allowed-without-allow" message="…">error: line 1, col 10: … [method-not-allowed-without-allow]</failure>
public struct JUnitReporter: Reporter {
    /// The lowest severity that fails a case; `nil`: none does (`--fail-on never`).
    public let failOn: Severity?

    public init(failOn: Severity? = .warning) {
        self.failOn = failOn
    }

    public func render(_ input: InputReport) -> String { "" }

    public func finish(_ inputs: [InputReport]) -> String {
        var suites = ""
        var totalTests = 0, totalFailures = 0, totalErrors = 0
        for (name, reports) in groupedByFile(inputs) {
            let path = XML.escape(Printable.display(name))
            let classname = XML.escape(Printable.display(name).replacing(".", with: "_"))
            var cases = ""
            var tests = 0, failures = 0, errors = 0, skipped = 0
            for input in reports {
                switch input.outcome {
                case .failed(let reason):
                    tests += 1
                    errors += 1
                    let text = XML.escape(Printable.display(reason))
                    cases += "    <testcase classname=\"\(classname)\" name=\"read input\" file=\"\(path)\" time=\"0\">\n"
                    cases += "      <error type=\"input\" message=\"\(text)\">\(text)</error>\n    </testcase>\n"
                case .linted(let result) where result.exchanges.isEmpty && result.findings.isEmpty && input.part != nil:
                    // A HAR entry without a response (blocked, aborted): nothing to lint.
                    tests += 1
                    skipped += 1
                    cases += "    <testcase classname=\"\(classname)\" name=\"\(XML.escape(Printable.display(input.part!)))\" file=\"\(path)\" time=\"0\">\n"
                    cases += "      <skipped message=\"no response to lint\"/>\n    </testcase>\n"
                case .linted(let result):
                    var byExchange: [Int: [LocatedFinding]] = [:]
                    for located in LocatedFinding.all(in: input) { byExchange[located.finding.exchange, default: []].append(located) }
                    var indices = result.exchanges.map(\.index)
                    // Findings of an exchange the report kept no model of (counts only) still count.
                    for index in byExchange.keys.sorted() where !indices.contains(index) { indices.append(index) }
                    let statuses = Dictionary(result.exchanges.map { ($0.index, $0.response.status) }, uniquingKeysWith: { first, _ in first })
                    for index in indices {
                        tests += 1
                        let findings = byExchange[index] ?? []
                        let failing = findings.filter { fails($0.finding) }
                        let others = findings.filter { !fails($0.finding) }
                        let status = (statuses[index] ?? nil).map { " (\($0))" } ?? ""
                        let exchange = (input.part.map { "\($0), " } ?? "") + "exchange \(index)\(status)"
                        cases += "    <testcase classname=\"\(classname)\" name=\"\(XML.escape(Printable.display(exchange)))\" file=\"\(path)\" time=\"0\""
                        if failing.isEmpty && others.isEmpty {
                            cases += "/>\n"
                            continue
                        }
                        cases += ">\n"
                        if !failing.isEmpty {
                            failures += 1
                            var rules: [String] = []
                            for located in failing where !rules.contains(located.finding.rule) { rules.append(located.finding.rule) }
                            let headline = failing.count == 1 ? failing[0].finding.message
                                : "\(failing.count) findings: \(rules.joined(separator: ", "))"
                            cases += "      <failure type=\"\(XML.escape(rules.joined(separator: " ")))\" message=\"\(XML.escape(Printable.display(headline)))\">"
                                + XML.escape(lines(failing)) + "</failure>\n"
                        }
                        if !others.isEmpty { cases += "      <system-out>" + XML.escape(lines(others)) + "</system-out>\n" }
                        cases += "    </testcase>\n"
                    }
                }
            }
            totalTests += tests
            totalFailures += failures
            totalErrors += errors
            suites += "  <testsuite name=\"\(path)\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"0\">\n"
            suites += cases + "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"httplint\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"\(totalErrors)\">\n"
            + suites + "</testsuites>\n"
    }

    private func fails(_ finding: Finding) -> Bool {
        failOn.map { finding.severity >= $0 } ?? false
    }

    /// One line per finding: `error: line 1, col 10: message [rule]`.
    private func lines(_ findings: [LocatedFinding]) -> String {
        findings.map { "\($0.finding.severity): line \($0.line), col \($0.column): \(Printable.display($0.finding.message)) [\($0.finding.rule)]" }
            .joined(separator: "\n")
    }
}

/// The reports of a run grouped by input file, in the order the files first appear: a HAR
/// archive's entries and a streamed input's windows under their one file.
func groupedByFile(_ inputs: [InputReport]) -> [(name: String, reports: [InputReport])] {
    var order: [String] = []
    var groups: [String: [InputReport]] = [:]
    for input in inputs {
        if groups[input.name] == nil { order.append(input.name) }
        groups[input.name, default: []].append(input)
    }
    return order.map { ($0, groups[$0]!) }
}
