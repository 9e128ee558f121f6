import Foundation
import HTTPLintCore
import HTTPLintRules
import Testing

/// One example of one rule, as a test argument.
struct RuleExample: Sendable, CustomTestStringConvertible {
    let ruleIndex: Int
    let example: Example
    let triggers: Bool
    let number: Int

    var description: RuleDescription { RuleCatalogue.rules[ruleIndex].description }
    var testDescription: String { "\(description.id) \(triggers ? "triggers" : "near-miss") #\(number)" }

    static let all: [RuleExample] = RuleCatalogue.rules.indices.flatMap { index in
        let description = RuleCatalogue.rules[index].description
        return description.triggering.enumerated().map { RuleExample(ruleIndex: index, example: $1, triggers: true, number: $0 + 1) }
            + description.nonTriggering.enumerated().map { RuleExample(ruleIndex: index, example: $1, triggers: false, number: $0 + 1) }
    }
}

/// Runs one rule on one example, the way the linter does.
func findings(of ruleIndex: Int, on example: Example) throws -> [Finding] {
    let ruleType = RuleCatalogue.rules[ruleIndex]
    let requests = example.request.map { RequestParser.parse(SourceText(name: "request", bytes: $0)) } ?? []
    var exchanges = ResponseParser.parse(SourceText(name: "example", bytes: example.response), requests: requests)
    if let version = example.recordedVersion { exchanges = exchanges.map { $0.recorded(as: version) } }
    let rule = ruleType.init()
    var all: [Finding] = []
    for exchange in exchanges {
        var reporter = FindingReporter(rule: ruleType.description, exchangeIndex: exchange.index)
        rule.check(exchange, &reporter)
        all += reporter.findings
    }
    if let rule = rule as? any ExchangeSetRule, let first = exchanges.first {
        var reporter = FindingReporter(rule: ruleType.description, exchangeIndex: first.index)
        rule.check(exchanges: exchanges, &reporter)
        all += reporter.findings
    }
    return all
}

@Suite struct RuleExamplesTests {
    @Test(arguments: RuleExample.all)
    func example(_ case: RuleExample) throws {
        let example = `case`.example
        let location = SourceLocation(
            fileID: "HTTPLintRules/" + (example.file.split(separator: "/").last.map(String.init) ?? example.file),
            filePath: example.file, line: example.sourceLine, column: 1)
        let found = try findings(of: `case`.ruleIndex, on: example)
        let lines = LineIndex(SourceText(name: "example", bytes: example.response))
        let foundLines = found.map { lines.location(of: $0.span.offset).line }
        if `case`.triggers {
            #expect(!found.isEmpty, "\(`case`.description.id) did not trigger", sourceLocation: location)
            if let line = example.line {
                #expect(foundLines.contains(line), "expected a finding on line \(line), got lines \(foundLines): \(found.map(\.message))",
                        sourceLocation: location)
            }
            #expect(found.allSatisfy { $0.severity == `case`.description.severity && !$0.message.hasSuffix(".") },
                    sourceLocation: location)
        } else {
            #expect(found.isEmpty, "near-miss triggered: \(found.map(\.message))", sourceLocation: location)
        }
    }

    @Test func everyRuleIsDocumentedAndExemplified() {
        for rule in RuleCatalogue.rules {
            let d = rule.description
            // A note an input reader reports may lack text examples (a capture is binary): its
            // rationale says why, and the reader's tests exercise it (CaptureTests).
            let isReaderNote = rule is any InputNoteRule.Type
            #expect(isReaderNote == (d.reportedBy != nil), "\(d.id): reportedBy must be set exactly for an InputNoteRule")
            if isReaderNote {
                #expect(d.rationale.contains("No example is shown") || !d.triggering.isEmpty,
                        "\(d.id) has no triggering example and does not say why")
            } else {
                #expect(!d.triggering.isEmpty, "\(d.id) has no triggering example")
                #expect(!d.nonTriggering.isEmpty, "\(d.id) has no near-miss")
            }
            #expect(!d.spec.isEmpty, "\(d.id) cites no spec section")
            #expect(!d.summary.isEmpty && !d.summary.hasSuffix("."), "\(d.id): summary must be one line without a final period")
            #expect(!d.fix.isEmpty && !d.rationale.isEmpty, "\(d.id) lacks a fix or a rationale")
        }
    }

    @Test func idsAreUniqueKebabCase() {
        let ids = RuleCatalogue.rules.map { $0.description.id }
        #expect(Set(ids).count == ids.count, "duplicate rule ids")
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } && !id.hasPrefix("-") && !id.hasSuffix("-"),
                    "\(id) is not kebab-case")
        }
    }

    @Test func everyDeviationKindHasARule() {
        for kind in Deviation.Kind.all {
            #expect(RuleCatalogue.description(of: kind.rawValue) != nil, "no rule reports deviation \(kind.rawValue)")
        }
    }
}

/// The catalogue's layout: a newcomer finds any rule in `Rules/<Category>/<Type>.swift`.
@Suite struct RuleLayoutTests {
    static let rulesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules")

    @Test func everyRuleHasAFileNamedForItInItsCategoryFolder() {
        for rule in RuleCatalogue.rules {
            let category = rule.description.category.rawValue
            let folder = category.prefix(1).uppercased() + category.dropFirst()
            let path = Self.rulesDirectory.appendingPathComponent(folder).appendingPathComponent("\(rule).swift").path
            // Rules comparing the exchanges of a probe judge requests too, and have a folder of their own.
            let exchanges = Self.rulesDirectory.appendingPathComponent("Exchanges").appendingPathComponent("\(rule).swift").path
            let isSetRule = rule is any ExchangeSetRule.Type && rule.description.category == .requests
            #expect(FileManager.default.fileExists(atPath: path) || (isSetRule && FileManager.default.fileExists(atPath: exchanges)),
                    "\(rule) (\(rule.description.id)) should be in Rules/\(folder)/\(rule).swift")
        }
    }

    @Test func everyRuleFileIsInTheCatalogue() throws {
        let listed = Set(RuleCatalogue.rules.map { "\($0)" })
        for folder in try FileManager.default.contentsOfDirectory(atPath: Self.rulesDirectory.path) {
            let url = Self.rulesDirectory.appendingPathComponent(folder)
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { continue }
            for file in files where file.hasSuffix(".swift") {
                let name = String(file.dropLast(6))
                let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
                guard text.contains("struct \(name): Rule") || text.contains("struct \(name): DeviationRule")
                        || text.contains("struct \(name): InputNoteRule")
                        || text.contains("struct \(name): ExchangeSetRule") else { continue }
                #expect(listed.contains(name), "Rules/\(folder)/\(file) defines a rule that RuleCatalogue.rules does not list")
            }
        }
    }
}
