import Foundation
import HTTPLint

/// `httplint probe URL`: says what it will send, sends it, lints every exchange (and the
/// exchanges together), reports them like inputs, and maps the outcome to an exit status.
func probe(_ options: ProbeOptions) -> ExitStatus {
    let endpoint: HTTPEndpoint
    do {
        endpoint = try HTTPEndpoint(options.url)
    } catch {
        printError(error.description)
        return .failure
    }
    let output = options.output
    let settings: LintSettings
    do {
        settings = try LintSettings(profile: output.profile, failOn: output.failOn, ignoredRules: output.ignoredRules,
                                    configurationPath: output.configPath, usesConfigurationFile: !output.noConfig,
                                    limits: output.limits)
    } catch {
        printError(error.description)
        return .failure
    }
    let failOn = settings.failOn
    let linter = settings.linter(for: endpoint.description)
    let fields = options.headers.map { header -> (name: String, value: String) in
        let colon = header.firstIndex(of: ":")!
        return (String(header[..<colon]), header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
    let probe = Probe(endpoint: endpoint, options: Probe.Options(
        method: options.method, fields: fields, content: options.data.map { Array($0.utf8) }, robustness: options.robustness,
        rate: options.rate, client: HTTPExchangeClient.Options(connectTimeout: options.timeout, readTimeout: options.timeout,
                                                               maxResponseSize: output.limits.maxInputSize)))
    writeToStandardError("""
        httplint: probing \(endpoint) with \(options.method), then HEAD, conditional and range GETs built from its \
        validators, gzip against identity, OPTIONS, an unknown method, HTTP/1.0 and HTTP/1.2 and two pipelined requests\
        \(options.robustness ? ", and malformed requests a server must reject" : "") (about \(options.robustness ? 30 : 22) \
        requests, each on its own connection, at most \(formatRate(options.rate)) a second); it sends unusual requests on purpose\n
        """)
    let exchanges = probe.run()
    if exchanges.count == 1, let failure = exchanges[0].failure {
        printError(failure)
        return .failure
    }
    if let directory = options.saveDirectory {
        do {
            let written = try Probe.save(exchanges, to: directory)
            writeToStandardError("httplint: saved \(written.count) exchanges in \(directory) (NN-step.http with NN-step.req)\n")
        } catch {
            printError(error.description)
            return .failure
        }
    }
    let reports = probe.lint(exchanges, with: linter)
    let reporter = output.format.reporter(useColor: useColor(output), failOn: output.exitZero ? nil : failOn)
    let shown = output.quiet ? reports.map { $0.keepingOnly(.error) } : reports
    var anyFailed = false
    for report in shown {
        if case .failed(let reason) = report.outcome {
            printError(reason)
            anyFailed = true
            if output.format == .text { continue }
        }
        StandardOutput.write(reporter.render(report))
    }
    if let text = reporter as? TextReporter, output.format == .text {
        if !output.quiet { StandardOutput.write(text.summary(RunSummary(reports))) }
    } else {
        StandardOutput.write(reporter.finish(shown))
    }
    var failedToWrite = false
    for file in output.outputs {
        let fileReporter = file.format.reporter(failOn: output.exitZero ? nil : failOn)
        let text = reports.map(fileReporter.render).joined() + fileReporter.finish(reports)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: file.path))
        } catch {
            printError("cannot write the \(file.format.rawValue) report to '\(file.path)': \(error.localizedDescription)")
            failedToWrite = true
        }
    }
    if failedToWrite || anyFailed { return .failure }
    return !output.exitZero && reports.contains { $0.findings.contains { $0.severity >= failOn } } ? .findings : .clean
}

private func formatRate(_ rate: Double) -> String {
    rate == rate.rounded() ? String(Int(rate)) : String(rate)
}
