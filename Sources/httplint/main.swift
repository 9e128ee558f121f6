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

/// Standard output, written unbuffered; after a failed write (the reader went away) nothing
/// more is written and the run stops.
enum StandardOutput {
    nonisolated(unsafe) static var failed = false

    static func write(_ text: String) {
        guard !failed, !text.isEmpty else { return }
        if !writeAll(1, text) { failed = true }
    }
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

func lint(_ options: LintOptions) -> ExitStatus {
    let started = DispatchTime.now()
    var given: [Request]?
    if let path = options.requestPath {
        switch readRequests(path, limits: options.limits) {
        case .success(let requests): given = requests
        case .failure(let error):
            printError("request: \(error.description)")
            return .failure
        }
    }
    let sharedRequests = given
    guard let settings = RunSettings(options) else { return .failure }
    let configuration = settings.configuration
    var baseline: Baseline?
    if let path = options.baselinePath {
        do {
            baseline = try Baseline(contentsOf: path)
        } catch {
            printError(error.description)
            return .failure
        }
    }
    let failOn = settings.failOn
    let linters = settings.linters
    let failing = options.exitZero ? nil : failOn
    let reporter = options.format.reporter(useColor: settings.useColor, failOn: failing, standardInputName: options.standardInputName)
    var files = options.outputs.map {
        (output: $0, reporter: $0.format.reporter(failOn: failing, standardInputName: options.standardInputName), text: "")
    }
    var reports: [InputReport] = []
    var recorded: [InputReport] = []
    var suppressed = 0
    var items = InputCollector.collect(options.inputs)
    if let configuration {
        let ignored = items.filter { configuration.ignores($0.path) }
        if !ignored.isEmpty {
            writeToStandardError("httplint: note: \(ignored.count) input\(ignored.count == 1 ? "" : "s") left out by ignorePaths in \(configuration.path)\n")
            items.removeAll { configuration.ignores($0.path) }
        }
    }

    // Reports are kept for the end only when a format or file needs them all; otherwise the
    // run keeps counts, so that memory does not grow with the input.
    let formats = [options.format] + options.outputs.map(\.format)
    let keepsReports = options.writeBaselinePath != nil || !formats.allSatisfy(\.isStreaming)
    // Large raw inputs are read a window at a time when every format writes as it goes.
    let streamsLargeInputs = !keepsReports && (options.inputKind == nil || options.inputKind == .raw)
    let streamLimit = streamsLargeInputs ? options.streamThreshold : Int.max

    /// Lints one input; never throws, never crashes on bad input. `nil`: the input is a file
    /// too large to read whole, to be streamed by the writing thread.
    @Sendable func lintOne(_ item: InputCollector.Item) -> [InputReport]? {
        if let problem = item.problem { return [InputReport(name: item.path, outcome: .failed(problem))] }
        var requests = sharedRequests ?? []
        if sharedRequests == nil, let requestPath = item.requestPath {
            switch readRequests(requestPath, limits: options.limits) {
            case .success(let paired): requests = paired
            case .failure(let error): return [InputReport(name: item.path, outcome: .failed("request: \(error.description)"))]
            }
        }
        do {
            guard let bytes = try InputReader.read(item.path, maxSize: options.limits.maxInputSize, unlessLargerThan: streamLimit) else {
                return nil
            }
            return linters.linter(for: item.path).lintInput(named: item.path, bytes: bytes, kind: options.inputKind, requests: requests)
        } catch {
            return [InputReport(name: item.path, outcome: .failed(error.description))]
        }
    }

    /// What standard output shows of `report`.
    @Sendable func standardOutputText(_ report: InputReport) -> String {
        // A failed input is already on standard error; the text report does not repeat it.
        if case .failed = report.outcome, options.format == .text { return "" }
        return reporter.render(options.quiet ? report.keepingOnly(.error) : report)
    }

    var summary = RunSummary()
    var allFindings: [Finding] = []
    var anyFailed = false
    var anyFailing = false
    func handle(_ linted: InputReport, texts: ReportTexts? = nil) {
        if options.writeBaselinePath != nil { recorded.append(linted) }
        var report = linted
        if baseline != nil {
            let absorbed = baseline!.absorb(linted)
            report = absorbed.report
            suppressed += absorbed.suppressed
        }
        if case .failed(let reason) = report.outcome {
            printError(reason)
            anyFailed = true
        }
        if report.findings.contains(where: { $0.severity >= failOn }) { anyFailing = true }
        if let texts {
            StandardOutput.write(texts.standardOutput)
        } else {
            StandardOutput.write(standardOutputText(report))
        }
        for index in files.indices { files[index].text += texts?.files[index] ?? files[index].reporter.render(report) }
        summary.add(report)
        if keepsReports { reports.append(report) }
        if options.statistics { allFindings += report.findings }
    }

    // When nothing the writing thread does can change a report (no baseline to apply, no
    // report kept for the end), the thread that lints an input also writes its text and drops
    // its exchanges: with --jobs, the writing thread then only writes.
    let writtenByWorkers = baseline == nil && !keepsReports
    let fileReporters = files.map(\.reporter)
    @Sendable func lintAndWrite(_ item: InputCollector.Item) -> LintedInput {
        guard let reports = lintOne(item) else { return LintedInput(reports: [], texts: nil, streamed: item) }
        guard writtenByWorkers else { return LintedInput(reports: reports, texts: nil, streamed: nil) }
        return LintedInput(reports: reports.map { $0.keepingCountsOnly() }, texts: reports.map { report in
            ReportTexts(standardOutput: standardOutputText(report), files: fileReporters.map { $0.render(report) })
        }, streamed: nil)
    }

    /// Lints a large input a window at a time, on this thread, reporting as it goes.
    func stream(_ item: InputCollector.Item) {
        var requests = sharedRequests ?? []
        if sharedRequests == nil, let requestPath = item.requestPath {
            switch readRequests(requestPath, limits: options.limits) {
            case .success(let paired): requests = paired
            case .failure(let error):
                handle(InputReport(name: item.path, outcome: .failed("request: \(error.description)")))
                return
            }
        }
        let stream: InputReader.Stream
        do {
            stream = try InputReader.Stream(item.path)
        } catch {
            handle(InputReport(name: item.path, outcome: .failed(error.description)))
            return
        }
        lintStream(stream, path: item.path, requests: requests, linter: linters.linter(for: item.path), options: options) { handle($0) }
    }

    // Inputs are linted in batches, in parallel, and reported in input order; a file too large
    // to read whole is found so by the thread that opens it, and streamed here in its turn.
    let batchSize = options.jobs == 1 ? 1 : options.jobs * 16384
    var batch: [InputCollector.Item] = []
    func flush() {
        lintBatch(batch, jobs: options.jobs, lintAndWrite) { linted in
            if let item = linted.streamed { stream(item) }
            for (index, report) in linted.reports.enumerated() { handle(report, texts: linted.texts?[index]) }
            return !StandardOutput.failed
        }
        batch.removeAll()
    }
    for item in items {
        if StandardOutput.failed { break }  // the reader went away: stop linting
        if streamsLargeInputs, item.path == "-", item.problem == nil {
            // Standard input has no size to ask for: always read a window at a time.
            flush()
            stream(item)
            continue
        }
        batch.append(item)
        if batch.count >= batchSize { flush() }
    }
    if !StandardOutput.failed { flush() }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    if options.format == .text {
        let text = TextReporter()
        if !options.quiet {
            StandardOutput.write(text.summary(summary, seconds: seconds))
            if suppressed > 0 { StandardOutput.write("httplint: \(suppressed) known finding\(suppressed == 1 ? "" : "s") left out by the baseline\n") }
        }
    } else {
        StandardOutput.write(reporter.finish(options.quiet ? reports.map { $0.keepingOnly(.error) } : reports))
    }
    if options.statistics {
        let statistics = RuleStatistics.render(findings: allFindings)
        if options.format == .text { StandardOutput.write(statistics) } else { writeToStandardError(statistics) }
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
    if let path = options.writeBaselinePath {
        do {
            try Data(Baseline(recording: recorded).json().utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            printError("cannot write the baseline to '\(path)': \(error.localizedDescription)")
            failedToWrite = true
        }
    }
    if failedToWrite { return .failure }
    if anyFailed { return .failure }
    return anyFailing && !options.exitZero ? .findings : .clean
}

/// What a run takes from its options and the configuration file: the file, the failing
/// severity, the linters, and whether to colour the text.
struct RunSettings {
    let configuration: ConfigurationFile?
    let failOn: Severity
    let linters: LinterCache
    let useColor: Bool

    /// `nil` (the error printed) when the configuration file cannot be read.
    init?(_ options: LintOptions) {
        var configuration: ConfigurationFile?
        if !options.noConfig, let path = options.configPath ?? ConfigurationFile.find(from: FileManager.default.currentDirectoryPath) {
            do {
                configuration = try ConfigurationFile.load(path)
            } catch {
                printError(error.description)
                return nil
            }
        }
        let profile = options.profile ?? configuration?.profile ?? .recommended
        self.configuration = configuration
        failOn = options.failOn ?? configuration?.failOn ?? profile.failureThreshold
        linters = LinterCache(profile: profile, ignored: Set(options.ignoredRules), file: configuration, limits: options.limits)
        useColor = options.color ?? (options.format == .text && isatty(1) == 1
            && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
            && (getenv("TERM").map { String(cString: $0) != "dumb" } ?? true))
    }
}

/// One linter per distinct set of rule settings (the configuration file's overrides can
/// differ by path) and per thread: threads that share a linter's rule objects contend for
/// their reference counts on every exchange.
final class LinterCache: @unchecked Sendable {
    private let profile: Linter.Profile
    private let ignored: Set<String>
    private let file: ConfigurationFile?
    private let limits: ParserLimits
    private var linters: [String: Linter] = [:]
    /// The linters for paths without settings of their own (the usual case), by thread: found
    /// without building a key.
    private var plainLinters: [pthread_t: Linter] = [:]
    private let lock = NSLock()

    init(profile: Linter.Profile, ignored: Set<String>, file: ConfigurationFile?, limits: ParserLimits) {
        self.profile = profile
        self.ignored = ignored
        self.file = file
        self.limits = limits
    }

    func linter(for path: String) -> Linter {
        let settings = file?.ruleSettings(for: path) ?? [:]
        if settings.isEmpty {
            let thread = pthread_self()
            lock.lock()
            defer { lock.unlock() }
            if let linter = plainLinters[thread] { return linter }
            let linter = Linter(configuration: .init(profile: profile, ignoredRules: ignored, limits: limits))
            plainLinters[thread] = linter
            return linter
        }
        var off = ignored
        var severities: [String: Severity] = [:]
        for (id, setting) in settings {
            switch setting {
            case .off: off.insert(id)
            case .severity(let severity): severities[id] = severity
            }
        }
        let key = "\(pthread_self())|" + off.sorted().joined(separator: ",") + "|" + severities.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        lock.lock()
        defer { lock.unlock() }
        if let linter = linters[key] { return linter }
        let linter = Linter(configuration: .init(profile: profile, ignoredRules: off, severities: severities, limits: limits))
        linters[key] = linter
        return linter
    }
}

/// Lints one streamed input: its first bytes tell its kind; raw responses are linted window by
/// window, anything else (a large HAR archive or transcript) is read whole as usual.
func lintStream(_ stream: InputReader.Stream, path: String, requests: [Request], linter: Linter, options: LintOptions,
                _ handle: (InputReport) -> Void) {
    do {
        var head: [UInt8] = []
        try stream.read(into: &head, upTo: 1 << 16)
        guard (options.inputKind ?? InputKind.detect(head, name: path)) == .raw else {
            while try stream.read(into: &head, upTo: 1 << 20) > 0 {
                if head.count > options.limits.maxInputSize {
                    handle(InputReport(name: path, outcome: .failed(
                        "cannot read '\(path)': it is larger than \(options.limits.maxInputSize) bytes, the limit (--max-input-size)")))
                    return
                }
            }
            for report in linter.lintInput(named: path, bytes: head, kind: options.inputKind, requests: requests) { handle(report) }
            return
        }
        try linter.lintStream(named: path, initial: head, requests: requests, window: options.streamThreshold,
                              read: { bytes, count in try stream.read(into: &bytes, upTo: count) }, emit: { report in
            handle(report)
        })
    } catch let error as InputReader.Failure {
        handle(InputReport(name: path, outcome: .failed(error.description)))
    } catch {
        handle(InputReport(name: path, outcome: .failed("cannot read '\(path)': \(error)")))
    }
}

/// One input's reports as the thread that linted it hands them on.
struct LintedInput: Sendable {
    let reports: [InputReport]
    /// The text of each report, when that thread wrote it.
    let texts: [ReportTexts]?
    /// The input, when it is too large to read whole: the writing thread streams it.
    let streamed: InputCollector.Item?
}

/// What one report shows on standard output and in each `--output` file.
struct ReportTexts: Sendable {
    let standardOutput: String
    let files: [String]
}

/// Lints a batch on `jobs` threads and hands each input's reports to `handle`, on the calling
/// thread and in the batch's order, as soon as they are ready: output is written while the
/// workers go on, and no worker waits for the slowest of a group. `handle` answers false to
/// stop: the inputs not yet claimed are then not linted.
func lintBatch<Linted: Sendable>(_ batch: [InputCollector.Item], jobs: Int, _ lintOne: @escaping @Sendable (InputCollector.Item) -> Linted,
                                 handle: (Linted) -> Bool) {
    guard jobs > 1, batch.count > 1 else {
        for item in batch where !handle(lintOne(item)) { return }
        return
    }
    let results = OrderedResults<Linted>(count: batch.count, lookahead: jobs * 256)
    for _ in 0..<min(jobs, batch.count) {
        Thread.detachNewThread {
            while let claimed = results.claim() { results.set(claimed, claimed.map { lintOne(batch[$0]) }) }
        }
    }
    for index in batch.indices where !handle(results.take(index)) {
        results.cancel()
        return
    }
}

/// The reports of a batch, filled by workers in any order and taken in input order. Workers
/// claim a few inputs at a time (one lock for several inputs: with small inputs, threads
/// otherwise queue on the lock) and stay at most `lookahead` inputs ahead of the reader, so
/// that a slow reader does not make the reports pile up.
final class OrderedResults<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private var nextToClaim = 0
    private var nextToTake = 0
    private let lookahead: Int
    private let condition = NSCondition()
    /// Who sleeps, so that a change wakes only those who wait for it (each wake-up is a system call).
    private var readerWaits = false
    private var workersWaiting = 0

    init(count: Int, lookahead: Int) {
        slots = Array(repeating: nil, count: count)
        self.lookahead = lookahead
    }

    /// Stops handing out inputs.
    func cancel() {
        condition.lock()
        nextToClaim = slots.count
        condition.broadcast()
        condition.unlock()
    }

    /// The next inputs to lint, or `nil` when all are claimed.
    func claim() -> Range<Int>? {
        condition.lock()
        defer { condition.unlock() }
        while nextToClaim < slots.count, nextToClaim - nextToTake >= lookahead {
            workersWaiting += 1
            condition.wait()
            workersWaiting -= 1
        }
        guard nextToClaim < slots.count else { return nil }
        let claimed = nextToClaim..<min(slots.count, nextToClaim + Self.claimSize)
        nextToClaim = claimed.upperBound
        return claimed
    }

    /// How many inputs a worker claims at once.
    private static var claimSize: Int { 4 }

    func set(_ indices: Range<Int>, _ values: [Value]) {
        condition.lock()
        for (index, value) in zip(indices, values) { slots[index] = value }
        if readerWaits, hasRun(from: nextToTake) { condition.broadcast() }
        condition.unlock()
    }

    /// How many ready inputs a waiting reader sleeps for: waking it for each one would cost
    /// two system calls per input.
    private var run: Int { 64 }

    /// Whether the reports of `start` and the next ones, up to ``run`` or the end, are ready.
    private func hasRun(from start: Int) -> Bool {
        let end = min(slots.count, start + run)
        var index = start
        while index < end, slots[index] != nil { index += 1 }
        return index == end
    }

    /// Waits for the reports of input `index` and hands them over (the slot is emptied; only
    /// later slots are looked at again).
    func take(_ index: Int) -> Value {
        condition.lock()
        defer { condition.unlock() }
        nextToTake = index
        while slots[index] == nil {
            readerWaits = true
            condition.wait()
            readerWaits = false
        }
        let reports = slots[index]!
        slots[index] = nil
        nextToTake = index + 1
        if workersWaiting > 0 { condition.broadcast() }
        return reports
    }
}

/// The requests in the file at `path`, read tolerantly: only a file that cannot be read at all
/// (missing, a directory, permission denied, too large) fails; malformed requests are read as
/// far as they go and their deviations reported with the response.
func readRequests(_ path: String, limits: ParserLimits) -> Result<[Request], RequestFailure> {
    do {
        let bytes = try InputReader.read(path, maxSize: limits.maxInputSize)
        return .success(RequestParser.parse(SourceText(name: path, bytes: bytes), limits: limits))
    } catch {
        return .failure(RequestFailure(description: error.description))
    }
}

struct RequestFailure: Error {
    let description: String
}

// A reader that goes away (`httplint … | head`) must not kill the process with SIGPIPE:
// writes then fail, the run stops, and the exit status says so.
signal(SIGPIPE, SIG_IGN)
var status = run(Array(CommandLine.arguments.dropFirst()))
if StandardOutput.failed {
    printError("cannot write to standard output (was it closed early?)")
    status = .failure
}
exit(status.rawValue)
