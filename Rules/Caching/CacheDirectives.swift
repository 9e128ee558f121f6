import HTTPLintCore

/// The Cache-Control directives of a response, read the way RFC 9111 §4.2.1 and §5.2 have
/// caches read them, for the rules that reason about freshness.
struct CacheDirectives {
    /// Directive names in lowercase with their values (quotes removed), first occurrence kept.
    let values: [String: String?]

    init(_ response: Response) {
        var values: [String: String?] = [:]
        for directive in response.fields.listElements(named: "Cache-Control") {
            let parts = directive.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingWhitespace().lowercased()
            guard values[name] == nil else { continue }
            var value = parts.count == 2 ? String(parts[1].trimmingWhitespace()) : nil
            if let quoted = value, quoted.count >= 2, quoted.hasPrefix("\""), quoted.hasSuffix("\"") {
                value = String(quoted.dropFirst().dropLast())
            }
            values[name] = .some(value)
        }
        self.values = values
    }

    func has(_ name: String) -> Bool { values[name] != nil }

    /// The delta-seconds value of `name`, `nil` when absent or not digits (§1.2.2: a value too
    /// large to represent counts as 2^31).
    func seconds(_ name: String) -> Int? {
        guard case .some(.some(let value)) = values[name], !value.isEmpty,
              value.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        return Int(value).map { min($0, 2_147_483_648) } ?? 2_147_483_648
    }

    /// The first `name` field of `response` as a date, `nil` when absent or not an HTTP-date.
    static func date(_ name: String, in response: Response) -> (field: Field, date: HTTPDate)? {
        guard let field = response.fields.first(named: name),
              let date = try? HTTPDate.parse(field.value) else { return nil }
        return (field, date)
    }
}
