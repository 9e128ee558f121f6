#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import HTTPLint

/// Exit statuses, as `--help` documents them.
enum ExitStatus: Int32 {
    case clean = 0
    case findings = 1
    case failure = 2
}

/// Writes all of `text` to a file descriptor; false when the write fails (a closed pipe).
@discardableResult
func writeAll(_ descriptor: Int32, _ text: String) -> Bool {
    var text = text
    return text.withUTF8 { buffer -> Bool in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}

/// Writes to standard error, unbuffered.
func writeToStandardError(_ text: String) {
    writeAll(2, text)
}

/// Standard output, written unbuffered; after a failed write (the reader went away, the disk
/// is full) nothing more is written and the run stops.
enum StandardOutput {
    nonisolated(unsafe) static var failed = false
    /// The `errno` of the failed write.
    nonisolated(unsafe) static var failure: Int32 = 0

    static func write(_ text: String) {
        guard !failed, !text.isEmpty else { return }
        if !writeAll(1, text) {
            failed = true
            failure = errno
        }
    }

    /// Why writing failed, for the closing error.
    static var reason: String {
        failure == EPIPE ? "the reader went away (was it closed early?)" : String(cString: strerror(failure))
    }
}

/// Writes `text` to `path` whole or not at all: into a temporary file in the same directory,
/// flushed to disk, then renamed over `path`. A full disk or any other failure leaves what was
/// at `path` before (and no temporary file), never a truncated report.
func writeReplacing(_ path: String, _ text: String) throws(WriteFailure) {
    let directory = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[...$0]) } ?? "./"
    var template = Array((directory + ".httplint-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw WriteFailure(reason: String(cString: strerror(errno))) }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var failure: Int32 = 0
    if !writeAll(descriptor, text) || fsync(descriptor) != 0 { failure = errno }
    // Read and write for whoever could before: mkstemp makes the file private to its owner.
    let mask = umask(0); umask(mask)
    fchmod(descriptor, 0o666 & ~mask)
    if close(descriptor) != 0, failure == 0 { failure = errno }
    if failure == 0, rename(temporary, path) != 0 { failure = errno }
    if failure != 0 {
        unlink(temporary)
        throw WriteFailure(reason: String(cString: strerror(failure)))
    }
}

struct WriteFailure: Error {
    let reason: String
}

/// One line on standard error; names and reasons in it (a file name) are escaped for the terminal.
func printError(_ message: String) {
    writeToStandardError("httplint: error: \(Printable.display(message))\n")
}

func run(_ arguments: [String]) -> ExitStatus {
    let command: Command
    do {
        command = try CommandLineParser.parse(arguments)
    } catch {
        printError(error.message)
        writeToStandardError("Try 'httplint --help' for usage.\n")
        return .failure
    }
    switch command {
    case .help:
        StandardOutput.write(CommandLineParser.help)
        return .clean
    case .version:
        StandardOutput.write("httplint \(HTTPLintVersion.current)\n")
        return .clean
    case .listRules(let listing):
        switch listing {
        case .plain: StandardOutput.write(RuleDocumentation.list())
        case .table: StandardOutput.write(RuleDocumentation.markdownTable())
        case .docs: StandardOutput.write(RuleDocumentation.documentationPage())
        }
        return .clean
    case .explain(let id):
        if let status = RuleDocumentation.explainStatus(id) {
            StandardOutput.write(status)
            return .clean
        }
        guard let description = RuleCatalogue.description(of: id) else {
            printError("unknown rule id or status code '\(id)'; 'httplint rules' lists the rules")
            return .failure
        }
        StandardOutput.write(RuleDocumentation.explain(description))
        return .clean
    case .lint(let options):
        return lint(options)
    case .probe(let options):
        return probe(options)
    }
}

/// `httplint PATH…`: the run is the library's (``LintRun``); here its reports are written to
/// standard output and the `--output` files, and its outcome becomes an exit status.
func lint(_ options: LintOptions) -> ExitStatus {
    // Reports are kept for the end only when a format or file needs them all; otherwise the
    // run keeps counts, so that memory does not grow with the input.
    let formats = [options.format] + options.outputs.map(\.format)
    let run: LintRun
    do {
        run = try LintRun(options: .init(
            inputs: options.inputs, requestPath: options.requestPath, inputKind: options.inputKind, ports: options.ports,
            limits: options.limits,
            jobs: options.jobs, streamThreshold: options.streamThreshold, profile: options.profile, failOn: options.failOn,
            ignoredRules: options.ignoredRules, configurationPath: options.configPath, usesConfigurationFile: !options.noConfig,
            baselinePath: options.baselinePath, keepsReports: !formats.allSatisfy(\.isStreaming),
            recordsForBaseline: options.writeBaselinePath != nil))
    } catch {
        printError(error.description)
        return .failure
    }
    for note in run.notes { writeToStandardError("httplint: note: \(note)\n") }
    let failing = options.exitZero ? nil : run.failOn
    let reporter = options.format.reporter(useColor: useColor(options), failOn: failing, standardInputName: options.standardInputName)
    let fileReporters = options.outputs.map { $0.format.reporter(failOn: failing, standardInputName: options.standardInputName) }
    var fileTexts = options.outputs.map { _ in "" }
    var allFindings: [Finding] = []
    let outcome = run.run(render: { report in
        // A failed input is already on standard error; the text report does not repeat it.
        var standardOutput = ""
        if case .failed = report.outcome, options.format == .text {} else {
            standardOutput = reporter.render(options.quiet ? report.keepingOnly(.error) : report)
        }
        return ReportTexts(standardOutput: standardOutput, files: fileReporters.map { $0.render(report) })
    }, handle: { report, texts in
        if case .failed(let reason) = report.outcome { printError(reason) }
        StandardOutput.write(texts.standardOutput)
        for index in fileTexts.indices { fileTexts[index] += texts.files[index] }
        if options.statistics { allFindings += report.findings }
        return !StandardOutput.failed
    })
    let reports = outcome.reports
    // Recorded findings this run did not meet: fixed since, or no longer linted (SwiftLint
    // says the same of its baselines).
    let unmatched = outcome.baselineUnmatched == 0 ? nil
        : "httplint: \(outcome.baselineUnmatched) baseline finding\(outcome.baselineUnmatched == 1 ? "" : "s") matched nothing in this run (fixed, or no longer linted); --write-baseline records the run afresh\n"
    if options.format == .text {
        let text = TextReporter()
        if !options.quiet {
            StandardOutput.write(text.summary(outcome.summary, seconds: outcome.seconds))
            if outcome.suppressed > 0 {
                StandardOutput.write("httplint: \(outcome.suppressed) known finding\(outcome.suppressed == 1 ? "" : "s") left out by the baseline\n")
            }
            if let unmatched { StandardOutput.write(unmatched) }
        }
    } else {
        StandardOutput.write(reporter.finish(options.quiet ? reports.map { $0.keepingOnly(.error) } : reports))
        if let unmatched, !options.quiet { writeToStandardError(unmatched) }
    }
    if options.statistics {
        let statistics = RuleStatistics.render(findings: allFindings)
        if options.format == .text { StandardOutput.write(statistics) } else { writeToStandardError(statistics) }
    }
    var failedToWrite = false
    for (index, file) in options.outputs.enumerated() {
        do {
            try writeReplacing(file.path, fileTexts[index] + fileReporters[index].finish(reports))
        } catch {
            printError("cannot write the \(file.format.rawValue) report to '\(file.path)': \(error.reason)")
            failedToWrite = true
        }
    }
    if let path = options.writeBaselinePath {
        do {
            try writeReplacing(path, Baseline(recording: outcome.recorded).json())
        } catch {
            printError("cannot write the baseline to '\(path)': \(error.reason)")
            failedToWrite = true
        }
    }
    if failedToWrite || outcome.anyUnreadable { return .failure }
    return outcome.anyFailing && !options.exitZero ? .findings : .clean
}

/// Colour on a terminal unless NO_COLOR is set or TERM is dumb, or as `--color`/`--no-color` say.
func useColor(_ options: LintOptions) -> Bool {
    options.color ?? (options.format == .text && isatty(1) == 1
        && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
        && (getenv("TERM").map { String(cString: $0) != "dumb" } ?? true))
}

/// What one report shows on standard output and in each `--output` file.
struct ReportTexts: Sendable {
    let standardOutput: String
    let files: [String]
}

// A reader that goes away (`httplint … | head`) must not kill the process with SIGPIPE:
// writes then fail, the run stops, and the exit status says so.
signal(SIGPIPE, SIG_IGN)
// Arguments as their bytes say, also when a file name is not UTF-8 (FileName keeps its bytes).
var status = run((1..<Int(CommandLine.argc)).map { CommandLine.unsafeArgv[$0].map { FileName.decode(cString: $0) } ?? "" })
if StandardOutput.failed {
    printError("cannot write to standard output: \(StandardOutput.reason)")
    status = .failure
}
exit(status.rawValue)
