/// Runs the rule catalogue over parsed responses.
///
/// ```swift
/// let linter = Linter()
/// let result = linter.lint(SourceText(name: "r.txt", text: "HTTP/1.1 405 Method Not Allowed\r\n\r\n"))
/// for finding in result.findings { print(finding.rule, finding.message) }
/// ```
public struct Linter: Sendable {
    /// Which rules run.
    public struct Configuration: Sendable {
        /// The set of rules to start from.
        public var profile: Profile
        /// Ids of rules that do not run.
        public var ignoredRules: Set<String>
        /// Severities that replace rules' own, by rule id; a rule given one runs even if the
        /// profile leaves it out.
        public var severities: [String: Severity]
        /// Bounds on what one input may hold.
        public var limits: ParserLimits
        /// Whether rules are skipped on exchanges where they cannot report: rules that run only
        /// when their fields are present (``RuleDescription/RunCondition/anyFieldPresent`` and
        /// `anyOf`) on exchanges without them, and the rules that report the parser's deviations
        /// (``DeviationRule``) on exchanges without any. Findings are the same either way;
        /// turning it off is for tests and benchmarks.
        public var skipsRulesWithoutTheirFields: Bool

        public init(profile: Profile = .recommended, ignoredRules: Set<String> = [], severities: [String: Severity] = [:],
                    limits: ParserLimits = .default, skipsRulesWithoutTheirFields: Bool = true) {
            self.profile = profile
            self.ignoredRules = ignoredRules
            self.severities = severities
            self.limits = limits
            self.skipsRulesWithoutTheirFields = skipsRulesWithoutTheirFields
        }

        /// Whether the rule described by `rule` runs.
        public func runs(_ rule: RuleDescription) -> Bool {
            (profile.includes(rule) || severities[rule.id] != nil) && !ignoredRules.contains(rule.id)
        }
    }

    /// A named set of rules with the severity that fails by default.
    ///
    /// - `recommended`: every rule but the opt-in ones; findings of `warning` and above fail.
    /// - `strict`: every rule; every finding fails, `info` included.
    /// - `all`: every rule; findings of `warning` and above fail.
    public struct Profile: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        let includesOptIn: Bool
        /// The lowest severity that fails, unless the caller says otherwise.
        public let failureThreshold: Severity

        public static let recommended = Profile(name: "recommended", includesOptIn: false, failureThreshold: .warning)
        public static let strict = Profile(name: "strict", includesOptIn: true, failureThreshold: .info)
        public static let all = Profile(name: "all", includesOptIn: true, failureThreshold: .warning)

        public static let allProfiles = [recommended, strict, all]

        /// The profile called `name`, if there is one.
        public init?(named name: String) {
            guard let profile = Self.allProfiles.first(where: { $0.name == name }) else { return nil }
            self = profile
        }

        init(name: String, includesOptIn: Bool, failureThreshold: Severity) {
            self.name = name
            self.includesOptIn = includesOptIn
            self.failureThreshold = failureThreshold
        }

        public func includes(_ rule: RuleDescription) -> Bool { rule.isEnabledByDefault || includesOptIn }

