import HTTPLintCore

/// The Cache-Control directives of a response, read once per response for the rules that
/// check them or reason about freshness (RFC 9111 §4.2.1, §5.2).
final class CacheDirectives: ResponseReading {
    /// Every directive in order, repeats kept: the name lowercased, the value trimmed but
    /// still quoted as sent, `nil` without `=`.
    let all: [(name: String, value: String?)]
    /// Each directive name once, with the value of its first occurrence (quotes removed):
    /// what caches act on. A list: a response has few directives, and comparing a few short
    /// strings costs less than hashing one.
    private let firsts: [(name: String, value: String?)]
    /// The first Cache-Control field, where findings about the directives point.
    let firstField: Field?

    init(_ response: Response) {
        let fields = response.fields.named(.cacheControl)
        var all: [(name: String, value: String?)] = []
        var firsts: [(name: String, value: String?)] = []
        for directive in fields.flatMap(\.listElements) {
            // "=" is ASCII: find it among the bytes rather than the characters.
            let equals = directive.utf8.firstIndex(of: UInt8(ascii: "="))
            let name = (equals.map { directive[..<$0] } ?? directive[...]).trimmingWhitespace().asciiLowercased()
            let value = equals.map { String(directive[directive.utf8.index(after: $0)...].trimmingWhitespace()) }
            all.append((name, value))
            guard !firsts.contains(where: { $0.name == name }) else { continue }
            if let value, value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                firsts.append((name, String(value.dropFirst().dropLast())))
            } else {
                firsts.append((name, value))
            }
        }
        self.all = all
        self.firsts = firsts
        self.firstField = fields.first
    }

    /// The value of the first `name` directive (lowercase), quotes removed: `nil` when there
    /// is none, `.some(nil)` when it has no `=`.
    func value(_ name: String) -> String?? {
        for entry in firsts where entry.name == name { return .some(entry.value) }
        return nil
    }

    func has(_ name: String) -> Bool { value(name) != nil }

    /// The delta-seconds value of `name`, `nil` when absent or not digits (§1.2.2: a value too
    /// large to represent counts as 2^31).
    func seconds(_ name: String) -> Int? {
        guard case .some(.some(let value)) = value(name), !value.isEmpty,
              value.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        return Int(value).map { min($0, 2_147_483_648) } ?? 2_147_483_648
    }
}
