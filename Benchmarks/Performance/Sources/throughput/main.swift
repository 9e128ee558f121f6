// Throughput on the in-memory corpus: a bare scan for the end of each header section, httplint's
// parser, NIOHTTP1's HTTPResponseDecoder, and httplint's full lint with every rule; then the
// corner cases that must stay linear. Prints figures; there is no pass or fail.
//
//   swift run -c release throughput [MEGABYTES] [--corners-only] [--no-corners]
import Corpus
import Dispatch
import Foundation
import HTTPLint
import NIOCore
import NIOEmbedded
import NIOHTTP1

let arguments = CommandLine.arguments.dropFirst()
let megabytes = arguments.compactMap { Int($0) }.first ?? 64
/// `--only PHASE` runs one measurement once (for `perf record` or callgrind): scan, nio, parse,
/// lint, lint-default, lint-unskipped, rules, files (the 2000 peer files linted one by one).
let only: String? = arguments.firstIndex(of: "--only").flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil }
/// `--repeat N` with `--only`: run the phase N more times (a profile then sees the phase, not the
/// corpus generator); the best of them is printed.
let repeats = arguments.firstIndex(of: "--repeat").flatMap { arguments.index(after: $0) < arguments.endIndex ? Int(arguments[arguments.index(after: $0)]) : nil }
let runs = only == nil ? 5 : repeats ?? (only == "rules" ? 3 : 0)

/// Seconds taken by `body`, best of `runs` (after one warm-up), and its result.
func measure<T>(_ body: () -> T) -> (seconds: Double, result: T) {
    var best = Double.infinity
    var result = body()
    if runs == 0 { return (0, result) }
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        result = body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (best, result)
}

/// What `--only` prints: the phase's result and, with `--repeat N`, the best of the N timed
/// runs (and, given the number of inputs, how many per second): for scripts that compare runs.
func show<T>(_ measured: (seconds: Double, result: T), per inputs: Int? = nil) {
    guard runs > 0 else { return print(measured.result) }
    let rate = inputs.map { String(format: " %.0f /s", Double($0) / measured.seconds) } ?? ""
    print("\(measured.result) best of \(runs): \(String(format: "%.2f", measured.seconds * 1000)) ms\(rate)")
}

func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
func fixed(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

func report(_ name: String, seconds: Double, bytes: Int, responses: Int, reference: Double? = nil) {
    let rate = Double(bytes) / seconds / 1e6
    let ratio = reference.map { "  \(fixed($0 / seconds, 2))× NIOHTTP1" } ?? ""
    print("  \(pad(name, 34)) \(pad(fixed(rate) + " MB/s", 13)) \(pad(fixed(Double(responses) / seconds / 1e3) + " k responses/s", 22)) \(fixed(seconds * 1000)) ms\(ratio)")
}

/// Counts header-section ends ("\r\n\r\n") with memchr: the floor any parser stands on.
func scanHeaderEnds(_ bytes: [UInt8]) -> Int {
    bytes.withUnsafeBufferPointer { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        var count = 0
        var position = 0
        while position < buffer.count - 3 {
            guard let found = memchr(base + position, 0x0D, buffer.count - position - 3) else { break }
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if base[index + 1] == 0x0A, base[index + 2] == 0x0D, base[index + 3] == 0x0A { count += 1; position = index + 4 } else { position = index + 1 }
        }
        return count
    }
}

/// NIOHTTP1's response decoder over the stream, fed in 64 KB reads as a socket would; the
/// channel is told of one GET per final response beforehand (untimed).
final class NIORun {
    let channel = EmbeddedChannel()
    let buffers: [ByteBuffer]

    init(_ stream: [UInt8], finalResponses: Int) throws {
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(HTTPResponseDecoder(
            leftOverBytesStrategy: .forwardBytes, informationalResponseStrategy: .forward)))
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: "/")
        for _ in 0..<finalResponses {
            try channel.writeOutbound(HTTPClientRequestPart.head(head))
            _ = try channel.readOutbound(as: HTTPClientRequestPart.self)
        }
        var buffers: [ByteBuffer] = []
        var start = 0
        while start < stream.count {
            let end = min(stream.count, start + 65_536)
            buffers.append(channel.allocator.buffer(bytes: stream[start..<end]))
            start = end
        }
        self.buffers = buffers
    }

    /// Heads decoded (interim ones included).
    func run() -> Int {
        var heads = 0
        for buffer in buffers {
            do { try channel.writeInbound(buffer) } catch { fatalError("NIOHTTP1 failed on the corpus: \(error)") }
            while let part = try? channel.readInbound(as: HTTPClientResponsePart.self) {
                if case .head = part { heads += 1 }
            }
        }
        return heads
    }
}

