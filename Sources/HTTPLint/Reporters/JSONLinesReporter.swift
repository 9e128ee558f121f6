import Foundation

/// JSON Lines, written as each input is linted: one line per finding, with the same fields as
/// the `json` format's findings; then one record for the input, so that a clean input can be
/// told from one not processed; after the last input, one summary record.
///
/// ```
/// {"path":"a.http","entry":null,"exchange":0,"status":405,"rule":"method-not-allowed-without-allow",…}
/// {"record":"input","path":"a.http","entry":null,"responses":1,"findings":1}
/// {"record":"input","path":"clean.http","entry":null,"responses":1,"findings":0}
/// {"path":"gone.http","error":"cannot read 'gone.http': no such file"}
/// {"record":"summary","inputs":3,"unreadable":1,"responses":2,"errors":1,"warnings":0,"info":0}
/// ```
///
/// An input that could not be read is its one `{"path": …, "error": …}` record. A HAR archive
/// has a record per entry (with its `entry`), as in the `json` format's `inputs`; an input
/// streamed a window at a time has one record, after its last window's findings. The summary
/// counts what this reporter rendered (reporters are made per run).
public final class JSONLinesReporter: Reporter, @unchecked Sendable {
    /// Totals of the inputs rendered so far; inputs may be rendered on several threads.
    private var summary = RunSummary()
    /// Responses and findings of the windows of a streamed input written so far, by name: its
    /// one input record, written with its last window, counts them all.
    private var streamed: [String: (responses: Int, findings: Int)] = [:]
    private let lock = NSLock()

    public init() {}

    public func render(_ input: InputReport) -> String {
        lock.lock()
        summary.add(input)
        let earlier = streamed.removeValue(forKey: input.name) ?? (0, 0)
        let counts = (responses: earlier.responses + input.responseCount, findings: earlier.findings + input.findings.count)
        if input.continues { streamed[input.name] = counts }
        lock.unlock()
        if case .failed(let reason) = input.outcome {
            return JSON.object([("path", JSONReporter.text(input.name)), ("error", JSONReporter.text(reason))]).compact() + "\n"
        }
        var out = ""
        for located in LocatedFinding.all(in: input) { out += JSONReporter.object(located).compact() + "\n" }
        if input.continues { return out }
        return out + JSON.object([
            ("record", .string("input")), ("path", JSONReporter.text(input.name)), ("entry", input.part.map(JSON.string) ?? .null),
            ("responses", .number(counts.responses)), ("findings", .number(counts.findings)),
        ]).compact() + "\n"
    }

    public func finish(_ inputs: [InputReport]) -> String {
        lock.lock()
        defer { lock.unlock() }
        return JSON.object([("record", .string("summary"))] + JSONReporter.summaryMembers(summary)).compact() + "\n"
    }
}
