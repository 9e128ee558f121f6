import HTTPLintCore

/// Which rules run on an exchange, found from the fields present rather than by asking every
/// rule: each field of the table maps to the rules gated on it, so an exchange's selection is
/// the rules without a gate, plus those of its fields, less the deviation-only rules when the
/// parser met no deviation. About 60 of 140 rules run on a usual response; the linter then
/// visits only those.
///
/// Rules are numbered by their place in the linter's list; up to 512 fit (``capacity``).
struct RuleSelection {
    /// Up to 512 rules, one bit each, in eight words kept inline (no allocation per set).
    struct Rules: Equatable {
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)

        static func == (a: Rules, b: Rules) -> Bool {
            var a = a, b = b
            return withUnsafeBytes(of: &a.words) { x in withUnsafeBytes(of: &b.words) { y in x.elementsEqual(y) } }
        }

        mutating func insert(_ rule: Int) {
            withUnsafeMutableBytes(of: &words) { raw in
                let words = raw.bindMemory(to: UInt64.self)
                words[rule >> 6] |= UInt64(1) << UInt64(rule & 63)
            }
        }

        mutating func formUnion(_ other: Rules) {
            var other = other
            withUnsafeMutableBytes(of: &words) { raw in
                withUnsafeBytes(of: &other.words) { otherRaw in
                    let mine = raw.bindMemory(to: UInt64.self), theirs = otherRaw.bindMemory(to: UInt64.self)
                    for index in 0..<8 { mine[index] |= theirs[index] }
                }
            }
        }

        func intersection(_ other: Rules) -> Rules {
            var result = self, other = other
            withUnsafeMutableBytes(of: &result.words) { raw in
                withUnsafeBytes(of: &other.words) { otherRaw in
                    let mine = raw.bindMemory(to: UInt64.self), theirs = otherRaw.bindMemory(to: UInt64.self)
                    for index in 0..<8 { mine[index] &= theirs[index] }
                }
            }
            return result
        }

        /// Calls `body` with each rule's number, in increasing order.
        func forEach(_ body: (Int) -> Void) {
            var copy = words
            withUnsafeBytes(of: &copy) { raw in
                let words = raw.bindMemory(to: UInt64.self)
                for index in 0..<8 {
                    var rest = words[index]
                    while rest != 0 {
                        body(index << 6 | rest.trailingZeroBitCount)
                        rest &= rest &- 1
                    }
                }
            }
        }
    }

    static let capacity = 512

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
