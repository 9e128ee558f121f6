/// A check over one exchange. Each rule is one type in one file under `Rules/`, with its
/// description (id, severity, spec, examples) on top and its check below.
///
/// ```swift
/// struct MethodNotAllowedWithoutAllow: Rule {
///     static let description = RuleDescription(id: "method-not-allowed-without-allow", …)
///     func check(_ exchange: Exchange, _ report: inout FindingReporter) { … }
/// }
/// ```
public protocol Rule: Sendable {
    /// What the rule checks, why, where the specification says so, and examples.
    static var description: RuleDescription { get }
    init()
    /// Reports every violation in `exchange`. A rule never parses bytes again: it reads the
    /// model. Rules that need the request stay silent when `exchange.request` is `nil`.
    func check(_ exchange: Exchange, _ report: inout FindingReporter)
    /// Whether the rule judges an input's exchanges together (``ExchangeSetRule``); provided.
    static var comparesExchanges: Bool { get }
    /// Whether the rule only reports the parser's deviations (``DeviationRule``), so that it
    /// has nothing to do in an exchange without any; provided.
    static var reportsDeviationsOnly: Bool { get }
}

/// A rule that reports the parser's deviations of one kind. The parser finds them while it
/// reads; the rule gives them an id, a severity, docs and examples.
public protocol DeviationRule: Rule {
    static var deviation: Deviation.Kind { get }
}

extension DeviationRule {
    public static var reportsDeviationsOnly: Bool { true }

    public func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for deviation in exchange.deviations where deviation.kind == Self.deviation {
            report.add(deviation.message, at: deviation.span, status: exchange.response.status)
        }
    }
}

/// A finding an input reader makes about the input itself rather than about an exchange (a
/// packet capture's missing bytes, a connection begun before the capture). It is catalogued
/// like any rule (one file, a description naming the reader in
/// ``RuleDescription/reportedBy``), so that `explain`, `rules`, `--ignore`, the configuration
/// and SARIF know it; the reader reports it, and the linter does not run it on exchanges.
public protocol InputNoteRule: Rule {}

extension InputNoteRule {
    /// Nothing to check in an exchange: the reader reports it.
    public func check(_ exchange: Exchange, _ report: inout FindingReporter) {}
}

/// A rule that judges the exchanges of one input, or of one probe, together: a HEAD answer
/// against the GET answer, the version a server uses elsewhere, a 304 against its 200. It is
/// written like any rule (one file, description, examples whose exchanges are those of one
/// example) and reports through the same reporter, naming the exchange each finding is about.
///
/// ```swift
/// struct HeadDiffersFromGet: ExchangeSetRule {
///     func check(exchanges: [Exchange], _ report: inout FindingReporter) { … }
/// }
/// ```
///
/// A streamed input is judged a window at a time: a set rule sees the exchanges of one window.
public protocol ExchangeSetRule: Rule {
    func check(exchanges: [Exchange], _ report: inout FindingReporter)
}

extension ExchangeSetRule {
    /// Nothing to judge in one exchange alone.
    public func check(_ exchange: Exchange, _ report: inout FindingReporter) {}
    public static var comparesExchanges: Bool { true }
}

extension Rule {
    /// Whether the rule is an ``ExchangeSetRule``: known from the type's witness table, without
    /// a dynamic cast (a conformance look-up per rule cost more than linting a small input).
    public static var comparesExchanges: Bool { false }
    /// Whether the rule is a ``DeviationRule``, known the same way: `is any DeviationRule.Type`
    /// scanned the program's conformance records once per rule type, about a quarter of a
    /// million instructions each, which made a linter cost 70 M instructions to make.
    public static var reportsDeviationsOnly: Bool { false }
}

