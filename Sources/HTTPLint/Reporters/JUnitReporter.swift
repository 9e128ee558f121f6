/// JUnit XML with one test suite per input and one test case per exchange (a final response
/// and its interim ones), as GitHub test reporters, GitLab and Jenkins read it. An exchange
/// with findings is one failure listing all of them (Jenkins keeps one failure per case); an
/// unreadable input is a suite with one erroring case; a clean exchange is a passing case,
/// so `tests` is never 0.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ input: InputReport) -> String { "" }

    public func finish(_ inputs: [InputReport]) -> String {
        var suites = ""
        var totalTests = 0, totalFailures = 0, totalErrors = 0
        for input in inputs {
            let name = XML.escape(input.part.map { "\(input.name) [\($0)]" } ?? input.name)
            switch input.outcome {
            case .failed(let reason):
                totalTests += 1
                totalErrors += 1
                suites += "  <testsuite name=\"\(name)\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0\">\n"
                suites += "    <testcase classname=\"\(name)\" name=\"read input\" file=\"\(name)\" time=\"0\">\n"
                suites += "      <error type=\"input\" message=\"\(XML.escape(reason))\">\(XML.escape(reason))</error>\n"
                suites += "    </testcase>\n  </testsuite>\n"
            case .linted(let result):
                let located = LocatedFinding.all(in: input)
                var cases = ""
                var failures = 0
                for exchange in result.exchanges {
                    let findings = located.filter { $0.finding.exchange == exchange.index }
                    let status = exchange.response.status.map { " (\($0))" } ?? ""
                    let line = findings.first.map { ", line \($0.line)" } ?? ""
                    cases += "    <testcase classname=\"\(name)\" name=\"exchange \(exchange.index)\(status)\(line)\" file=\"\(name)\" time=\"0\""
                    if findings.isEmpty {
                        cases += "/>\n"
                        continue
                    }
                    failures += 1
                    let body = findings.map { "\($0.finding.severity): line \($0.line), col \($0.column): \($0.finding.message) [\($0.finding.rule)]" }
                        .joined(separator: "\n")
                    let headline = findings.count == 1 ? findings[0].finding.message : "\(findings.count) findings: \(findings[0].finding.message) …"
                    cases += ">\n      <failure type=\"\(XML.escape(findings[0].finding.rule))\" message=\"\(XML.escape(headline))\">"
                        + XML.escape(body) + "</failure>\n    </testcase>\n"
                }
                totalTests += result.exchanges.count
                totalFailures += failures
                suites += "  <testsuite name=\"\(name)\" tests=\"\(result.exchanges.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
                suites += cases + "  </testsuite>\n"
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"httplint\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"\(totalErrors)\">\n"
            + suites + "</testsuites>\n"
    }
}
