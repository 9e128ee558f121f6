#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A whole lint run, as `httplint PATH…` does it: the configuration file, the baseline, input
/// collection (directories walked, `NAME.req` paired), parallel jobs with reports kept in input
/// order, large raw inputs streamed a window at a time, records read a line at a time, and the
/// totals. The command line is a thin caller; a library user runs a whole lint the same way.
///
/// ```swift
/// let run = try LintRun(options: .init(inputs: ["captures/"], jobs: 2))
/// let outcome = run.run(render: { report in OutputFormat.text.reporter().render(report) }) { report, text in
///     print(text, terminator: "")
///     return true
/// }
/// print(outcome.summary.count(.error), "errors")
/// ```
public final class LintRun: Sendable {
    /// What to lint and how.
    public struct Options: Sendable {
        /// Files, directories (walked) and `-` for standard input.
        public var inputs: [String]
        /// A request file for every input (`--request`); otherwise `NAME.req` beside each input.
        public var requestPath: String?
        /// The kind of every input; detected per input when `nil`.
        public var inputKind: InputKind?
        /// For packet captures: the TCP ports whose connections are read (all when empty).
        public var ports: Set<Int>
        public var limits: ParserLimits
        /// Inputs linted at the same time.
        public var jobs: Int
        /// Raw inputs larger than this are read and linted a window of this size at a time
        /// (only when ``keepsReports`` is false).
        public var streamThreshold: Int
        /// `nil`: the configuration file's, or `recommended`.
        public var profile: Linter.Profile?
        /// `nil`: the configuration file's, or the profile's threshold.
        public var failOn: Severity?
        public var ignoredRules: [String]
        /// The configuration file; found from the current directory when `nil`, unless
        /// ``usesConfigurationFile`` is false.
        public var configurationPath: String?
        public var usesConfigurationFile: Bool
        /// A baseline whose known findings are left out.
        public var baselinePath: String?
        /// Whether every report is kept for ``Outcome/reports`` (formats written at the end).
        /// Without it the run keeps counts only, so memory does not grow with the input.
        public var keepsReports: Bool
        /// Whether the reports as linted, before the baseline, are kept for writing a baseline.
        public var recordsForBaseline: Bool

        public init(inputs: [String], requestPath: String? = nil, inputKind: InputKind? = nil, ports: Set<Int> = [],
                    limits: ParserLimits = .default,
                    jobs: Int = 1, streamThreshold: Int = 1 << 20, profile: Linter.Profile? = nil, failOn: Severity? = nil,
                    ignoredRules: [String] = [], configurationPath: String? = nil, usesConfigurationFile: Bool = true,
                    baselinePath: String? = nil, keepsReports: Bool = false, recordsForBaseline: Bool = false) {
            self.inputs = inputs
            self.requestPath = requestPath
            self.inputKind = inputKind
            self.ports = ports
            self.limits = limits
            self.jobs = jobs
            self.streamThreshold = streamThreshold
            self.profile = profile
            self.failOn = failOn
            self.ignoredRules = ignoredRules
            self.configurationPath = configurationPath
            self.usesConfigurationFile = usesConfigurationFile
            self.baselinePath = baselinePath
            self.keepsReports = keepsReports
            self.recordsForBaseline = recordsForBaseline
        }
    }

    /// Why a run could not start: a request file, configuration file or baseline that cannot
    /// be read.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// What a run found.
    public struct Outcome: Sendable {
        public var summary = RunSummary()
        /// Every report, in input order, when ``Options/keepsReports``.
        public var reports: [InputReport] = []
        /// The reports before the baseline, when ``Options/recordsForBaseline``.
        public var recorded: [InputReport] = []
        /// Findings the baseline left out.
        public var suppressed = 0
        /// Whether an input could not be read.
        public var anyUnreadable = false
        /// Whether a finding is at or above ``failOn``.
        public var anyFailing = false
        public var failOn: Severity = .warning
        public var seconds: Double = 0
        /// Whether the caller stopped the run (its handler answered false).
        public var stopped = false
        /// Baseline findings that matched nothing in this run (fixed since, or no longer linted).
        public var baselineUnmatched = 0
    }

    public let options: Options
    /// The configuration file, failing severity and linters of the run.
    public let settings: LintSettings
    public var configuration: ConfigurationFile? { settings.configuration }
    public var failOn: Severity { settings.failOn }
    /// What the caller may want to say before the reports (inputs left out by `ignorePaths`).
    public let notes: [String]
    private let baseline: Baseline?
    private let sharedRequests: [Request]?
    private let items: [InputCollector.Item]
    private var linters: LinterCache { settings.linters }