/// Collects the findings of the rules run on one exchange, each under the id and severity of
/// the rule running (``startRule(_:severity:)``), and lends them the readings they share
/// (``reading(_:of:)``).
///
/// One rule keeps at most ``maxFindingsPerRule`` findings per exchange: past them, one more
/// finding of the same rule, where the first one left out would have been, says how many were
/// left out. A megabyte of one broken field then gives a hundred and one findings, not a
/// hundred thousand.
public struct FindingReporter {
    /// The most findings one rule reports on one exchange (or, for a set rule, on one set)
    /// before the rest are counted in one closing finding.
    public static let maxFindingsPerRule = 100
    /// The id and severity of the rule reporting (not the whole description: they change with
    /// every rule).
    public var ruleID: String { ruleIDs.isEmpty ? "" : ruleIDs[ruleIndex] }
    public var severity: Severity { currentSeverity }
    @usableFromInline var currentSeverity: Severity
    /// The ids of the rules this reporter serves and which of them is reporting: handing the
    /// reporter to the next rule changes a number, not a string (whose reference count would
    /// change twice per rule and exchange).
    @usableFromInline var ruleIDs: [String]
    @usableFromInline var ruleIndex = 0
    public let exchangeIndex: Int
    public private(set) var findings: [Finding] = []
    /// How many findings the rule reporting has made so far, those left out included.
    @usableFromInline var countForRule = 0
    /// Where in ``findings`` the note on the rule's findings left out is, once there is one.
    private var leftOutNote: Int?
    /// The readings of this exchange's responses made so far, shared by the rules run on it.
    private let readings: ResponseReadings

    /// A reporter with readings of its own: for a rule run alone.
    public init(rule: RuleDescription, exchangeIndex: Int) {
        self.init(ruleID: rule.id, severity: rule.severity, exchangeIndex: exchangeIndex)
    }

    /// A reporter whose findings get `severity` (a configured one, or the rule's own), sharing
    /// `readings` with the other rules' reporters on the same exchange.
    public init(ruleID: String, severity: Severity, exchangeIndex: Int, readings: ResponseReadings = ResponseReadings()) {
        self.init(ruleIDs: [ruleID], severity: severity, exchangeIndex: exchangeIndex, readings: readings)
    }

    /// A reporter for the rules whose ids are `ruleIDs`, the first of them reporting until
    /// ``startRule(at:severity:)`` names another.
    public init(ruleIDs: [String], severity: Severity, exchangeIndex: Int, readings: ResponseReadings = ResponseReadings()) {
        self.ruleIDs = ruleIDs
        self.currentSeverity = severity
        self.exchangeIndex = exchangeIndex
        self.readings = readings
    }

    /// Hands the reporter to the next rule on the same exchange: findings made so far stay,
    /// later ones carry `ruleID` and `severity`. The linter keeps one reporter per exchange
    /// this way, rather than making one per rule (naming rules by index:
    /// ``startRule(at:severity:)``).
    public mutating func startRule(_ ruleID: String, severity: Severity) {
        ruleIDs = [ruleID]
        ruleIndex = 0
        currentSeverity = severity
        countForRule = 0
    }

    /// ``startRule(_:severity:)`` for the rule at `index` in the ids the reporter was made with
    /// (or was last given). Inlinable: the linter calls it for every rule on every exchange.
    @inlinable public mutating func startRule(at index: Int, severity: Severity) {
        precondition(ruleIDs.indices.contains(index), "rule index \(index) out of range")
        ruleIndex = index
        currentSeverity = severity
        countForRule = 0
    }

    /// The `Reading` of `response`, made once for all the rules of this exchange.
    public func reading<Reading: ResponseReading>(_ type: Reading.Type, of response: Response) -> Reading {
        readings.reading(type, of: response)
    }

    /// Reports a violation.
    ///
    /// - Parameters:
    ///   - message: what is wrong, naming the concrete values; no final period.
    ///   - span: the bytes that show it (for a missing field: the status code).
    ///   - status: the status code of the response concerned.
    ///   - requestSpan: the bytes of the exchange's request that obliged the server (a Host
    ///     field, a precondition, a Range), shown as a second place; `nil` for none.
    ///   - fix: how to fix this finding, naming its values, when the description's fix can only
    ///     give an example (``Finding/fix``); `nil`: the description's.
    public mutating func add(_ message: String, at span: ByteSpan, status: Int?, request requestSpan: ByteSpan? = nil,
                             fix: String? = nil) {
        append(Finding(rule: ruleID, severity: severity, message: message, span: span,
                       exchange: exchangeIndex, status: status, requestSpan: requestSpan, fix: fix))
    }

