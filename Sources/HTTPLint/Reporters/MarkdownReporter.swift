/// A Markdown summary for pull-request comments and `$GITHUB_STEP_SUMMARY`: counts, then a
/// table of every finding and every input that could not be read.
///
/// Text from the wire or a file name is escaped for Markdown and for HTML (a reason phrase
/// `<script>` shows as text, a backtick in a file name stays a backtick). GitHub drops a step
/// summary larger than 1 MiB: the report stops before ``maxSize`` with a last line saying how
/// many findings were left out and where the full list is.
public struct MarkdownReporter: Reporter {
    /// The largest report, in bytes.
    public let maxSize: Int

    public init(maxSize: Int = 1 << 20) {
        self.maxSize = maxSize
    }

    public func render(_ input: InputReport) -> String { "" }

    public func finish(_ inputs: [InputReport]) -> String {
        let summary = RunSummary(inputs)
        var out = "### httplint\n\n"
        out += "\(summary.inputs) input\(summary.inputs == 1 ? "" : "s"), \(summary.responses) response\(summary.responses == 1 ? "" : "s"): "
        out += "**\(summary.count(.error))** errors, **\(summary.count(.warning))** warnings, \(summary.count(.info)) info"
        out += summary.unreadable > 0 ? ", \(summary.unreadable) unreadable\n\n" : "\n\n"
        let failed = inputs.compactMap { input -> (String, String)? in
            if case .failed(let reason) = input.outcome { return (input.name, reason) }
            return nil
        }
        let total = inputs.reduce(0) { $0 + $1.findings.count }
        guard total > 0 || !failed.isEmpty else { return out + "No problems found.\n" }
        out += "| severity | rule | location | message |\n|---|---|---|---|\n"
        // Room for the last line when rows are left out.
        let limit = maxSize - 512
        var shown = 0
        for (name, reason) in failed {
            let row = "| error | | \(cell(name)) | \(cell(reason)) |\n"
            guard out.utf8.count + row.utf8.count <= limit else { return out + leftOut(total - shown) }
            out += row
        }
        for input in inputs {
            for item in LocatedFinding.all(in: input) {
                let rule = item.rule.flatMap(\.spec.first).map { "[`\(item.finding.rule)`](\($0.url))" } ?? "`\(item.finding.rule)`"
                let place = item.part.map { "\(cell(item.path)) \(cell($0))" } ?? "\(cell(item.path)):\(item.line):\(item.column)"
                let row = "| \(item.finding.severity) | \(rule) | \(place) | \(cell(item.finding.message)) |\n"
                guard out.utf8.count + row.utf8.count <= limit else { return out + leftOut(total - shown) }
                out += row
                shown += 1
            }
        }
        return out
    }

    /// The last line of a report cut short.
    private func leftOut(_ count: Int) -> String {
        "\n**\(count) more finding\(count == 1 ? "" : "s") left out**: this summary stops at \(maxSize / 1024) KiB, "
            + "the most GitHub shows; the full list is in the run's other reports (`--format json`, `--output sarif=PATH`).\n"
    }

    /// Text from the wire or a file name, safe inside a table cell in GitHub's Markdown and in
    /// Python-Markdown: controls and hidden characters shown as escapes (no line breaks), HTML
    /// and Markdown punctuation as character references, which both show as the character and
    /// neither reads as markup (a reference cannot open a tag, a code span, emphasis, a link or
    /// a cell).
    func cell(_ text: String) -> String {
        var out = ""
        for scalar in Printable.display(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // A cell is never at the start of a line: these are what can open markup inside one
            // (`$` math, `@` a mention in a pull-request comment).
            case "|", "`", "*", "_", "[", "]", "\\", "~", "$", "@":
                out += "&#\(scalar.value);"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