func throughput() throws {
    // NIOHTTP1 stops at the first defect, so the comparison runs on responses without any.
    let corpus = Corpus(bytes: megabytes << 20, defectRate: 0)
    let stream = corpus.stream
    let responses = corpus.responses.count + corpus.interim
    print("corpus without defects: \(corpus.responses.count) final + \(corpus.interim) interim responses, "
        + "\(stream.count) bytes (seed 1); best of \(runs) runs")
    let source = SourceText(name: "corpus", bytes: stream)
    if let only {
        switch only {
        case "scan": show(measure { scanHeaderEnds(stream) })
        // A fresh channel per run, as below; its setup is small next to the parse.
        case "nio": show(measure { (try? NIORun(stream, finalResponses: corpus.responses.count).run()) ?? -1 })
        case "parse": show(measure { ResponseParser.parse(source).count })
        case "lint":
            let linter = Linter(configuration: .init(profile: .all))
            show(measure { linter.lint(source).findings.count })
        case "lint-default":
            let linter = Linter()
            show(measure { linter.lint(source).findings.count })
        case "rules": ruleCosts(ResponseParser.parse(source))
        case "files":
            let linter = Linter(configuration: .init(profile: .all))
            let sources = Corpus(count: 2000).responses.map { SourceText(name: "file", bytes: $0) }
            show(measure { sources.reduce(0) { $0 + linter.lint($1).findings.count } }, per: sources.count)
        case "lint-unskipped": print(Linter(configuration: .init(profile: .all, skipsRulesWithoutTheirFields: false)).lint(source).findings.count)
        default: print("unknown phase \(only)")
        }
        return
    }

    let scan = measure { scanHeaderEnds(stream) }
    report("memchr scan for header ends", seconds: scan.seconds, bytes: stream.count, responses: scan.result)

    // NIO's channel keeps its state: a fresh one per run, set up outside the timing.
    var nioBest = Double.infinity
    var nioHeads = 0
    for _ in 0...runs {
        let nio = try NIORun(stream, finalResponses: corpus.responses.count)
        let start = DispatchTime.now().uptimeNanoseconds
        nioHeads = nio.run()
        nioBest = min(nioBest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    report("NIOHTTP1 HTTPResponseDecoder", seconds: nioBest, bytes: stream.count, responses: nioHeads)

    let parse = measure { ResponseParser.parse(source) }
    let parsed = parse.result.reduce(0) { $0 + $1.interim.count + 1 }
    report("httplint parse (one stream)", seconds: parse.seconds, bytes: stream.count, responses: parsed, reference: nioBest)

    let sources = corpus.responses.map { SourceText(name: "r", bytes: $0) }
    let parseEach = measure { sources.reduce(0) { $0 + ResponseParser.parse($1).count } }
    report("httplint parse (file per response)", seconds: parseEach.seconds, bytes: stream.count, responses: responses, reference: nioBest)

    let linter = Linter(configuration: .init(profile: .all))
    let lint = measure { linter.lint(source) }
    report("httplint lint, every rule (stream)", seconds: lint.seconds, bytes: stream.count, responses: parsed, reference: nioBest)
    let defaultLinter = Linter()
    let lintDefault = measure { defaultLinter.lint(source) }
    report("httplint lint, default rules", seconds: lintDefault.seconds, bytes: stream.count, responses: parsed, reference: nioBest)
    let unskipping = Linter(configuration: .init(profile: .all, skipsRulesWithoutTheirFields: false))
    let lintUnskipped = measure { unskipping.lint(source) }
    report("  the same, no rule skipped", seconds: lintUnskipped.seconds, bytes: stream.count, responses: parsed, reference: nioBest)

    print("  checks: NIOHTTP1 read \(nioHeads) heads, httplint \(parsed); every-rule findings \(tally(lint.result.findings)); "
        + "the same with no rule skipped: \(lint.result.findings == lintUnskipped.result.findings ? "yes" : "NO")")

    // The responses `make-corpus files DIR 2000` writes, which peers.py lints with the Python
    // peers: one lint per file, as a per-file CI run does.
    let files = Corpus(count: 2000)
    let fileSources = files.responses.map { SourceText(name: "file", bytes: $0) }
    let perFile = measure { fileSources.reduce(0) { $0 + linter.lint($1).findings.count } }
    print("the 2000 files of peers.py (make-corpus files DIR 2000), linted one by one with every rule:")
    report("httplint lint, file by file", seconds: perFile.seconds, bytes: files.totalBytes, responses: files.responses.count)

    let defective = Corpus(bytes: megabytes << 20)
    let defectiveSource = SourceText(name: "corpus", bytes: defective.stream)
    let lintDefective = measure { linter.lint(defectiveSource) }
    print("corpus with defects: \(defective.responses.count) final responses, \(defective.defective) with a defect")
    report("httplint lint, every rule", seconds: lintDefective.seconds, bytes: defectiveSource.bytes.count,
           responses: defective.responses.count + defective.interim, reference: nil)
    print("  findings: \(tally(lintDefective.result.findings))")
}

/// A rule with no check, to measure the loop around rules.
struct DoesNothing: Rule {
    static let description = RuleDescription(
        id: "does-nothing", severity: .info, category: .framing, summary: "Nothing", rationale: "Measures the loop.",
        fix: "Nothing", spec: [], fields: [], triggering: [], nonTriggering: [])
    func check(_ exchange: Exchange, _ report: inout FindingReporter) {}
}

/// The time each rule takes over already parsed exchanges, alone, as the linter runs it
/// (skipped where its fields are absent); the costliest first.
func ruleCosts(_ exchanges: [Exchange]) {
    var costs: [(id: String, seconds: Double, ran: Int)] = []
    // The linter builds each exchange's set once for all rules; so does this table.
    let present = exchanges.map(FieldNameSet.init)
    for type in RuleCatalogue.rules {
        let description = type.description
        let rule = type.init()
        let gate = description.gateFields.flatMap(FieldNameSet.init(names:))
        var ran = 0
        let timing = measure { () -> Int in
            var found = 0
            ran = 0
            for (exchange, present) in zip(exchanges, present) {
                if let gate, !gate.intersects(present) { continue }
                ran += 1
                var reporter = FindingReporter(rule: description, exchangeIndex: exchange.index)
                rule.check(exchange, &reporter)
                found += reporter.findings.count
            }
            return found
        }
        costs.append((description.id, timing.seconds, ran))
    }
    // What the same loop costs around a rule that does nothing: the share of every row below
    // that is not the rule's own work.
    let nothing: any Rule = DoesNothing()
    let loop = measure { () -> Int in
        var found = 0
        for exchange in exchanges {
            var reporter = FindingReporter(rule: DoesNothing.description, exchangeIndex: exchange.index)
            nothing.check(exchange, &reporter)
            found += reporter.findings.count
        }
        return found
    }
    let total = costs.reduce(0) { $0 + $1.seconds }
    print("rules alone over \(exchanges.count) parsed exchanges: \(fixed(total * 1000)) ms in all, \(fixed(total / Double(exchanges.count) * 1e6, 2)) µs per exchange")
    print("  the same loop around a rule that does nothing: \(fixed(loop.seconds / Double(exchanges.count) * 1e9, 0)) ns per exchange")
    for cost in costs.sorted(by: { $0.seconds > $1.seconds }).prefix(only == "rules" ? 200 : 30) {
        print("  \(pad(cost.id, 48)) \(pad(fixed(cost.seconds * 1000, 2) + " ms", 10)) \(fixed(cost.seconds / Double(max(cost.ran, 1)) * 1e9, 0)) ns per exchange run, ran on \(cost.ran)")
    }
}

func tally(_ findings: [Finding]) -> String {
    var bySeverity: [String: Int] = [:]
    for finding in findings { bySeverity[finding.severity.rawValue, default: 0] += 1 }
    return bySeverity.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
}

/// Each corner case at two sizes a factor of ten apart: the time per unit should stay flat.
func corners() {
    print("\nlinear-time corners (parse + every rule; time per unit should stay flat as the size grows tenfold)")
    let linter = Linter(configuration: .init(profile: .all, limits: ParserLimits(
        maxLineLength: 200 << 20, maxFieldSectionSize: 400 << 20, maxFields: 2_000_000, maxChunks: 20_000_000)))
    func head(_ extra: String = "") -> String { "HTTP/1.1 200 OK\r\nDate: Sun, 22 Nov 2026 10:00:00 GMT\r\n" + extra }
    let cases: [(String, String, (Int) -> [UInt8], [Int])] = [
        ("fields in one response", "field", { n in
            var out = Array(head().utf8)
            for index in 0..<n { out += Array("X-Field-\(index): value \(index)\r\n".utf8) }
            return out + Array("Content-Length: 0\r\n\r\n".utf8)
        }, [10_000, 100_000]),
        ("bytes in one field value", "MB", { n in
            Array(head("X-Big: ").utf8) + [UInt8](repeating: 0x61, count: n) + Array("\r\nContent-Length: 0\r\n\r\n".utf8)
        }, [10 << 20, 100 << 20]),
        ("chunks in one response", "chunk", { n in
            var out = Array(head("Transfer-Encoding: chunked\r\n\r\n").utf8)
            out.reserveCapacity(out.count + n * 6 + 5)
            for _ in 0..<n { out += [0x31, 13, 10, 0x61, 13, 10] }
            return out + Array("0\r\n\r\n".utf8)
        }, [100_000, 1_000_000]),
        ("tiny responses in one stream", "response", { n in
            let one = Array((head() + "Content-Length: 0\r\n\r\n").utf8)
            var out: [UInt8] = []
            out.reserveCapacity(one.count * n)
            for _ in 0..<n { out += one }
            return out
        }, [100_000, 1_000_000]),
    ]
    for (name, unit, make, sizes) in cases {
        var perUnit: [Double] = []
        for size in sizes {
            let bytes = make(size)
            let source = SourceText(name: name, bytes: bytes)
            let start = DispatchTime.now().uptimeNanoseconds
            let result = linter.lint(source)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let units = unit == "MB" ? Double(size) / Double(1 << 20) : Double(size)
            perUnit.append(seconds / units)
            print("  \(pad("\(size) \(name)", 36)) \(pad(fixed(seconds * 1000) + " ms", 11)) \(fixed(seconds / units * 1e9 / (unit == "MB" ? 1e6 : 1), 1)) \(unit == "MB" ? "ms/MB" : "ns/\(unit)")  (\(result.findings.count) findings, \(bytes.count) bytes)")
        }
        print("    growth of time per unit: \(fixed(perUnit[1] / perUnit[0], 2))×")
    }
}

if !arguments.contains("--corners-only") { try throughput() }
if !arguments.contains("--no-corners") { corners() }