    /// Reports a violation about `response`, at its status code.
    public mutating func add(_ message: String, about response: Response) {
        add(message, at: response.statusAnchor, status: response.status)
    }

    /// Reports a violation about `response` of exchange `exchange` (a set rule's findings
    /// name the exchange they are about), optionally pointing at its request's bytes too.
    public mutating func add(_ message: String, about response: Response, exchange: Int, request requestSpan: ByteSpan? = nil) {
        append(Finding(rule: ruleID, severity: severity, message: message, span: response.statusAnchor,
                       exchange: exchange, status: response.status, requestSpan: requestSpan))
    }

    /// Keeps `finding`, or counts it in the note on the findings left out once the rule has
    /// made ``maxFindingsPerRule``.
    private mutating func append(_ finding: Finding) {
        countForRule += 1
        guard countForRule > Self.maxFindingsPerRule else {
            findings.append(finding)
            return
        }
        // The note stands where the first finding left out would have been.
        if countForRule == Self.maxFindingsPerRule + 1 { leftOutNote = nil }
        let first = leftOutNote.map { findings[$0] } ?? finding
        let leftOut = countForRule - Self.maxFindingsPerRule
        let note = Finding(rule: first.rule, severity: first.severity,
                           message: "\(leftOut) more \(first.rule) finding\(leftOut == 1 ? "" : "s") left out from here on (a rule lists at most \(Self.maxFindingsPerRule) per exchange)",
                           span: first.span, exchange: first.exchange, status: first.status)
        if let leftOutNote {
            findings[leftOutNote] = note
        } else {
            leftOutNote = findings.count
            findings.append(note)
        }
    }

    /// Reports a violation about `response`, at its status code, that the request's bytes at
    /// `requestSpan` obliged: a rule judging what the server did with the request points at both.
    ///
    /// ```swift
    /// if let range = request.fields.first(named: .range), status == 416, satisfiable {
    ///     report.add("416 refuses the satisfiable range \(range.value)", about: response, request: range.lineSpan)
    /// }
    /// ```
    public mutating func add(_ message: String, about response: Response, request requestSpan: ByteSpan) {
        add(message, at: response.statusAnchor, status: response.status, request: requestSpan)
    }
}

/// One problem found in the input.
public struct Finding: Sendable, Hashable {
    /// The id of the rule that found it.
    public let rule: String
    public var severity: Severity
    /// What is wrong, naming the concrete values.
    public let message: String
    /// The bytes that show the problem.
    public let span: ByteSpan
    /// 0-based index of the exchange (the final response and its interim responses) in the input.
    public let exchange: Int
    /// The status code of the response concerned, when known.
    public let status: Int?
    /// A second place, in the request of the exchange (`Exchange.request`, whose `source` its
    /// offsets refer to): the request bytes that obliged the server, or that are themselves at
    /// fault. `nil` when the finding concerns the response alone.
    public let requestSpan: ByteSpan?
    /// How to fix this finding, naming its values ("Send the registered phrase: `404 Not
    /// Found`"), when the rule's own fix (``RuleDescription/fix``) can only give an example;
    /// `nil` when the rule's fix says it all.
    public let fix: String?

    public init(rule: String, severity: Severity, message: String, span: ByteSpan, exchange: Int, status: Int?,
                requestSpan: ByteSpan? = nil, fix: String? = nil) {
        self.fix = fix
        self.rule = rule
        self.severity = severity
        self.message = message
        self.span = span
        self.exchange = exchange
        self.status = status
        self.requestSpan = requestSpan
    }
}
