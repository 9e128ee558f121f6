/// A Markdown summary for pull-request comments and `$GITHUB_STEP_SUMMARY`: counts, then a
/// table of every finding and every input that could not be read.
public struct MarkdownReporter: Reporter {
    public init() {}

    public func render(_ input: InputReport) -> String { "" }

    public func finish(_ inputs: [InputReport]) -> String {
        let summary = RunSummary(inputs)
        var out = "### httplint\n\n"
        out += "\(summary.inputs) input\(summary.inputs == 1 ? "" : "s"), \(summary.responses) response\(summary.responses == 1 ? "" : "s"): "
        out += "**\(summary.count(.error))** errors, **\(summary.count(.warning))** warnings, \(summary.count(.info)) info"
        out += summary.unreadable > 0 ? ", \(summary.unreadable) unreadable\n\n" : "\n\n"
        let located = inputs.flatMap(LocatedFinding.all)
        let failed = inputs.compactMap { input -> (String, String)? in
            if case .failed(let reason) = input.outcome { return (input.name, reason) }
            return nil
        }
        guard !located.isEmpty || !failed.isEmpty else { return out + "No problems found.\n" }
        out += "| severity | rule | location | message |\n|---|---|---|---|\n"
        for (name, reason) in failed {
            out += "| error | | `\(cell(name))` | \(cell(reason)) |\n"
        }
        for item in located {
            let rule = item.rule.flatMap(\.spec.first).map { "[`\(item.finding.rule)`](\($0.url))" } ?? "`\(item.finding.rule)`"
            let place = item.part.map { "`\(cell(item.path))` \(cell($0))" } ?? "`\(cell(item.path)):\(item.line):\(item.column)`"
            out += "| \(item.finding.severity) | \(rule) | \(place) | \(cell(item.finding.message)) |\n"
        }
        return out
    }

    /// Text safe inside a table cell: no line breaks, pipes and backticks escaped.
    private func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("`", with: "'").replacing("\n", with: " ").replacing("\r", with: " ")
    }
}