    /// Reads the request file, the configuration and the baseline, and collects the inputs.
    public init(options: Options) throws(Failure) {
        self.options = options
        if let path = options.requestPath {
            switch LintRun.readRequests(path, limits: options.limits) {
            case .success(let requests): sharedRequests = requests
            case .failure(let error): throw Failure(description: "request: \(error.description)")
            }
        } else {
            sharedRequests = nil
        }
        settings = try LintSettings(profile: options.profile, failOn: options.failOn, ignoredRules: options.ignoredRules,
                                    configurationPath: options.configurationPath,
                                    usesConfigurationFile: options.usesConfigurationFile, limits: options.limits)
        let configuration = settings.configuration
        if let path = options.baselinePath {
            do {
                baseline = try Baseline(contentsOf: path)
            } catch {
                throw Failure(description: error.description)
            }
        } else {
            baseline = nil
        }
        var items = InputCollector.collect(options.inputs)
        var notes: [String] = []
        if let configuration {
            let ignored = items.filter { configuration.ignores($0.path) }
            if !ignored.isEmpty {
                notes.append("\(ignored.count) input\(ignored.count == 1 ? "" : "s") left out by ignorePaths in \(configuration.path)")
                items.removeAll { configuration.ignores($0.path) }
            }
        }
        self.items = items
        self.notes = notes
    }

    /// The linter for an input at `path` (the configuration file's overrides for it applied).
    public func linter(for path: String) -> Linter { settings.linter(for: path) }

