import HTTPLintCore
import HTTPLintRules

/// What `rule`, run alone with readings of its own, reports on the first exchange of `response`.
func findings<R: Rule>(of rule: R.Type, in response: String) -> [Finding] {
    let exchange = ResponseParser.parse(SourceText(name: "t", text: response))[0]
    var reporter = FindingReporter(rule: R.description, exchangeIndex: exchange.index)
    R().check(exchange, &reporter)
    return reporter.findings
}
