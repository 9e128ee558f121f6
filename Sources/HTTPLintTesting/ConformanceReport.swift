import HTTPLint

/// What a test asks of a response.
///
/// ```swift
/// let options = ConformanceOptions(failingAt: .warning, ignoring: ["reason-phrase-mismatch"])
/// ```
public struct ConformanceOptions: Sendable {
    /// The lowest severity that fails the test. Findings below it but at `warning` or above
    /// are shown as warnings where the framework can (Swift Testing 6.3 and later).
    public var failingAt: Severity
    /// Rule ids that do not run.
    public var ignoring: Set<String>
    /// The rule set to start from.
    public var profile: Linter.Profile
    /// Rule ids that must fire: for tests of error paths ("this 401 must carry a challenge"
    /// is tested by expecting a response without one to trigger its rule). Their findings do
    /// not fail the test; their absence does.
    public var expecting: Set<String>
    /// The request the response answers, when the test knows it.
    public var request: RequestContext?

    public init(failingAt: Severity = .error, ignoring: Set<String> = [], profile: Linter.Profile = .recommended,
                expecting: Set<String> = [], request: RequestContext? = nil) {
        self.failingAt = failingAt
        self.ignoring = ignoring
        self.profile = profile
        self.expecting = expecting
        self.request = request
    }
}

/// The outcome of linting a response in a test: every finding, which of them fail, and the
/// message a failing test shows. Framework-neutral: the XCTest and Swift Testing adapters
/// report it; use it directly to build helpers of your own.
///
/// ```swift
/// let report = checkHTTPResponse("HTTP/1.1 405 Method Not Allowed\r\n\r\n")
/// print(report.failureMessage ?? "clean")
/// ```
public struct ConformanceReport: Sendable, CustomStringConvertible {
    /// Everything the linter found, in input order.
    public let findings: [Finding]
    /// Findings at or above the failing severity, other than expected ones.
    public let failures: [Finding]
    /// Findings at `warning` or above that do not fail, other than expected ones.
    public let warnings: [Finding]
    /// Expected rule ids that did not fire.
    public let missingExpectedRules: [String]
    /// What the test most likely did not mean, such as a `RequestContext` method `"head"`
    /// (not HEAD: methods are case-sensitive); shown as a warning, never failing.
    public let cautions: [String]
    /// The response's bytes, as linted.
    public let response: [UInt8]
    let source: SourceText
    let options: ConformanceOptions
    /// The request linted with the response, when the options gave one.
    let request: Request?
    /// What the report is about, when not a response given by the test: a live exchange
    /// (`GET http://127.0.0.1:8080/ (probe 3: HEAD)`).
    let subject: String?

    /// Rule ids in `ignoring` or `expecting` that name no rule (a typo would otherwise silence
    /// nothing, or expect what can never fire): they fail the test.
    public var unknownRules: [String] {
        let known = Set(RuleCatalogue.rules.map { $0.description.id })
        return options.ignoring.union(options.expecting).subtracting(known).sorted()
    }

    /// Whether the test passes: nothing fails, every expected rule fired, and every rule id
    /// the options name exists.
    public var isClean: Bool { failures.isEmpty && missingExpectedRules.isEmpty && unknownRules.isEmpty }

    /// Rule ids of every finding, in order.
    public var rules: [String] { findings.map(\.rule) }

    /// The multi-line message for a failing test, or `nil` when it passes.
    public var failureMessage: String? {
        isClean ? nil : message(for: failures, headline: headline)
    }