    /// Lints every input and hands each report to `handle`, on the calling thread and in input
    /// order, with what `render` made of it. `render` runs on the thread that linted the input
    /// when nothing can change the report afterwards (no baseline, reports not kept), so that
    /// with ``Options/jobs`` the calling thread only writes; otherwise on the calling thread.
    /// `handle` answers false to stop the run.
    public func run<Rendered: Sendable>(render: @escaping @Sendable (InputReport) -> Rendered,
                                        handle: (InputReport, Rendered) -> Bool) -> Outcome {
        let started = DispatchTime.now()
        var outcome = Outcome()
        outcome.failOn = failOn
        let options = self.options
        // Large raw inputs are read a window at a time when no report is kept for the end.
        // Captures are read packet by packet, whatever their size: a file larger than
        // --max-input-size goes to the streaming reader too, which reads it if it is a capture
        // (the limit then applies per connection) and refuses it otherwise.
        let streamsLargeInputs = !options.keepsReports && !options.recordsForBaseline
            && (options.inputKind == nil || options.inputKind == .raw || options.inputKind == .pcap)
        let streamLimit = streamsLargeInputs ? min(options.streamThreshold, options.limits.maxInputSize) : options.limits.maxInputSize
        let sharedRequests = self.sharedRequests
        let linters = self.linters

        /// The requests an input answers, or why they cannot be read.
        @Sendable func requests(for item: InputCollector.Item) -> Result<[Request], LintRun.Failure> {
            if let sharedRequests { return .success(sharedRequests) }
            guard let path = item.requestPath else { return .success([]) }
            return LintRun.readRequests(path, limits: options.limits).mapError { LintRun.Failure(description: "request: \($0.description)") }
        }

        /// Lints one input; never throws, never crashes on bad input. `nil`: the input is a
        /// file too large to read whole, to be streamed by the calling thread.
        @Sendable func lintOne(_ item: InputCollector.Item) -> [InputReport]? {
            if let problem = item.problem { return [InputReport(name: item.path, outcome: .failed(problem))] }
            let paired: [Request]
            switch requests(for: item) {
            case .success(let found): paired = found
            case .failure(let error): return [InputReport(name: item.path, outcome: .failed(error.description))]
            }
            do {
                guard let bytes = try InputReader.read(item.path, maxSize: options.limits.maxInputSize, unlessLargerThan: streamLimit) else {
                    return nil
                }
                return linters.linter(for: item.path).lintInput(named: item.path, bytes: bytes, kind: options.inputKind, requests: paired,
                                                                ports: options.ports)
            } catch {
                return [InputReport(name: item.path, outcome: .failed(error.description))]
            }
        }

        var baseline = self.baseline
        var stopped = false
        func accept(_ linted: InputReport, _ rendered: Rendered?) {
            guard !stopped else { return }
            if options.recordsForBaseline { outcome.recorded.append(linted) }
            var report = linted
            if baseline != nil {
                let absorbed = baseline!.absorb(linted)
                report = absorbed.report
                outcome.suppressed += absorbed.suppressed
            }
            if case .failed = report.outcome { outcome.anyUnreadable = true }
            if report.findings.contains(where: { $0.severity >= failOn }) { outcome.anyFailing = true }
            outcome.summary.add(report)
            if options.keepsReports { outcome.reports.append(report) }
            if !handle(report, rendered ?? render(report)) { stopped = true }
        }

        // When nothing this thread does can change a report (no baseline to apply, no report
        // kept for the end), the thread that lints an input also renders it and drops its
        // exchanges: with several jobs, this thread then only writes.
        let renderedByWorkers = self.baseline == nil && !options.keepsReports && !options.recordsForBaseline
        @Sendable func lintAndRender(_ item: InputCollector.Item) -> LintedInput<Rendered> {
            guard let reports = lintOne(item) else { return LintedInput(reports: [], rendered: nil, streamed: item) }
            guard renderedByWorkers else { return LintedInput(reports: reports, rendered: nil, streamed: nil) }
            return LintedInput(reports: reports.map { $0.keepingCountsOnly() }, rendered: reports.map(render), streamed: nil)
        }

        /// Lints a large input a window at a time, on this thread, reporting as it goes.
        func stream(_ item: InputCollector.Item) {
            let paired: [Request]
            switch requests(for: item) {
            case .success(let found): paired = found
            case .failure(let error):
                accept(InputReport(name: item.path, outcome: .failed(error.description)), nil)
                return
            }
            do {
                let stream = try InputReader.Stream(item.path)
                // A capture's reports come as its connections end and are held until those
                // before them have come: rendered at once when nothing can change them, so
                // that what is held is findings and text, not the connections' bytes.
                LintRun.lintStream(stream, path: item.path, requests: paired, linter: linters.linter(for: item.path),
                                   options: options, streamsRaw: streamsLargeInputs,
                                   hold: { report in renderedByWorkers ? (report.keepingCountsOnly(), render(report)) : (report, nil) },
                                   { accept($0.0, $0.1) })
            } catch {
                accept(InputReport(name: item.path, outcome: .failed(error.description)), nil)
            }
        }

        // Inputs are linted in batches, in parallel, and reported in input order; a file too
        // large to read whole is found so by the thread that opens it, and streamed here in its turn.
        let batchSize = options.jobs == 1 ? 1 : options.jobs * 16384
        var batch: [InputCollector.Item] = []
        func flush() {
            lintBatch(batch, jobs: options.jobs, lintAndRender) { linted in
                if let item = linted.streamed { stream(item) }
                for (index, report) in linted.reports.enumerated() { accept(report, linted.rendered?[index]) }
                return !stopped
            }
            batch.removeAll()
        }
        for item in items {
            if stopped { break }
            if options.inputKind == .records, item.problem == nil {
                // Records are read a line at a time, each reported as it is linted.
                flush()
                do {
                    try Records.lint(try InputReader.Stream(item.path), with: linters.linter(for: item.path),
                                     maxLineLength: 2 * options.limits.maxInputSize) { accept($0, nil) }
                } catch {
                    accept(InputReport(name: item.path, outcome: .failed(error.description)), nil)
                }
                continue
            }
            if streamsLargeInputs, item.path == "-", item.problem == nil {
                // Standard input has no size to ask for: always read a window at a time.
                flush()
                stream(item)
                continue
            }
            batch.append(item)
            if batch.count >= batchSize { flush() }
        }
        if !stopped { flush() }
        outcome.stopped = stopped
        outcome.baselineUnmatched = baseline?.unmatched ?? 0
        outcome.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return outcome
    }

    /// The requests in the file at `path`, read tolerantly: only a file that cannot be read at
    /// all (missing, a directory, permission denied, too large) fails; malformed requests are
    /// read as far as they go and their deviations reported with the response.
    public static func readRequests(_ path: String, limits: ParserLimits) -> Result<[Request], InputReader.Failure> {
        do {
            let bytes = try InputReader.read(path, maxSize: limits.maxInputSize)
            return .success(RequestParser.parse(SourceText(name: path, bytes: bytes), limits: limits))
        } catch {
            return .failure(error)
        }
    }

