/// A set of field names known to the field table, one bit per table entry, so that "is any of
/// these fields present?" costs a few machine words, not a look-up by name.
///
/// The linter builds one for each exchange (every field of the request, the interim and final
/// responses and their trailers) and one for each rule that runs only when its fields are
/// present, and skips the rule when the two do not meet.
public struct FieldNameSet: Sendable, Equatable {
    @usableFromInline var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0

    /// How many table entries a set can hold; a test keeps the field table within it.
    public static let capacity = 256

    public init() {}

    /// The set of `names`; `nil` when one of them is not in the field table (such a name has
    /// no bit, so a rule gated on it must always run).
    public init?(names: [String]) {
        for name in names {
            guard let index = FieldDefinition.index(of: name) else { return nil }
            insert(index)
        }
    }

    /// Every table field present in the exchange, in any section of any of its messages.
    public init(_ exchange: Exchange) {
        if let request = exchange.request { insert(request.fields) }
        for response in exchange.responses {
            insert(response.fields)
            insert(response.trailers)
        }
    }

    private mutating func insert(_ fields: Fields) {
        for field in fields.storage where field.definitionIndex >= 0 { insert(Int(field.definitionIndex)) }
    }

    /// Adds the table entry of `field`'s name; `false` when it was there already or the name is
    /// not in the field table.
    public mutating func insert(nameOf field: Field) -> Bool {
        guard field.definitionIndex >= 0 else { return false }
        let before = self
        insert(Int(field.definitionIndex))
        return self != before
    }

    /// The set of the table entries at `indices`.
    init(indices: some Sequence<Int>) {
        for index in indices { insert(index) }
    }

    /// Whether `field`'s name is in the set (one bit test; `false` for names outside the table).
    @inlinable public func contains(_ field: Field) -> Bool {
        let index = field.definitionIndex
        guard index >= 0 else { return false }
        let word = switch index >> 6 {
        case 0: w0
        case 1: w1
        case 2: w2
        default: w3
        }
        return (word >> UInt64(index & 63)) & 1 != 0
    }

    private mutating func insert(_ index: Int) {
        let bit = UInt64(1) << UInt64(index & 63)
        switch index >> 6 {
        case 0: w0 |= bit
        case 1: w1 |= bit
        case 2: w2 |= bit
        case 3: w3 |= bit
        default: preconditionFailure("field table index \(index) beyond FieldNameSet.capacity")
        }
    }

    /// Whether the two sets share a field.
    @inlinable public func intersects(_ other: FieldNameSet) -> Bool {
        (w0 & other.w0) | (w1 & other.w1) | (w2 & other.w2) | (w3 & other.w3) != 0
    }

    public var isEmpty: Bool { w0 | w1 | w2 | w3 == 0 }

    /// Calls `body` with the table index of each field in the set, in table order.
    @inlinable public func forEachMember(_ body: (Int) -> Void) {
        func visit(_ bits: UInt64, from first: Int) {
            var rest = bits
            while rest != 0 {
                body(first | rest.trailingZeroBitCount)
                rest &= rest &- 1
            }
        }
        visit(w0, from: 0)
        visit(w1, from: 64)
        visit(w2, from: 128)
        visit(w3, from: 192)
    }
}
