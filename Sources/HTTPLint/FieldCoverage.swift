/// Which rules check each field: the per-field table at the end of `Rules/README.md`, and the
/// count of fields with dedicated checks that the README states.
///
/// A field has *dedicated* checks when a rule names it in its `fields`, or when the field
/// table gives a field that responses carry a value grammar (checked by `invalid-field-value`
/// and, when it may not be empty, `empty-field-value`) or a structured type (checked by
/// `invalid-structured-field`). The *generic* checks apply to a field only because of what
/// the table says about its name (a singleton, deprecated, request-only, not a trailer) and
/// do not count.
public struct FieldCoverage: Sendable {
    /// The field's name as the field table (or the rule naming it) spells it.
    public let name: String
    /// What the field table knows, when the field is in it.
    public let definition: FieldDefinition?
    /// The ids of the rules that check this field in particular, in catalogue order.
    public let dedicatedRules: [String]
    /// The ids of the generic, name-driven rules that apply to it.
    public let genericRules: [String]

    /// Whether some rule checks this field in particular.
    public var hasDedicatedChecks: Bool { !dedicatedRules.isEmpty }

    /// Every field of the field table and every field a rule names, sorted by name.
    public static func all() -> [FieldCoverage] {
        let rules = RuleCatalogue.rules.map { $0.description }
        var names = FieldDefinition.all.map(\.name)
        var known = Set(names.map { $0.lowercased() })
        for rule in rules {
            for name in rule.fields where known.insert(name.lowercased()).inserted { names.append(name) }
        }
        return names.sorted { $0.lowercased() < $1.lowercased() }.map { name in
            coverage(of: name, definition: FieldDefinition.lookup(name), rules: rules)
        }
    }

    /// The names of the fields with dedicated checks.
    public static func fieldsWithDedicatedChecks() -> [String] {
        all().filter(\.hasDedicatedChecks).map(\.name)
    }

    private static func coverage(of name: String, definition: FieldDefinition?, rules: [RuleDescription]) -> FieldCoverage {
        var dedicated: [String] = []
        var generic: [String] = []
        let isResponseField = definition?.direction != .request
        for rule in rules {
            if rule.fields.contains(where: { $0.lowercased() == name.lowercased() }) {
                dedicated.append(rule.id)
                continue
            }
            guard let definition else { continue }
            switch rule.id {
            case "invalid-field-value" where definition.valueSyntax != nil && isResponseField:
                dedicated.append(rule.id)
            case "empty-field-value" where definition.valueSyntax?.allowsEmpty == false && isResponseField:
                dedicated.append(rule.id)
            case "invalid-structured-field" where definition.structuredType != nil:
                // For a request-only field it only applies because the field is in a response at all.
                if isResponseField { dedicated.append(rule.id) } else { generic.append(rule.id) }
            case "singleton-field-repeated" where definition.cardinality == .singleton && definition.name != "Content-Length",
                 "deprecated-field" where definition.standing == .deprecated || definition.standing == .obsoleted,
                 "request-field-in-response" where !isResponseField
                    && definition.standing != .deprecated && definition.standing != .obsoleted,
                 "field-not-allowed-in-trailers" where definition.allowedInTrailers == false:
                generic.append(rule.id)
            default:
                break
            }
        }
        return FieldCoverage(name: definition?.name ?? name, definition: definition, dedicatedRules: dedicated, genericRules: generic)
    }
}

extension RuleDocumentation {
    /// The "Checks by field" section of `Rules/README.md`: one row per field with its standing, its
    /// definition and the rules that check it.
    static func fieldTable() -> String {
        let fields = FieldCoverage.all()
        let dedicated = fields.filter(\.hasDedicatedChecks).count
        var out = """
            ## Checks by field

            \(dedicated) of the \(fields.count) fields below have dedicated checks: a rule names them, or the \
            field table gives the value of a field that responses carry a grammar (`invalid-field-value`, \
            `empty-field-value`) or a structured type (`invalid-structured-field`). The generic checks \
            apply to a field because of what the table says of its name (a singleton, deprecated, \
            request-only, not allowed as a trailer) and are not counted.

            | field | standing | defined in | dedicated checks | generic checks |
            |---|---|---|---|---|

            """
        for field in fields {
            let rules: ([String]) -> String = { ids in ids.map { "`\($0)`" }.joined(separator: ", ") }
            out += "| \(field.name) | \(field.definition?.standing.rawValue ?? "not in the field table") "
                + "| \(definedIn(field.definition)) | \(rules(field.dedicatedRules)) | \(rules(field.genericRules)) |\n"
        }
        return out
    }

    /// `[RFC 9110 §6.6.2](…)`, `[fetch.spec.whatwg.org](…)` or the reference's text.
    private static func definedIn(_ definition: FieldDefinition?) -> String {
        guard let definition else { return "" }
        if let spec = definition.spec { return "[\(spec)](\(spec.url))" }
        let reference = definition.reference
        guard reference.hasPrefix("https://") || reference.hasPrefix("http://") else {
            return reference.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
        }
        let link = reference.split(separator: " ").first.map(String.init) ?? reference
        let host = link.split(separator: "/").dropFirst().first.map(String.init) ?? link
        return "[\(host)](\(link))"
    }
}
