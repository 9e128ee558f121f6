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
        let strict: StrictJSON
        do {
            strict = try StrictJSON(bytes)
        } catch {
            throw Problem(description: "baseline \(path):\(error.position): not valid JSON: \(error.reason)")
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
        if let unknown = root.keys.sorted().first(where: { $0 != "version" && $0 != "findings" }) {
            throw Problem(description: "baseline \(path):\(strict.at(unknown))unknown key \"\(unknown)\"; a baseline has version and findings")
        }
        let file = path
        var counts: [Key: Int] = [:]
        let known: Set<String> = ["path", "entry", "exchange", "rule", "message", "count"]
        for (index, item) in findings.enumerated() {
            let at = "findings[\(index)]"
            guard let path = item["path"] as? String, let exchange = item["exchange"] as? Int, let rule = item["rule"] as? String,
                  let message = item["message"] as? String else {
                throw Problem(description: "baseline \(file):\(strict.at(at))\(at) lacks path, exchange, rule or message")
            }
            if let unknown = item.keys.sorted().first(where: { !known.contains($0) }) {
                throw Problem(description: "baseline \(file):\(strict.at(at + "." + unknown))unknown key \"\(unknown)\" in \(at); use \(known.sorted().joined(separator: ", "))")
            }
            // A count is a whole number of findings, at least 1: not -5, 2.5, 1e300 or true (its
            // text must be the number's own).
            var count = 1
            if let value = item["count"] {
                guard let number = value as? Int, number >= 1, "\(value)" == String(number),
                      (value as? NSNumber).map({ String(cString: $0.objCType) != "c" }) ?? false else {
                    throw Problem(description: "baseline \(file):\(strict.at(at + ".count"))\(at).count must be a whole number of findings, 1 or more")
                }
                count = number
            }
            counts[Key(path: path, entry: item["entry"] as? String, exchange: exchange, rule: rule, message: message),
                   default: 0] += count
        }
        self.counts = counts
    }

    static func key(_ finding: Finding, in report: InputReport) -> Key {
        Key(path: report.name, entry: report.part, exchange: finding.exchange, rule: finding.rule, message: finding.message)
    }

    /// How many recorded findings no finding of the run has used up so far: at the end of a
    /// run, findings fixed since the baseline was written (or inputs no longer linted).
    public var unmatched: Int { counts.values.reduce(0, +) }

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
