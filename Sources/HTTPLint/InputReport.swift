/// The outcome for one input: what linting found, or why the input could not be read.
public struct InputReport: Sendable {
    public enum Outcome: Sendable {
        case linted(LintResult)
        /// The input could not be read; the text says why, in one line.
        case failed(String)
    }

    /// The name the input is reported by: its path, or `-` for standard input.
    public let name: String
    /// The part of the input this report covers, when one input holds several that are
    /// linted apart (a HAR entry: "entry 3: GET https://example.com/"). Lines and columns then
    /// refer to that part's response as rebuilt from the archive.
    public let part: String?
    /// The 1-based line of the input where ``part`` starts (a HAR entry's line in the archive),
    /// when known: machine formats point there as well as at the part.
    public let partLine: Int?
    public let outcome: Outcome
    /// The number of responses (final and interim) read from the input.
    public let responseCount: Int
    /// Whether more reports of the same input follow this one: an input streamed a window at
    /// a time gives one report per window, all but the last marked so. Formats that give one
    /// record per input (JSON Lines) write it with the last.
    public var continues = false

    public init(name: String, part: String? = nil, partLine: Int? = nil, outcome: Outcome) {
        self.init(name: name, part: part, partLine: partLine, outcome: outcome, responseCount: Self.countResponses(outcome))
    }

    private init(name: String, part: String?, partLine: Int?, outcome: Outcome, responseCount: Int) {
        self.name = name
        self.part = part
        self.partLine = partLine
        self.outcome = outcome
        self.responseCount = responseCount
    }

    /// The same report without the parsed exchanges and the input's bytes: its findings and
    /// counts stay (what run totals read). For a report whose text is already written: the
    /// thread that linted the input frees them, rather than the thread writing the output
    /// (memory freed by another thread than the one that took it waits on that thread's lock).
    public func keepingCountsOnly() -> InputReport {
        guard case .linted(let result) = outcome else { return self }
        var copy = InputReport(name: name, part: part, partLine: partLine, outcome: .linted(LintResult(
            source: Self.noSource, exchanges: [], findings: result.findings)), responseCount: responseCount)
        copy.continues = continues
        return copy
    }

    private static let noSource = SourceText(name: "", bytes: [])

    /// The same report with only the findings at or above `severity` (for `--quiet`).
    public func keepingOnly(_ severity: Severity) -> InputReport {
        guard case .linted(let result) = outcome else { return self }
        var copy = InputReport(name: name, part: part, partLine: partLine, outcome: .linted(LintResult(
            source: result.source, exchanges: result.exchanges, findings: result.findings.filter { $0.severity >= severity })),
            responseCount: responseCount)
        copy.continues = continues
        return copy
    }

    /// The same report under another name: standard input (`-`) as `--stdin-filename` names it.
    public func renamed(_ name: String) -> InputReport {
        var copy = InputReport(name: name, part: part, partLine: partLine, outcome: outcome, responseCount: responseCount)
        copy.continues = continues
        return copy
    }

    public var findings: [Finding] {
        if case .linted(let result) = outcome { return result.findings }
        return []
    }

    private static func countResponses(_ outcome: Outcome) -> Int {
        guard case .linted(let result) = outcome else { return 0 }
        return result.exchanges.reduce(0) { count, exchange in
            count + exchange.interim.count + (exchange.response.statusLineSpan.length > 0 ? 1 : 0)
        }
    }
}

/// Totals over every input of a run.
public struct RunSummary: Sendable {
    public var inputs = 0
    public var unreadable = 0
    public var responses = 0
    public var counts: [Severity: Int] = [:]

    /// Names counted so far: a HAR archive gives one report per entry and a streamed input
    /// one per window; each is still one input.
    private var seen = SeenNames()

    public init(_ reports: [InputReport] = []) {
        for report in reports { add(report) }
    }

    /// Counts one more report.
    public mutating func add(_ report: InputReport) {
        if seen.insert(report.name) {
            inputs += 1
            if case .failed = report.outcome { unreadable += 1 }
        } else if case .failed = report.outcome {
            // A streamed input that fails part-way was counted as read when its first window was.
            unreadable += 1
        }
        responses += report.responseCount
        for finding in report.findings { counts[finding.severity, default: 0] += 1 }
    }

    public func count(_ severity: Severity) -> Int { counts[severity] ?? 0 }
}

/// The set of input names a run has reported, cheap for the usual run of many distinct paths
/// of one length: a set of strings compares each new path byte by byte with every path its
/// probe meets, and the paths of one directory share all but their last bytes.
struct SeenNames: Sendable {
    /// The name last inserted: the reports of one input come one after another.
    private var last: String?
    /// Each name by its hash, for the first name to have that hash.
    private var byHash: [Int: String] = [:]
    /// The names whose hash an earlier, different name already had.
    private var collided: Set<String> = []
    private let hash: @Sendable (String) -> Int

    /// `hash` is for tests that need names to collide.
    init(hash: @escaping @Sendable (String) -> Int = { $0.hashValue }) { self.hash = hash }

    /// Adds `name`; whether it was new.
    mutating func insert(_ name: String) -> Bool {
        if name == last { return false }
        last = name
        let hash = hash(name)
        guard let first = byHash[hash] else {
            byHash[hash] = name
            return true
        }
        return first != name && collided.insert(name).inserted
    }
}
