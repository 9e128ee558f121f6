/// Text about the rules, made from their descriptions: the `httplint rules` list, the
/// `httplint explain` page and the README's rule table all come from here.
public enum RuleDocumentation {
    /// One line per rule: id, severity, summary.
    public static func list() -> String {
        let width = RuleCatalogue.rules.map { $0.description.id.count }.max() ?? 0
        return RuleCatalogue.rules.map { rule in
            let d = rule.description
            let id = d.id + String(repeating: " ", count: width - d.id.count)
            let severity = d.severity.rawValue + String(repeating: " ", count: 7 - d.severity.rawValue.count)
            return "\(id)  \(severity)  \(d.summary)\n"
        }.joined()
    }

    /// The Markdown table of every rule, as the README shows it.
    public static func markdownTable() -> String {
        var out = "| id | severity | what it finds | spec |\n|---|---|---|---|\n"
        for rule in RuleCatalogue.rules {
            let d = rule.description
            let specs = d.spec.map { "[\($0)](\($0.url))" }.joined(separator: ", ")
            out += "| `\(d.id)` | \(d.severity.rawValue) | \(d.summary.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")) | \(specs) |\n"
        }
        return out
    }

    /// The full documentation of every rule as one Markdown page, grouped by category:
    /// `Rules/README.md`.
    public static func documentationPage() -> String {
        var out = """
            # httplint rules

            Generated from the rule descriptions by `swift run httplint rules --docs`; do not edit.
            Each rule is one file under `Rules/<Category>/`. Examples show every byte: `\\r\\n` is
            CRLF. A test fails when this page is stale.


            """
        var categories: [RuleDescription.Category] = []
        for rule in RuleCatalogue.rules where !categories.contains(rule.description.category) {
            categories.append(rule.description.category)
        }
        for category in categories {
            out += "## \(category.rawValue.prefix(1).uppercased() + category.rawValue.dropFirst())\n\n"
            for rule in RuleCatalogue.rules where rule.description.category == category {
                let d = rule.description
                out += "### `\(d.id)`\n\n"
                out += "\(d.summary). Severity: **\(d.severity.rawValue)**."
                out += d.needsRequest ? " Needs the request (`--request`); silent without it.\n\n" : "\n\n"
                out += "\(d.rationale)\n\n"
                out += "Fix: \(d.fix).\n\n"
                out += "Spec: " + d.spec.map { "[\($0)](\($0.url))" }.joined(separator: ", ") + "\n\n"
                out += "Triggers on:\n\n" + d.triggering.map(markdownExample).joined()
                out += "Does not trigger on:\n\n" + d.nonTriggering.map(markdownExample).joined()
            }
        }
        return out
    }

    private static func markdownExample(_ example: Example) -> String {
        "```\n" + render(example) .dropLast() + "```\n\n"
    }

    /// Everything about one rule: summary, rationale, fix, spec and examples.
    public static func explain(_ d: RuleDescription) -> String {
        var out = "\(d.id) (\(d.severity.rawValue), \(d.category.rawValue))\n\n\(d.summary)\n\n\(d.rationale)\n\n"
        out += "Fix: \(d.fix)\n"
        out += "Spec: " + d.spec.map { "\($0) <\($0.url)>" }.joined(separator: "\n      ") + "\n"
        if d.needsRequest { out += "Needs the request (--request); silent without it.\n" }
        out += "\nTriggers on:\n"
        for example in d.triggering { out += render(example) }
        out += "\nDoes not trigger on:\n"
        for example in d.nonTriggering { out += render(example) }
        return out
    }

    /// An example with its line endings shown (`\r\n`), indented.
    static func render(_ example: Example) -> String {
        var out = ""
        if let request = example.request {
            out += "  request:\n" + lines(request, prefix: "    ")
            out += "  response:\n" + lines(example.response, prefix: "    ")
        } else {
            out += lines(example.response, prefix: "  ")
        }
        return out + "\n"
    }

    private static func lines(_ bytes: [UInt8], prefix: String) -> String {
        if bytes.isEmpty { return prefix + "(empty input)\n" }
        var out = ""
        var current: [UInt8] = []
        for byte in bytes {
            current.append(byte)
            if byte == 0x0A {
                out += prefix + Printable.escape(current) + "\n"
                current = []
            }
        }
        if !current.isEmpty { out += prefix + Printable.escape(current) + "\n" }
        return out
    }
}
