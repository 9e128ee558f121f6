@testable import HTTPLint
import Testing

/// A run's totals count each input once, however many reports it gives and in whatever order.
@Suite struct RunSummaryTests {
    func report(_ name: String, failed: Bool = false) -> InputReport {
        if failed { return InputReport(name: name, outcome: .failed("cannot read '\(name)': no such file")) }
        return InputReport(name: name, outcome: .linted(Linter().lint(SourceText(name: name, text: "HTTP/1.1 204 No Content\r\n\r\n"))))
    }

    @Test func inputsAreCountedOncePerName() {
        let summary = RunSummary(["a", "a", "b", "a", "c", "b", "c"].map { report($0) })
        #expect(summary.inputs == 3)
        #expect(summary.responses == 7)
        let failures = RunSummary([report("a"), report("a", failed: true), report("b", failed: true)])
        #expect(failures.inputs == 2)
        #expect(failures.unreadable == 2, "a failed part-way after one report; b failed outright")
    }

    /// Names whose hashes collide are still told apart, and each still counted once.
    @Test func collidingNamesAreToldApart() {
        var seen = SeenNames(hash: { _ in 7 })
        #expect(["a", "b", "a", "c", "b", "c", "d"].map { seen.insert($0) } == [true, true, false, true, false, false, true])
        var distinct = SeenNames()
        #expect(["x", "y", "x", "x", "y"].map { distinct.insert($0) } == [true, true, false, false, false])
    }

    /// A report without its exchanges and input keeps what the totals need.
    @Test func keepingCountsOnlyKeepsCounts() {
        let full = InputReport(name: "s", outcome: .linted(Linter().lint(SourceText(
            name: "s", text: "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"))))
        let slim = full.keepingCountsOnly()
        #expect(full.responseCount == 2)
        #expect(slim.responseCount == 2)
        #expect(slim.findings == full.findings)
        #expect(!slim.findings.isEmpty)
        guard case .linted(let result) = slim.outcome else { Issue.record("the outcome changed"); return }
        #expect(result.exchanges.isEmpty)
        #expect(result.source.bytes.isEmpty)
    }
}
