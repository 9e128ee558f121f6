/// Counts of findings per rule over a run, for `--statistics`.
public enum RuleStatistics {
    /// One line per rule that fired, most frequent first: count, severity, id.
    public static func render(_ reports: [InputReport]) -> String {
        render(findings: reports.flatMap(\.findings))
    }

    /// ``render(_:)`` from the findings alone (a run that does not keep its reports).
    public static func render(findings: [Finding]) -> String {
        var counts: [String: (count: Int, severity: Severity)] = [:]
        for finding in findings {
            counts[finding.rule, default: (0, finding.severity)].count += 1
        }
        guard !counts.isEmpty else { return "statistics: no findings\n" }
        let sorted = counts.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
        let width = String(sorted[0].value.count).count
        return "statistics:\n" + sorted.map { rule, entry in
            let count = String(entry.count)
            return "  " + String(repeating: " ", count: width - count.count) + count + "  \(entry.severity.rawValue)  \(rule)\n"
        }.joined()
    }
}
