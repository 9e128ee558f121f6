import Foundation
import HTTPLint
import Testing

/// The whole run as a library call: the same reports in the same order whatever the number of
/// jobs, each input linted as the linter lints it alone, and what the run cannot start on
/// refused with a reason.
@Suite struct LintRunTests {
    static func texts(jobs: Int, format: OutputFormat, keepsReports: Bool) throws -> String {
        let run = try LintRun(options: .init(inputs: [PackageFiles.url("Samples").path], jobs: jobs, usesConfigurationFile: false,
                                             keepsReports: keepsReports))
        let reporter = format.reporter()
        var streamed = ""
        let outcome = run.run(render: { reporter.render($0) }) { _, text in
            streamed += text
            return true
        }
        return streamed + reporter.finish(outcome.reports)
    }

    @Test(arguments: [OutputFormat.jsonl, .json, .sarif])
    func theSameReportsWhateverTheJobs(_ format: OutputFormat) throws {
        let keeps = !format.isStreaming
        let one = try Self.texts(jobs: 1, format: format, keepsReports: keeps)
        #expect(!one.isEmpty)
        #expect(try Self.texts(jobs: 3, format: format, keepsReports: keeps) == one)
    }

    @Test func eachInputIsLintedAsTheLinterLintsItAlone() throws {
        let path = PackageFiles.url("Samples/nginx-405-post-to-static-file.http").path
        let run = try LintRun(options: .init(inputs: [path], usesConfigurationFile: false, keepsReports: true))
        let outcome = run.run(render: { _ in () }) { _, _ in true }
        let requests = RequestParser.parse(SourceText(name: "r", bytes: try PackageFiles.bytes("Samples/nginx-405-post-to-static-file.req")))
        let alone = Linter().lint(SourceText(name: path, bytes: try PackageFiles.bytes("Samples/nginx-405-post-to-static-file.http")),
                                  requests: requests)
        #expect(outcome.reports.flatMap(\.findings) == alone.findings)
        #expect(outcome.anyFailing && !outcome.anyUnreadable && outcome.summary.inputs == 1)
    }

    @Test func whatTheRunCannotStartOnIsRefused() {
        #expect(throws: LintRun.Failure.self) { try LintRun(options: .init(inputs: ["x"], requestPath: "/no/such.req")) }
        #expect(throws: LintRun.Failure.self) { try LintRun(options: .init(inputs: ["x"], configurationPath: "/no/such.json")) }
        #expect(throws: LintRun.Failure.self) { try LintRun(options: .init(inputs: ["x"], usesConfigurationFile: false, baselinePath: "/no/such.json")) }
    }

    @Test func aHandlerCanStopTheRun() throws {
        let run = try LintRun(options: .init(inputs: [PackageFiles.url("Samples").path], usesConfigurationFile: false))
        var seen = 0
        let outcome = run.run(render: { _ in () }) { _, _ in
            seen += 1
            return seen < 3
        }
        #expect(seen == 3 && outcome.stopped)
    }
}
