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
    var requests: [Request] = []
    if let path = options.requestPath {
        do {
            requests = try RequestParser.parse(SourceText(name: path, bytes: InputReader.read(path)))
        } catch let error as InputReader.Failure {
            printError("request: \(error.description)")
            return .failure
        } catch {
            printError("request: \(error)")
            return .failure
        }
    }
    let linter = Linter(configuration: .init(profile: options.profile, ignoredRules: Set(options.ignoredRules)))
    let failOn = options.failOn ?? options.profile.failureThreshold
    let useColor = options.color ?? (options.format == .text && isatty(1) == 1
        && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
        && (getenv("TERM").map { String(cString: $0) != "dumb" } ?? true))
    let reporter = options.format.reporter(useColor: useColor)
    var files = options.outputs.map { (output: $0, reporter: $0.format.reporter(), text: "") }
    var reports: [InputReport] = []
    for path in options.inputs {
        let report: InputReport
        do {
            let bytes = try InputReader.read(path)
            report = InputReport(name: path, outcome: .linted(linter.lint(SourceText(name: path, bytes: bytes), requests: requests)))
        } catch {
            report = InputReport(name: path, outcome: .failed(error.description))
            printError(error.description)
        }
        // Unreadable inputs are already on standard error; the text format does not repeat them.
        if case .failed = report.outcome, options.format == .text {
            // Already on standard error; the text report does not repeat it.
        } else {
            print(reporter.render(report), terminator: "")
        }
        for index in files.indices { files[index].text += files[index].reporter.render(report) }
        reports.append(report)
    }
    print(reporter.finish(reports), terminator: "")
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

exit(run(Array(CommandLine.arguments.dropFirst())).rawValue)
