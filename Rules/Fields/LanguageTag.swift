/// Well-formedness of a language tag (RFC 5646 §2.1, §2.2.9): the ABNF only, not whether the
/// subtags are registered.
///
///     Language-Tag = langtag / privateuse / grandfathered
///     langtag      = language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse]
///     language     = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA
///     extlang      = 3ALPHA *2("-" 3ALPHA)
///     script       = 4ALPHA
///     region       = 2ALPHA / 3DIGIT
///     variant      = 5*8alphanum / (DIGIT 3alphanum)
///     extension    = singleton 1*("-" (2*8alphanum))      ; singleton: any alphanum but x
///     privateuse   = "x" 1*("-" (1*8alphanum))
enum LanguageTag {
    /// The irregular grandfathered tags, which do not match `langtag` (the regular ones do).
    static let irregular: Set<String> = [
        "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
        "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de",
    ]

    /// Whether `tag` is a well-formed language tag.
    static func isWellFormed(_ tag: String) -> Bool {
        let lower = tag.asciiLowercased()
        if irregular.contains(lower) { return true }
        let subtags = lower.split(separator: "-", omittingEmptySubsequences: false).map { Array($0.utf8) }
        guard subtags.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy(isAlphanumeric) }) else { return false }
        var position = 0
        func isAlpha(_ subtag: [UInt8], _ counts: ClosedRange<Int>) -> Bool {
            counts.contains(subtag.count) && subtag.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        }
        func privateUse() -> Bool {
            // "x" 1*("-" (1*8alphanum)): at least one subtag after x, and nothing may follow.
            position += 1
            return position < subtags.count
        }
        if subtags[0] == [0x78] { return privateUse() }
        // language
        let first = subtags[0]
        guard isAlpha(first, 2...8) else { return false }
        position = 1
        if first.count <= 3 {
            var extlangs = 0
            while position < subtags.count, extlangs < 3, isAlpha(subtags[position], 3...3) {
                position += 1
                extlangs += 1
            }
        }
        // script
        if position < subtags.count, isAlpha(subtags[position], 4...4) { position += 1 }
        // region
        if position < subtags.count {
            let subtag = subtags[position]
            if isAlpha(subtag, 2...2) || (subtag.count == 3 && subtag.allSatisfy(isDigit)) { position += 1 }
        }
        // variants
        while position < subtags.count {
            let subtag = subtags[position]
            guard subtag.count >= 5 || (subtag.count == 4 && isDigit(subtag[0])) else { break }
            position += 1
        }
        // extensions
        while position < subtags.count, subtags[position].count == 1, subtags[position] != [0x78] {
            position += 1
            var parts = 0
            while position < subtags.count, subtags[position].count >= 2 {
                position += 1
                parts += 1
            }
            guard parts > 0 else { return false }
        }
        if position < subtags.count, subtags[position] == [0x78] { return privateUse() }
        return position == subtags.count
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
