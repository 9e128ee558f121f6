import Foundation
import HTTPLint
import Testing

/// The linter's two shortcuts must never change what is found:
/// - rules declared `runsWhen: .anyFieldPresent` or `.anyOf(names)` are skipped on exchanges
///   without those fields;
/// - the rules of one exchange share the readings of its responses (parsed Cache-Control,
///   dates, CSP) instead of each making its own.
/// Every rule example, every sample and every conformance vector is linted three ways (with
/// both shortcuts, with every rule run, and with every rule run alone with readings of its own),
/// and the findings must be identical.
@Suite struct LinterShortcutTests {
    static let skipping = Linter(configuration: .init(profile: .all))
    static let runningAll = Linter(configuration: .init(profile: .all, skipsRulesWithoutTheirFields: false))

    /// Every rule run on its own on each exchange, each with a reporter and readings of its own,
    /// in the linter's order.
    static func eachRuleAlone(_ source: SourceText, requests: [Request]) -> [Finding] {
        var findings: [Finding] = []
        let exchanges = ResponseParser.parse(source, requests: requests)
        for exchange in exchanges {
            for rule in RuleCatalogue.rules {
                var reporter = FindingReporter(rule: rule.description, exchangeIndex: exchange.index)
                rule.init().check(exchange, &reporter)
                findings += reporter.findings
            }
        }
        for rule in RuleCatalogue.rules {
            guard let setRule = rule.init() as? any ExchangeSetRule, let first = exchanges.first else { continue }
            var reporter = FindingReporter(rule: rule.description, exchangeIndex: first.index)
            setRule.check(exchanges: exchanges, &reporter)
            findings += reporter.findings
        }
        return findings.sorted { ($0.span.offset, $0.rule) < ($1.span.offset, $1.rule) }
    }

    /// What linting `source` with the shortcuts found differently from linting it without them:
    /// "lost rule: message" and "extra rule: message" lines, empty when identical.
    static func differences(_ source: SourceText, requests: [Request] = []) -> [String] {
        let all = runningAll.lint(source, requests: requests).findings
        var differences: [String] = []
        // runningAll shares readings and runs every rule, so each comparison isolates one shortcut.
        for (shortcut, found) in [("skipped rules", skipping.lint(source, requests: requests).findings),
                                  ("shared readings", eachRuleAlone(source, requests: requests))] where found != all {
            differences += Set(all).subtracting(found).map { "with \(shortcut), lost \($0.rule): \($0.message)" }
                + Set(found).subtracting(all).map { "with \(shortcut), extra \($0.rule): \($0.message)" }
                + ["with \(shortcut), order or count differs"]
        }
        return differences
    }

    @Test func everyRuleExampleGivesTheSameFindings() throws {
        var compared = 0
        var withFindings = 0
        for rule in RuleCatalogue.rules {
            let description = rule.description
            for example in description.triggering + description.nonTriggering {
                let requests = example.request.map { RequestParser.parse(SourceText(name: "request", bytes: $0)) } ?? []
                let source = SourceText(name: "example", bytes: example.response)
                #expect(Self.differences(source, requests: requests) == [], "\(description.id) example at line \(example.sourceLine)")
                compared += 1
                if !Self.runningAll.lint(source, requests: requests).findings.isEmpty { withFindings += 1 }
            }
        }
        #expect(compared > 400)
        #expect(withFindings > 200, "the comparison must cover inputs that have findings")
    }

    @Test func everySampleGivesTheSameFindings() throws {
        for name in try SamplesTests.sampleNames() {
            let (source, requests) = try SamplesTests.input(name)
            #expect(Self.differences(source, requests: requests) == [], "\(name)")
        }
    }

    @Test func everyConformanceVectorGivesTheSameFindings() throws {
        let vectors = try LLHTTPConformanceTests.loadCases()
        #expect(vectors.count > 80)
        for vector in vectors {
            #expect(Self.differences(SourceText(name: vector.id, bytes: vector.raw)) == [], "\(vector.id)")
        }
    }

    /// A gate on a name outside the field table has no bit and could never skip anything.
    @Test func gatedRulesNameOnlyFieldsOfTheTable() {
        let gated = RuleCatalogue.rules.map { $0.description }.filter { $0.gateFields != nil }
        #expect(gated.count >= 75)
        for description in gated {
            let names = description.gateFields ?? []
            #expect(!names.isEmpty, "\(description.id) is gated on no field")
            #expect(FieldNameSet(names: names) != nil, "\(description.id) names a field outside the table: \(names)")
        }
        #expect(FieldDefinition.all.count <= FieldNameSet.capacity)
    }

    @Test func anExchangeSetHoldsEveryMessageAndSection() throws {
        let request = RequestParser.parse(SourceText(name: "req", text: "GET / HTTP/1.1\r\nHost: a\r\nRange: bytes=0-1\r\n\r\n"))
        let source = SourceText(name: "r", text: """
            HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n\
            HTTP/1.1 200 OK\r\nDate: Sun, 22 Nov 2026 10:00:00 GMT\r\nTransfer-Encoding: chunked\r\n\r\n\
            0\r\nServer-Timing: db;dur=1\r\n\r\n
            """)
        let exchange = try #require(ResponseParser.parse(source, requests: request).first)
        let present = FieldNameSet(exchange)
        for name in ["Host", "Range", "Link", "Date", "Transfer-Encoding", "Server-Timing"] {
            #expect(present.intersects(try #require(FieldNameSet(names: [name]))), "\(name)")
        }
        for name in ["Set-Cookie", "ETag", "Content-Length"] {
            #expect(!present.intersects(try #require(FieldNameSet(names: [name]))), "\(name)")
        }
        #expect(FieldNameSet(names: ["X-Not-In-The-Table"]) == nil)
        #expect(FieldNameSet().isEmpty && !present.isEmpty)

        var seen = FieldNameSet()
        let fields = exchange.response.fields
        let inserted = [seen.insert(nameOf: fields[0]), seen.insert(nameOf: fields[0]), seen.insert(nameOf: fields[1])]
        #expect(inserted == [true, false, true])
        let unknown = try #require(ResponseParser.parse(SourceText(name: "x", text: "HTTP/1.1 200 OK\r\nX-Own: 1\r\n\r\n")).first)
        let insertedUnknown = seen.insert(nameOf: unknown.response.fields[0])
        #expect(!insertedUnknown)
    }
}
