import HTTPLintCore

/// Members of a list whose members carry an optional weight (RFC 9110 §12.4.2), as in
/// Accept-Encoding (§12.5.3) and TE (§10.1.4): `name *( OWS ";" OWS param )`, with `q` the
/// weight.
enum WeightedList {
    struct Member {
        /// The name, lowercased (coding names are case-insensitive: §8.4.1, RFC 9112 §7).
        let name: String
        /// The weight in thousandths: 1000 without `q`, 0 for "not acceptable".
        let weight: Int
    }

    /// The members of `elements` (list elements as ``Fields/listElements(named:)`` gives
    /// them); `nil` when a member has no name or a weight that is not a qvalue, so that rules
    /// stay silent on values they cannot read.
    static func members(_ elements: [String]) -> [Member]? {
        var members: [Member] = []
        for element in elements {
            let parts = element.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard let name = parts.first, !name.isEmpty else { return nil }
            var weight = 1000
            for parameter in parts.dropFirst() where parameter.utf8.first.map({ $0 | 0x20 == UInt8(ascii: "q") }) == true {
                let pieces = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
                guard pieces.count == 2, pieces[0].count == 1 else { continue }
                guard let value = qvalue(String(pieces[1])) else { return nil }
                weight = value
            }
            members.append(Member(name: name.asciiLowercased(), weight: weight))
        }
        return members
    }

    /// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )` in thousandths.
    static func qvalue(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
        var fraction = 0
        if bytes.count > 1 {
            guard bytes[1] == UInt8(ascii: "."), bytes.count <= 5 else { return nil }
            let digits = bytes[2...]
            guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            for (index, digit) in digits.enumerated() { fraction += Int(digit - UInt8(ascii: "0")) * [100, 10, 1][index] }
        }
        if first == UInt8(ascii: "1") { return fraction == 0 ? 1000 : nil }
        return fraction
    }

    /// The coding name with the aliases RFC 9110 §8.4.1.1 and §8.4.1.3 (and RFC 9112 §7.2)
    /// ask recipients to treat as equivalent folded: `x-gzip` is `gzip`, `x-compress` is
    /// `compress`.
    static func canonicalCoding(_ name: String) -> String {
        switch name {
        case "x-gzip": "gzip"
        case "x-compress": "compress"
        default: name
        }
    }
}
