/// Runs the rule catalogue over parsed responses.
///
/// ```swift
/// let linter = Linter()
/// let result = linter.lint(SourceText(name: "r.txt", text: "HTTP/1.1 405 Method Not Allowed\r\n\r\n"))
/// for finding in result.findings { print(finding.rule, finding.message) }
/// ```
public struct Linter: Sendable {
    /// Which rules run and how severe their findings are.
    public struct Configuration: Sendable {
        /// Ids of rules that do not run.
        public var ignoredRules: Set<String>

        public init(ignoredRules: Set<String> = []) {
            self.ignoredRules = ignoredRules
        }
    }

    public let configuration: Configuration
    private let rules: [(description: RuleDescription, rule: any Rule)]

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.rules = RuleCatalogue.rules
            .filter { !configuration.ignoredRules.contains($0.description.id) }
            .map { ($0.description, $0.init()) }
    }

    /// Parses `response` (one or more responses) and runs every enabled rule on each exchange.
    ///
    /// - Parameters:
    ///   - response: the raw response bytes.
    ///   - requests: the requests answered, in order, when known.
    public func lint(_ response: SourceText, requests: [Request] = []) -> LintResult {
        let exchanges = ResponseParser.parse(response, requests: requests)
        return LintResult(source: response, exchanges: exchanges, findings: lint(exchanges))
    }

    /// Runs every enabled rule on already parsed exchanges; findings come in input order.
    public func lint(_ exchanges: [Exchange]) -> [Finding] {
        var findings: [Finding] = []
        for exchange in exchanges {
            for (description, rule) in rules {
                var reporter = FindingReporter(rule: description, exchangeIndex: exchange.index)
                rule.check(exchange, &reporter)
                findings.append(contentsOf: reporter.findings)
            }
        }
        return findings.sorted { ($0.span.offset, $0.rule) < ($1.span.offset, $1.rule) }
    }
}

/// What linting one input produced.
public struct LintResult: Sendable {
    public let source: SourceText
    public let exchanges: [Exchange]
    public let findings: [Finding]

    /// Whether no finding is at or above `severity`.
    public func isClean(failingAt severity: Severity = .warning) -> Bool {
        !findings.contains { $0.severity >= severity }
    }
}
