import Foundation

/// Findings recorded at one point, so that a run reports only the new ones.
///
/// A finding is matched by input path, HAR entry, rule, exchange index and message, never by
/// line, so that edits elsewhere in a file do not bring recorded findings back; each recorded
/// finding absorbs one finding of the new run.
///
/// ```json
/// { "version": 1, "findings": [ { "path": "a.http", "entry": null, "exchange": 0,
///   "rule": "method-not-allowed-without-allow", "message": "405 …", "count": 1 } ] }
/// ```
public struct Baseline: Sendable {
    struct Key: Hashable {
        let path: String
        let entry: String?
        let exchange: Int
        let rule: String
        let message: String
    }

    private var counts: [Key: Int]

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// A baseline of every finding in `reports`.
    public init(recording reports: [InputReport]) {
        var counts: [Key: Int] = [:]
        for report in reports {
            for finding in report.findings { counts[Self.key(finding, in: report), default: 0] += 1 }
        }
        self.counts = counts
    }

    /// Reads a baseline written by ``json()``.
    public init(contentsOf path: String) throws(Problem) {
        // Read with read(2): Foundation's Data(contentsOf:) leaks a buffer on empty files.
        let bytes: [UInt8]
        do {
            bytes = try InputReader.read(path)
        } catch {
            throw Problem(description: "baseline \(path): \(error.description)")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw Problem(description: "baseline \(path): cannot read it as JSON (\(error.localizedDescription))")
        }
        guard let root = object as? [String: Any], root["version"] as? Int == 1, let findings = root["findings"] as? [[String: Any]] else {
            throw Problem(description: "baseline \(path): not an httplint baseline (version 1 with a findings array)")
        }
        var counts: [Key: Int] = [:]
        for item in findings {
            guard let path = item["path"] as? String, let exchange = item["exchange"] as? Int, let rule = item["rule"] as? String,
                  let message = item["message"] as? String else {
                throw Problem(description: "baseline \(path): an entry lacks path, exchange, rule or message")
            }
            counts[Key(path: path, entry: item["entry"] as? String, exchange: exchange, rule: rule, message: message),
                   default: 0] += item["count"] as? Int ?? 1
        }
        self.counts = counts
    }

    static func key(_ finding: Finding, in report: InputReport) -> Key {
        Key(path: report.name, entry: report.part, exchange: finding.exchange, rule: finding.rule, message: finding.message)
    }

    /// `report` without the findings the baseline still records, which it uses up; and how
    /// many were left out.
    public mutating func absorb(_ report: InputReport) -> (report: InputReport, suppressed: Int) {
        guard case .linted(let result) = report.outcome else { return (report, 0) }
        var suppressed = 0
        let kept = result.findings.filter { finding in
            let key = Self.key(finding, in: report)
            guard let left = counts[key], left > 0 else { return true }
            counts[key] = left - 1
            suppressed += 1
            return false
        }
        return (InputReport(name: report.name, part: report.part, partLine: report.partLine,
                            outcome: .linted(LintResult(source: result.source, exchanges: result.exchanges, findings: kept))),
                suppressed)
    }

    /// The baseline as JSON, entries sorted so that the file diffs well.
    public func json() -> String {
        let entries = counts.sorted { ($0.key.path, $0.key.entry ?? "", $0.key.exchange, $0.key.rule, $0.key.message)
            < ($1.key.path, $1.key.entry ?? "", $1.key.exchange, $1.key.rule, $1.key.message) }
        let document: JSON = .object([
            ("version", .number(1)),
            ("findings", .array(entries.map { key, count in
                .object([("path", .string(key.path)), ("entry", key.entry.map(JSON.string) ?? .null),
                         ("exchange", .number(key.exchange)), ("rule", .string(key.rule)),
                         ("message", .string(key.message)), ("count", .number(count))])
            })),
        ])
        return document.rendered() + "\n"
    }
}