    /// Lints one streamed input: its first bytes tell its kind; raw responses are linted window
    /// by window, anything else (a large HAR archive or transcript) is read whole as usual.
    ///
    /// A capture is read packet by packet and linted a connection at a time, whatever its size;
    /// `hold` makes what is kept of a report that comes before its turn. Raw input larger than
    /// --max-input-size is refused unless `streamsRaw`.
    static func lintStream<Held>(_ stream: InputReader.Stream, path: String, requests: [Request], linter: Linter, options: Options,
                                 streamsRaw: Bool = true, hold: (InputReport) -> Held, _ handle: (Held) -> Void) {
        do {
            var head: [UInt8] = []
            try stream.read(into: &head, upTo: 1 << 16)
            let kind = options.inputKind ?? InputKind.detect(head, name: path)
            if kind == .pcap {
                var order = InNumberOrder<Held>()
                let isCapture = linter.lintCapture(named: path, initial: head, read: { bytes, count in try stream.read(into: &bytes, upTo: count) },
                                                   ports: options.ports) { number, report in
                    order.add(number, report.map(hold), release: handle)
                }
                if isCapture { return }
                handle(hold(InputReport(name: path, outcome: .failed("cannot read '\(path)' as a packet capture: it has no pcap or pcapng header"))))
                return
            }
            // Raw input is streamed above the stream threshold only; between --max-input-size
            // and it (or when reports are kept) it is too large, as it always was.
            if kind == .raw, let size = stream.size, size > options.limits.maxInputSize, !streamsRaw || size <= options.streamThreshold {
                throw InputReader.tooLarge(path, options.limits.maxInputSize)
            }
            guard kind == .raw else {
                // Read whole: a file known to be too large is refused before it is read.
                if let size = stream.size, size > options.limits.maxInputSize {
                    throw InputReader.tooLarge(path, options.limits.maxInputSize)
                }
                while try stream.read(into: &head, upTo: 1 << 20) > 0 {
                    if head.count > options.limits.maxInputSize {
                        handle(hold(InputReport(name: path, outcome: .failed(
                            "cannot read '\(path)': it is larger than \(options.limits.maxInputSize) bytes, the limit (--max-input-size)"))))
                        return
                    }
                }
                for report in linter.lintInput(named: path, bytes: head, kind: options.inputKind, requests: requests, ports: options.ports) {
                    handle(hold(report))
                }
                return
            }
            try linter.lintStream(named: path, initial: head, requests: requests, window: options.streamThreshold,
                                  read: { bytes, count in try stream.read(into: &bytes, upTo: count) }, emit: { report in
                handle(hold(report))
            })
        } catch let error as InputReader.Failure {
            handle(hold(InputReport(name: path, outcome: .failed(error.description))))
        } catch {
            handle(hold(InputReport(name: path, outcome: .failed("cannot read '\(path)': \(error)"))))
        }
    }
}

/// The settings of a run: the configuration file (given, or found from the current
/// directory), the profile and the failing severity it and the options give, and a linter
/// per path (the file's overrides applied).
public struct LintSettings: Sendable {
    public let configuration: ConfigurationFile?
    public let profile: Linter.Profile
    public let failOn: Severity
    let linters: LinterCache

    /// - Throws: ``LintRun/Failure`` when the configuration file cannot be read.
    public init(profile: Linter.Profile? = nil, failOn: Severity? = nil, ignoredRules: [String] = [],
                configurationPath: String? = nil, usesConfigurationFile: Bool = true,
                limits: ParserLimits = .default) throws(LintRun.Failure) {
        var configuration: ConfigurationFile?
        if usesConfigurationFile, let path = configurationPath ?? ConfigurationFile.find(from: FileManager.default.currentDirectoryPath) {
            do {
                configuration = try ConfigurationFile.load(path)
            } catch {
                throw LintRun.Failure(description: error.description)
            }
        }
        self.configuration = configuration
        self.profile = profile ?? configuration?.profile ?? .recommended
        self.failOn = failOn ?? configuration?.failOn ?? self.profile.failureThreshold
        linters = LinterCache(profile: self.profile, ignored: Set(ignoredRules), file: configuration, limits: limits)
    }

    /// The linter for an input at `path`.
    public func linter(for path: String) -> Linter { linters.linter(for: path) }
}

/// One input's reports as the thread that linted it hands them on.
struct LintedInput<Rendered: Sendable>: Sendable {
    let reports: [InputReport]
    /// What each report rendered to, when that thread rendered it.
    let rendered: [Rendered]?
    /// The input, when it is too large to read whole: the calling thread streams it.
    let streamed: InputCollector.Item?
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