        public var description: String { name }
    }

    public let configuration: Configuration
    /// The rules that run, in catalogue order; beside them (same positions) each one's id and
    /// how it runs. Plain values in arrays rather than one object per rule: the loop over rules
    /// then reads them without reference counting.
    private let rules: [any Rule]
    private let ruleIDs: [String]
    private let plans: [Plan]

    /// How the linter runs one rule: a plain value, read in one piece per rule and exchange.
    private struct Plan {
        /// The fields one of which must be present for the rule to run, when `isGated`.
        let gate: FieldNameSet
        let isGated: Bool
        /// Whether the rule reports deviations only, and so has nothing to do on an exchange
        /// without any (most exchanges: about one rule in five is skipped then).
        let reportsDeviationsOnly: Bool
        /// The severity its findings get.
        let severity: Severity
    }

    /// The rules to run per exchange, found from its fields; `nil` (every plan is asked) when
    /// rules are not skipped or there are too many for it.
    private let selection: RuleSelection?
    /// The rules that judge an input's exchanges together, and their positions among `rules`
    /// (cast once here: a cast per input cost a conformance look-up per rule).
    private let setRules: [(index: Int, rule: any ExchangeSetRule)]

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        // Notes an input reader reports (``InputNoteRule``) have no check to run.
        let descriptions = RuleCatalogue.rules.filter { configuration.runs($0.description) && $0.description.reportedBy == nil }
        self.rules = descriptions.map { type in type.init() }
        self.ruleIDs = descriptions.map { type in type.description.id }
        let skips = configuration.skipsRulesWithoutTheirFields
        let gates = descriptions.map { type in skips ? type.description.gateFields.flatMap(FieldNameSet.init(names:)) : nil }
        let deviationOnly = descriptions.map { type in skips && type.reportsDeviationsOnly }
        self.plans = descriptions.indices.map { index in
            Plan(gate: gates[index] ?? FieldNameSet(), isGated: gates[index] != nil, reportsDeviationsOnly: deviationOnly[index],
                 severity: configuration.severities[descriptions[index].description.id] ?? descriptions[index].description.severity)
        }
        self.selection = skips ? RuleSelection(gates: gates, deviationOnly: deviationOnly) : nil
        let made = self.rules
        self.setRules = descriptions.indices.compactMap { index in
            guard descriptions[index].comparesExchanges, let rule = made[index] as? any ExchangeSetRule else { return nil }
            return (index, rule)
        }
    }

    /// Parses `response` (one or more responses) and runs every enabled rule on each exchange.
    ///
    /// - Parameters:
    ///   - response: the raw response bytes.
    ///   - requests: the requests answered, in order, when known.
    public func lint(_ response: SourceText, requests: [Request] = []) -> LintResult {
        let exchanges = ResponseParser.parse(response, requests: requests, limits: configuration.limits)
        return LintResult(source: response, exchanges: exchanges, findings: lint(exchanges))
    }

    /// Runs every enabled rule on already parsed exchanges; findings come in input order.
    public func lint(_ exchanges: [Exchange]) -> [Finding] {
        var findings: [Finding] = []
        let readings = ResponseReadings()
        for exchange in exchanges {
            let present = FieldNameSet(exchange)
            readings.removeAll()
            var reporter = FindingReporter(ruleIDs: ruleIDs, severity: .info, exchangeIndex: exchange.index, readings: readings)
            let hasDeviations = !exchange.deviations.isEmpty
            // The plans through a buffer (no bounds check per look-up); a rule called where the
            // array holds it (from a buffer, each one was copied out and destroyed per call).
            plans.withUnsafeBufferPointer { plans in
                if let selection {
                    // Only the rules selected for these fields, in the same order.
                    selection.rules(present: present, hasDeviations: hasDeviations).forEach { index in
                        reporter.startRule(at: index, severity: plans[index].severity)
                        rules[index].check(exchange, &reporter)
                    }
                    return
                }
                for index in plans.indices {
                    let plan = plans[index]
                    if plan.isGated, !plan.gate.intersects(present) { continue }
                    if plan.reportsDeviationsOnly, !hasDeviations { continue }
                    reporter.startRule(at: index, severity: plan.severity)
                    rules[index].check(exchange, &reporter)
                }
            }
            // One exchange (a file of one response): its findings are taken as they are, not copied.
            if findings.isEmpty { findings = reporter.findings } else { findings.append(contentsOf: reporter.findings) }
        }
        if !setRules.isEmpty, let first = exchanges.first {
            readings.removeAll()
            var reporter = FindingReporter(ruleIDs: ruleIDs, severity: .info, exchangeIndex: first.index, readings: readings)
            for (index, rule) in setRules {
                reporter.startRule(at: index, severity: plans[index].severity)
                rule.check(exchanges: exchanges, &reporter)
            }
            findings.append(contentsOf: reporter.findings)
        }
        findings.sort { ($0.span.offset, $0.rule) < ($1.span.offset, $1.rule) }
        return findings
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