    /// The message for the findings that are shown but do not fail, or `nil` when there are none.
    public var warningMessage: String? {
        var parts: [String] = cautions.map { "Caution: \($0)" }
        if !warnings.isEmpty {
            parts.append(message(for: warnings, headline: "\(noun) has \(count(warnings)) below '\(options.failingAt)' (shown, not failing):"))
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    public var description: String {
        failureMessage ?? "HTTP response conforms (\(count(findings)) in all, none at or above '\(options.failingAt)')"
    }

    /// "HTTP response", or what the report is about.
    private var noun: String { subject.map { "HTTP response to \($0)" } ?? "HTTP response" }

    private var headline: String {
        var parts: [String] = []
        if !failures.isEmpty { parts.append("\(count(failures)) at or above '\(options.failingAt)'") }
        if !unknownRules.isEmpty {
            parts.append("unknown rule id\(unknownRules.count == 1 ? "" : "s") \(unknownRules.joined(separator: ", ")) in ignoring or expecting ('httplint rules' lists them)")
        }
        if !missingExpectedRules.isEmpty {
            parts.append("expected rule\(missingExpectedRules.count == 1 ? "" : "s") \(missingExpectedRules.joined(separator: ", ")) did not fire")
        }
        return "\(noun) does not conform: " + parts.joined(separator: "; ") + (failures.isEmpty ? "" : ":")
    }

    private func count(_ findings: [Finding]) -> String {
        "\(findings.count) finding\(findings.count == 1 ? "" : "s")"
    }

    private func message(for findings: [Finding], headline: String) -> String {
        let lines = LineIndex(source)
        var out = headline + "\n"
        for finding in findings {
            let (line, _) = lines.location(of: finding.span.offset)
            out += "  \(finding.rule) (\(finding.severity)): \(Printable.display(finding.message))\n"
            out += "    line \(line): \(Printable.escape(lines.lineBytes(line)))\n"
            if let request, let span = finding.requestSpan {
                let requestLines = LineIndex(request.source)
                let (requestLine, _) = requestLines.location(of: span.offset)
                out += "    request line \(requestLine): \(Printable.escape(requestLines.lineBytes(requestLine)))\n"
            }
            if let spec = RuleCatalogue.description(of: finding.rule)?.spec.first {
                out += "    \(spec) <\(spec.url)>\n"
            }
        }
        if !findings.isEmpty {
            let ids = Array(Set(findings.map(\.rule))).sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            // Raising failingAt silences warnings, never an error.
            let raise = findings.contains { $0.severity == .error } ? ""
                : findings.contains { $0.severity == .warning } ? ", or set failingAt: .error" : ", or set failingAt: .warning or .error"
            out += "To silence: pass ignoring: [\(ids)]\(raise)."
        }
        return out
    }

    /// A single line for `#expect(report.isClean)` and logs.
    public var summary: String {
        guard !isClean else { return "conforms" }
        let listed = failures.map { "[\($0.rule)] \(Printable.display($0.message))" } + missingExpectedRules.map { "[\($0)] expected, did not fire" }
            + unknownRules.map { "[\($0)] is not a rule id" }
        return listed.joined(separator: "; ")
    }
}

/// Lints `response` for a test and returns the report; it records nothing. The XCTest and
/// Swift Testing assertions are built on it.
///
/// ```swift
/// let report = checkHTTPResponse("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n",
///                                options: .init(expecting: ["unauthorized-without-www-authenticate"]))
/// assert(report.isClean)
/// ```
public func checkHTTPResponse(_ response: LintableResponse, options: ConformanceOptions = .init()) -> ConformanceReport {
    var ignored = options.ignoring
    if response.isLossy {
        // The framing is a URL loader's, not the server's; the content is decoded and its
        // coding fields left out (see LintableResponse), so the content rules judge it as it is.
        ignored.formUnion(RuleCatalogue.rules.map { $0.description }.filter { $0.category == .framing }.map { $0.id })
    }
    let linter = Linter(configuration: .init(profile: options.profile, ignoredRules: ignored))
    let source = SourceText(name: "response", bytes: response.bytes)
    var requests: [Request] = []
    if let request = options.request {
        requests = RequestParser.parse(SourceText(name: "request", bytes: request.bytes))
    }
    return ConformanceReport(findings: linter.lint(source, requests: requests).findings, source: source,
                             request: requests.first, cautions: options.request?.cautions ?? [], options: options)
}

extension ConformanceReport {
    /// The report on `findings` of the response in `source`, sorted into failures, warnings
    /// and expected rules by `options`.
    init(findings: [Finding], source: SourceText, request: Request?, cautions: [String], options: ConformanceOptions,
         headline: String? = nil) {
        let unexpected = findings.filter { !options.expecting.contains($0.rule) }
        let fired = Set(findings.map(\.rule))
        self.init(findings: findings,
                  failures: unexpected.filter { $0.severity >= options.failingAt },
                  warnings: unexpected.filter { $0.severity < options.failingAt && $0.severity >= .warning },
                  missingExpectedRules: options.expecting.subtracting(fired).sorted(),
                  cautions: cautions, response: source.bytes, source: source, options: options, request: request,
                  subject: headline)
    }
}
