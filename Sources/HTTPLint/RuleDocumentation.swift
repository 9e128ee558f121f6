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

    /// The Markdown tables of every rule, one per category, as the README shows them.
    /// Rules that need the request are marked "(needs `--request`)".
    public static func markdownTable() -> String {
        var out = ""
        for category in categories {
            out += "### \(title(category))\n\n| id | severity | what it finds | spec |\n|---|---|---|---|\n"
            for rule in RuleCatalogue.rules where rule.description.category == category {
                let d = rule.description
                let specs = d.spec.map { "[\($0)](\($0.url))" }.joined(separator: ", ")
                let summary = d.summary.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
                let notes = (d.needsRequest ? " (needs `--request`)" : "") + (d.isEnabledByDefault ? "" : " (opt-in)")
                out += "| `\(d.id)` | \(d.severity.rawValue) | \(summary)\(notes) | \(specs) |\n"
            }
            out += "\n"
        }
        return out
    }

    /// The categories in catalogue order.
    static var categories: [RuleDescription.Category] {
        var result: [RuleDescription.Category] = []
        for rule in RuleCatalogue.rules where !result.contains(rule.description.category) {
            result.append(rule.description.category)
        }
        return result
    }

    static func title(_ category: RuleDescription.Category) -> String {
        category.rawValue.prefix(1).uppercased() + category.rawValue.dropFirst()
    }

    /// The full documentation of every rule as one Markdown page, grouped by category, and
    /// the table of which rules check each field: `Rules/README.md`.
    public static func documentationPage() -> String {
        var out = """
            # httplint rules

            Generated from the rule descriptions by `swift run httplint rules --docs`; do not edit.
            Each rule is one file under `Rules/<Category>/`. Examples show every byte: `\\r\\n` is
            CRLF. A test fails when this page is stale.


            """
        for category in categories {
            out += "## \(title(category))\n\n"
            for rule in RuleCatalogue.rules where rule.description.category == category {
                let d = rule.description
                out += "### `\(d.id)`\n\n"
                out += "\(d.summary). Severity: **\(d.severity.rawValue)**."
                out += d.needsRequest ? " Needs the request (`--request`); silent without it." : ""
                out += d.isEnabledByDefault ? "\n\n" : " Opt-in: runs with `--profile all` or `strict`.\n\n"
                out += "\(d.rationale)\n\n"
                out += "Fix: \(d.fix).\n\n"
                out += "Spec: " + d.spec.map { "[\($0)](\($0.url))" }.joined(separator: ", ") + "\n\n"
                out += markdownExamples(d)
            }
        }
        return out + fieldTable()
    }

    /// Where a rule's section of `Rules/README.md` is in the repository: the page and the
    /// anchor GitHub gives its heading.
    public static func url(of id: String) -> String {
        "\(HTTPLintVersion.repository)/blob/main/Rules/README.md#\(id)"
    }

    /// The examples of a rule in Markdown; for a note an input reader reports, who reports it
    /// (and its examples only if it has any).
    static func markdownExamples(_ d: RuleDescription) -> String {
        var out = d.reportedBy.map { "Reported by \($0), not by a check of exchanges.\n\n" } ?? ""
        if !d.triggering.isEmpty || d.reportedBy == nil {
            out += "Triggers on:\n\n" + d.triggering.map(markdownExample).joined()
        }
        if !d.nonTriggering.isEmpty || d.reportedBy == nil {
            out += "Does not trigger on:\n\n" + d.nonTriggering.map(markdownExample).joined()
        }
        return out
    }

    static func markdownExample(_ example: Example) -> String {
        "```\n" + render(example) .dropLast() + "```\n\n"
    }

    /// Everything about one rule: summary, rationale, fix, spec and examples.
    public static func explain(_ d: RuleDescription) -> String {
        var out = "\(d.id) (\(d.severity.rawValue), \(d.category.rawValue))\n\n\(d.summary)\n\n\(d.rationale)\n\n"
        out += "Fix: \(d.fix)\n"
        out += "Spec: " + d.spec.map { "\($0) <\($0.url)>" }.joined(separator: "\n      ") + "\n"
        if d.needsRequest { out += "Needs the request (--request); silent without it.\n" }
        if !d.isEnabledByDefault { out += "Opt-in: runs with --profile all or strict.\n" }
        if let reporter = d.reportedBy { out += "Reported by \(reporter), not by a check of exchanges.\n" }
        if !d.triggering.isEmpty || d.reportedBy == nil {
            out += "\nTriggers on:\n"
            for example in d.triggering { out += render(example) }
        }
        if !d.nonTriggering.isEmpty || d.reportedBy == nil {
            out += "\nDoes not trigger on:\n"
            for example in d.nonTriggering { out += render(example) }
        }
        return out
    }

    /// What the status-code table knows about `code`, for `httplint explain 499`. An IIS
    /// sub-status (`401.1`) is explained as its three-digit code, with a note.
    public static func explainStatus(_ text: String) -> String? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 3, let code = Int(first),
              parts.count == 1 || (parts[1].allSatisfy(\.isNumber) && !parts[1].isEmpty) else { return nil }
        var out = ""
        if parts.count == 2 {
            out += "\(text) is an IIS sub-status: IIS writes it in its logs and error pages; on the wire the "
                + "status line carries \(code) only (rule iis-substatus-in-status-line).\n\n"
        }
        guard let entry = StatusCode.lookup(code) else {
            let range = (100...599).contains(code) ? "not registered, and no product httplint knows uses it (rule unregistered-status-code)"
                : "outside 100–599, so it is invalid (rule status-code-out-of-range)"
            return out + "\(code): \(range).\n"
        }
        if let registration = entry.registration {
            out += "\(code) \(registration.phrase) (\(entry.standing.rawValue), \(registration.spec) <\(registration.spec.url)>)\n"
            if !registration.formerPhrases.isEmpty {
                out += "  formerly: \(registration.formerPhrases.joined(separator: ", "))\n"
            }
        } else {
            out += "\(code) (\(entry.standing.rawValue): not in the IANA registry)\n"
        }
        for use in entry.unofficialUses {
            out += "  \(use.isLogOnly ? "log-only, " : "")\(use.vendor): \(use.phrase). \(use.meaning)\n    see: \(use.reference)\n"
        }
        out += "  class: \(entry.statusClass)xx; content allowed: \(entry.contentAllowed ? "yes" : "no"); "
            + "cacheable by default: \(entry.cacheableByDefault ? "yes" : "no")\n"
        if !entry.requiredFields.isEmpty { out += "  requires: \(entry.requiredFields.joined(separator: ", "))\n" }
        if !entry.recommendedFields.isEmpty { out += "  recommends: \(entry.recommendedFields.joined(separator: ", "))\n" }
        if entry.needsRequest { out += "  judged with the request (--request): its meaning depends on what was asked\n" }
        return out
    }

    /// An example with its line endings shown (`\r\n`), indented.
    static func render(_ example: Example) -> String {
        var out = ""
        if let version = example.recordedVersion { out += "  (recorded as \(version) in a HAR entry, rebuilt as HTTP/1.1 text)\n" }
        if let request = example.request {
            out += "  request:\n" + lines(request, prefix: "    ")
            out += "  response:\n" + lines(example.response, prefix: "    ")
        } else {
            out += lines(example.response, prefix: "  ")
        }
        return out + "\n"
    }

    /// At most 24 lines of an example; a generated one (100,001 fields) says how much is left out.
    private static func lines(_ bytes: [UInt8], prefix: String) -> String {
        if bytes.isEmpty { return prefix + "(empty input)\n" }
        var out = ""
        var current: [UInt8] = []
        var shown = 0
        for (offset, byte) in bytes.enumerated() {
            if shown == 24 {
                return out + prefix + "… (\(bytes.count - offset) more bytes)\n"
            }
            if byte == 0x0A { shown += 1 }
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
