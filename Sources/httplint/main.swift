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

/// Writes to standard error, unbuffered.
func writeToStandardError(_ text: String) {
    var text = text
    text.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
}

func printError(_ message: String) {
    writeToStandardError("httplint: error: \(message)\n")
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
        print(CommandLineParser.help, terminator: "")
        return .clean
    case .version:
        print("httplint \(HTTPLintVersion.current)")
        return .clean
    case .listRules(let listing):
        switch listing {
        case .plain: print(RuleDocumentation.list(), terminator: "")
        case .table: print(RuleDocumentation.markdownTable(), terminator: "")
        case .docs: print(RuleDocumentation.documentationPage(), terminator: "")
        }
        return .clean
    case .explain(let id):
        if let status = RuleDocumentation.explainStatus(id) {
            print(status, terminator: "")
            return .clean
        }
        guard let description = RuleCatalogue.description(of: id) else {
            printError("unknown rule id or status code '\(id)'; 'httplint rules' lists the rules")
            return .failure
        }
        print(RuleDocumentation.explain(description), terminator: "")
        return .clean
    case .lint(let options):
        return lint(options)
    }
}

func lint(_ options: LintOptions) -> ExitStatus {
    let started = DispatchTime.now()
    var given: [Request]?
    if let path = options.requestPath {
        switch readRequests(path) {
        case .success(let requests): given = requests
        case .failure(let error):
            printError("request: \(error.description)")
            return .failure
        }
    }
    let sharedRequests = given
    let linter = Linter(configuration: .init(profile: options.profile, ignoredRules: Set(options.ignoredRules)))
    let failOn = options.failOn ?? options.profile.failureThreshold
    let useColor = options.color ?? (options.format == .text && isatty(1) == 1
        && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
        && (getenv("TERM").map { String(cString: $0) != "dumb" } ?? true))
    let reporter = options.format.reporter(useColor: useColor)
    var files = options.outputs.map { (output: $0, reporter: $0.format.reporter(), text: "") }
    var reports: [InputReport] = []
    let items = InputCollector.collect(options.inputs)

    /// Lints one input; never throws, never crashes on bad input.
    @Sendable func lintOne(_ item: InputCollector.Item) -> [InputReport] {
        if let problem = item.problem { return [InputReport(name: item.path, outcome: .failed(problem))] }
        var requests = sharedRequests ?? []
        if sharedRequests == nil, let requestPath = item.requestPath {
            switch readRequests(requestPath) {
            case .success(let paired): requests = paired
            case .failure(let error): return [InputReport(name: item.path, outcome: .failed("request: \(error.description)"))]
            }
        }
        do {
            let bytes = try InputReader.read(item.path)
            return linter.lintInput(named: item.path, bytes: bytes, kind: options.inputKind, requests: requests)
        } catch {
            return [InputReport(name: item.path, outcome: .failed(error.description))]
        }
    }

    // Batches keep memory bounded and output in input order; each batch is linted in parallel.
    let batchSize = options.jobs == 1 ? 1 : options.jobs * 16
    var start = 0
    while start < items.count {
        let batch = Array(items[start..<min(items.count, start + batchSize)])
        start += batch.count
        let results = lintBatch(batch, jobs: options.jobs, lintOne)
        for report in results {
            if case .failed(let reason) = report.outcome { printError(reason) }
            let shown = options.quiet ? report.keepingOnly(.error) : report
            if case .failed = report.outcome, options.format == .text {
                // Already on standard error; the text report does not repeat it.
            } else {
                print(reporter.render(shown), terminator: "")
            }
            for index in files.indices { files[index].text += files[index].reporter.render(report) }
            reports.append(report)
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    if options.format == .text, let text = reporter as? TextReporter {
        if !options.quiet { print(text.summary(RunSummary(reports), seconds: seconds), terminator: "") }
    } else {
        print(reporter.finish(options.quiet ? reports.map { $0.keepingOnly(.error) } : reports), terminator: "")
    }
    if options.statistics {
        let statistics = RuleStatistics.render(reports)
        if options.format == .text { print(statistics, terminator: "") } else { writeToStandardError(statistics) }
    }
    var failedToWrite = false
    for file in files {
        do {
            try Data((file.text + file.reporter.finish(reports)).utf8).write(to: URL(fileURLWithPath: file.output.path))
        } catch {
            printError("cannot write the \(file.output.format.rawValue) report to '\(file.output.path)': \(error.localizedDescription)")
            failedToWrite = true
        }
    }
    if failedToWrite { return .failure }
    if reports.contains(where: { if case .failed = $0.outcome { true } else { false } }) { return .failure }
    let failing = reports.contains { $0.findings.contains { $0.severity >= failOn } }
    return failing ? .findings : .clean
}

/// Lints a batch, `jobs` at a time, and returns the reports in the batch's order.
func lintBatch(_ batch: [InputCollector.Item], jobs: Int, _ lintOne: @escaping @Sendable (InputCollector.Item) -> [InputReport]) -> [InputReport] {
    guard jobs > 1, batch.count > 1 else { return batch.flatMap(lintOne) }
    let results = ResultSlots(count: batch.count)
    DispatchQueue.concurrentPerform(iterations: min(jobs, batch.count)) { worker in
        var index = worker
        while index < batch.count {
            results.set(index, lintOne(batch[index]))
            index += jobs
        }
    }
    return results.values
}

/// Slots filled by concurrent workers, each slot by one worker.
final class ResultSlots: @unchecked Sendable {
    private var slots: [[InputReport]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ index: Int, _ reports: [InputReport]) { lock.lock(); slots[index] = reports; lock.unlock() }
    var values: [InputReport] { lock.lock(); defer { lock.unlock() }; return slots.flatMap { $0 } }
}

func readRequests(_ path: String) -> Result<[Request], RequestFailure> {
    do {
        let bytes = try InputReader.read(path)
        return .success(try RequestParser.parse(SourceText(name: path, bytes: bytes)))
    } catch let error as InputReader.Failure {
        return .failure(RequestFailure(description: error.description))
    } catch let error as RequestParser.Failure {
        return .failure(RequestFailure(description: error.description))
    } catch {
        return .failure(RequestFailure(description: "\(error)"))
    }
}

struct RequestFailure: Error {
    let description: String
}

exit(run(Array(CommandLine.arguments.dropFirst())).rawValue)
