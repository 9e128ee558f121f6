import HTTPLintCore

/// A Set-Cookie field line split the way user agents split it (RFC 6265bis §5.6, RFC 6265
/// §5.2): the name-value pair up to the first `;`, then attributes separated by `;`, each
/// `name[=value]` with surrounding whitespace removed. Nothing is rejected here; the rules
/// judge the parts.
struct SetCookie {
    let field: Field
    /// Whether the name-value pair has an `=`; without one, user agents store a cookie with an
    /// empty name whose value is the whole pair.
    let hasEquals: Bool
    /// The cookie name as user agents read it (whitespace around it removed).
    let name: String
    /// The cookie value as user agents read it (whitespace around it removed, quotes kept).
    let value: String
    /// Every attribute in order, repeats and unknown names included.
    let attributes: [Attribute]

    struct Attribute {
        /// The name as written, whitespace removed.
        let name: String
        /// The value, whitespace removed; empty when there is no `=`.
        let value: String
        let hasEquals: Bool
        /// The name lowercased: attribute names match case-insensitively.
        var key: String { name.asciiLowercased() }
    }

    init(_ field: Field) {
        self.field = field
        let parts = field.value.split(separator: ";", omittingEmptySubsequences: false)
        let pair = parts.first ?? ""
        if let equals = pair.firstIndex(of: "=") {
            hasEquals = true
            name = String(pair[..<equals].trimmingWhitespace())
            value = String(pair[pair.index(after: equals)...].trimmingWhitespace())
        } else {
            hasEquals = false
            name = ""
            value = String(pair.trimmingWhitespace())
        }
        attributes = parts.dropFirst().compactMap { part in
            if let equals = part.firstIndex(of: "=") {
                return Attribute(name: String(part[..<equals].trimmingWhitespace()),
                                 value: String(part[part.index(after: equals)...].trimmingWhitespace()), hasEquals: true)
            }
            let name = part.trimmingWhitespace()
            return name.isEmpty ? nil : Attribute(name: String(name), value: "", hasEquals: false)
        }
    }

    /// Every Set-Cookie field line of `response`, parsed.
    static func all(in response: Response) -> [SetCookie] {
        response.fields.named(.setCookie).map(SetCookie.init)
    }

    /// The last attribute called `name` (case-insensitive): the one user agents use.
    func last(_ name: String) -> Attribute? {
        let key = name.asciiLowercased()
        return attributes.last { $0.key == key }
    }

    /// Whether an attribute called `name` is present (case-insensitive).
    func has(_ name: String) -> Bool { last(name) != nil }

    /// Whether the cookie is Secure: any attribute named Secure sets the flag, whatever its value.
    var isSecure: Bool { has("Secure") }

    /// The cookie's name for messages, escaped.
    var displayName: String { hasEquals && !name.isEmpty ? Printable.escape(name) : "(nameless)" }
}
