import HTTPLintCore
@testable import HTTPLint
import Testing

/// The linter picks an exchange's rules from its fields (``RuleSelection``); the picks must be
/// exactly the rules that asking each one's gate would run.
@Suite struct RuleSelectionTests {
    /// Every rule of the catalogue, with its gate and whether it reports deviations only.
    static let gates = RuleCatalogue.rules.map { $0.description.gateFields.flatMap(FieldNameSet.init(names:)) }
    static let deviationOnly = RuleCatalogue.rules.map { $0 is any DeviationRule.Type }

    func selected(_ selection: RuleSelection, _ present: FieldNameSet, _ hasDeviations: Bool) -> [Int] {
        var picked: [Int] = []
        selection.rules(present: present, hasDeviations: hasDeviations).forEach { picked.append($0) }
        return picked
    }

    func asked(_ present: FieldNameSet, _ hasDeviations: Bool) -> [Int] {
        Self.gates.indices.filter { rule in
            (Self.gates[rule].map { $0.intersects(present) } ?? true) && (hasDeviations || !Self.deviationOnly[rule])
        }
    }

    /// The flag the linter reads from each rule's witness table says what a conformance
    /// look-up would say.
    @Test func deviationOnlyFlagMatchesTheConformance() {
        let flagged = RuleCatalogue.rules.filter { $0.reportsDeviationsOnly }.map { $0.description.id }
        #expect(!flagged.isEmpty)
        #expect(flagged == RuleCatalogue.rules.filter { $0 is any DeviationRule.Type }.map { $0.description.id })
    }

    @Test func picksWhatEachGateWouldRun() throws {
        let selection = try #require(RuleSelection(gates: Self.gates, deviationOnly: Self.deviationOnly))
        #expect(Self.gates.contains { $0 != nil } && Self.gates.contains { $0 == nil } && Self.deviationOnly.contains(true))
        // No fields, every single field of the table, and fields in groups of seven.
        var sets = [FieldNameSet()]
        var group = FieldNameSet()
        for (index, definition) in FieldDefinition.all.enumerated() {
            let one = try #require(FieldNameSet(names: [definition.name]))
            sets.append(one)
            _ = group.insert(nameOf: try field(named: definition.name))
            if index % 7 == 6 {
                sets.append(group)
                group = FieldNameSet()
            }
        }
        for present in sets {
            for hasDeviations in [false, true] {
                #expect(selected(selection, present, hasDeviations) == asked(present, hasDeviations))
            }
        }
    }

    @Test func tooManyRulesLeaveTheChoiceToEachRule() {
        #expect(RuleSelection(gates: Array(repeating: nil, count: RuleSelection.capacity + 1),
                              deviationOnly: Array(repeating: false, count: RuleSelection.capacity + 1)) == nil)
    }

    /// A parsed field called `name`.
    func field(named name: String) throws -> Field {
        try #require(ResponseParser.parse(SourceText(name: "t", text: "HTTP/1.1 200 OK\r\n\(name): x\r\n\r\n")).first?.response.fields.first)
    }
}
