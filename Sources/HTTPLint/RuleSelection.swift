import HTTPLintCore

/// Which rules run on an exchange, found from the fields present rather than by asking every
/// rule: each field of the table maps to the rules gated on it, so an exchange's selection is
/// the rules without a gate, plus those of its fields, less the deviation-only rules when the
/// parser met no deviation. About 60 of 140 rules run on a usual response; the linter then
/// visits only those.
///
/// Rules are numbered by their place in the linter's list; up to 256 fit (``capacity``).
struct RuleSelection {
    /// Up to 256 rules, one bit each.
    struct Rules: Equatable {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        static func == (a: Rules, b: Rules) -> Bool { a.words == b.words }

        mutating func insert(_ rule: Int) {
            let bit = UInt64(1) << UInt64(rule & 63)
            switch rule >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
        }

        mutating func formUnion(_ other: Rules) {
            words = (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2, words.3 | other.words.3)
        }

        func intersection(_ other: Rules) -> Rules {
            Rules(words: (words.0 & other.words.0, words.1 & other.words.1, words.2 & other.words.2, words.3 & other.words.3))
        }

        /// Calls `body` with each rule's number, in increasing order.
        func forEach(_ body: (Int) -> Void) {
            func visit(_ bits: UInt64, from first: Int) {
                var rest = bits
                while rest != 0 {
                    body(first | rest.trailingZeroBitCount)
                    rest &= rest &- 1
                }
            }
            visit(words.0, from: 0)
            visit(words.1, from: 64)
            visit(words.2, from: 128)
            visit(words.3, from: 192)
        }
    }

    static let capacity = 256

    /// The rules that run whatever fields are present.
    private let ungated: Rules
    /// Every rule but the deviation-only ones.
    private let notDeviationOnly: Rules
    /// By field table index, the rules gated on that field.
    private let byField: [Rules]

    /// The selection for rules described by `gates` (each rule's fields, `nil` for none) and
    /// `deviationOnly`; `nil` when there are more rules than ``capacity``.
    init?(gates: [FieldNameSet?], deviationOnly: [Bool]) {
        guard gates.count <= Self.capacity, gates.count == deviationOnly.count else { return nil }
        var ungated = Rules(), notDeviationOnly = Rules()
        var byField = [Rules](repeating: Rules(), count: FieldNameSet.capacity)
        for (rule, gate) in gates.enumerated() {
            if !deviationOnly[rule] { notDeviationOnly.insert(rule) }
            guard let gate else {
                ungated.insert(rule)
                continue
            }
            gate.forEachMember { field in byField[field].insert(rule) }
        }
        self.ungated = ungated
        self.notDeviationOnly = notDeviationOnly
        self.byField = byField
    }

    /// The rules to run on an exchange whose table fields are `present`.
    func rules(present: FieldNameSet, hasDeviations: Bool) -> Rules {
        var selected = ungated
        byField.withUnsafeBufferPointer { byField in
            present.forEachMember { field in selected.formUnion(byField[field]) }
        }
        return hasDeviations ? selected : selected.intersection(notDeviationOnly)
    }
}
