import Foundation
import HTTPLint

/// Sends one request to a live server (plain `http://`, on loopback in a test) and lints the
/// exact bytes it answers with, with the request: framing, duplicates, the version and the
/// raw content are all judged, as they are not through a URL loader. Records nothing.
///
/// ```swift
/// let report = try checkHTTPExchange(to: "http://127.0.0.1:8080/orders/1")
/// print(report.failureMessage ?? "conforms")
/// ```
///
/// - Parameters:
///   - url: the server and target; the request's Host is the URL's authority.
///   - method: the request method (case-sensitive).
///   - fields: fields sent after Host.
///   - content: the request content (sent with Content-Length).
///   - options: threshold, ignored and expected rules, profile (its `request` is not used).
///   - timeout: seconds to wait for the connection and for each read.
/// - Throws: ``HTTPExchangeClient/Failure`` when the URL is not `http://` or the server
///   cannot be reached.
public func checkHTTPExchange(to url: String, method: RequestContext.Method = .get, fields: [(name: String, value: String)] = [],
                              content: [UInt8]? = nil, options: ConformanceOptions = .init(),
                              timeout: Double = 5) throws(HTTPExchangeClient.Failure) -> ConformanceReport {
    let endpoint = try HTTPEndpoint(url)
    var context = RequestContext(method: method, target: endpoint.target, host: endpoint.authority, fields: fields)
    if let content { context.fields.append(("Content-Length", String(content.count))) }
    let report = try checkHTTPExchange(to: url, rawRequest: context.bytes + (content ?? []), options: options, timeout: timeout)
    return report.adding(cautions: context.cautions)
}

/// ``checkHTTPExchange(to:method:fields:content:options:timeout:)`` with the request given as
/// raw bytes, sent exactly (several pipelined requests, or a malformed one, are allowed).
///
/// ```swift
/// let report = try checkHTTPExchange(to: "http://127.0.0.1:8080/", rawRequest: Array("GET / HTTP/1.1\r\n\r\n".utf8))
/// ```
public func checkHTTPExchange(to url: String, rawRequest: [UInt8], options: ConformanceOptions = .init(),
                              timeout: Double = 5) throws(HTTPExchangeClient.Failure) -> ConformanceReport {
    let endpoint = try HTTPEndpoint(url)
    let client = HTTPExchangeClient(options: .init(connectTimeout: timeout, readTimeout: timeout))
    let recorded = try client.exchange(rawRequest, with: endpoint)
    let linter = Linter(configuration: .init(profile: options.profile, ignoredRules: options.ignoring))
    let requests = RequestParser.parse(SourceText(name: "request", bytes: recorded.request))
    let source = SourceText(name: "response", bytes: recorded.response)
    let findings = linter.lint(source, requests: requests).findings
    let line = requests.first.map { "\($0.method) \(endpoint.description)" } ?? endpoint.description
    return ConformanceReport(findings: findings, source: source, request: requests.first, cautions: [], options: options,
                             headline: line)
}

/// Probes the resource at `url` as `httplint probe` does (HEAD, conditional and range
/// variants, gzip against identity, OPTIONS, an unknown method, HTTP/1.0 and 1.2,
/// pipelining; with `robustness`, malformed requests) and lints every exchange, and the
/// exchanges together. One report per exchange, in order; records nothing.
///
/// ```swift
/// for report in try checkHTTPServer(at: "http://127.0.0.1:8080/") where !report.isClean {
///     print(report.failureMessage!)
/// }
/// ```
///
/// - Throws: ``HTTPExchangeClient/Failure`` when the URL is not `http://` or the server does
///   not answer the first request.
public func checkHTTPServer(at url: String, options: ConformanceOptions = .init(), robustness: Bool = false,
                            timeout: Double = 3) throws(HTTPExchangeClient.Failure) -> [ConformanceReport] {
    let endpoint = try HTTPEndpoint(url)
    let probe = Probe(endpoint: endpoint, options: .init(robustness: robustness, rate: 1000,
                                                         client: .init(connectTimeout: timeout, readTimeout: timeout)))
    let exchanges = probe.run()
    if exchanges.count == 1, let failure = exchanges[0].failure { throw .init(description: failure) }
    let linter = Linter(configuration: .init(profile: options.profile, ignoredRules: options.ignoring))
    var reports: [ConformanceReport] = []
    for (exchange, report) in zip(exchanges, probe.lint(exchanges, with: linter)) {
        guard case .linted(let result) = report.outcome else {
            let source = SourceText(name: "response", bytes: [])
            reports.append(ConformanceReport(findings: [], source: source, request: nil, cautions: [], options: options,
                                             headline: "\(endpoint) (probe \(exchange.label))")
                .adding(cautions: ["no exchange: \(exchange.failure ?? "")"]))
            continue
        }
        reports.append(ConformanceReport(findings: result.findings, source: result.source,
                                         request: result.exchanges.first?.request, cautions: [], options: options,
                                         headline: "\(endpoint) (probe \(exchange.label))"))
    }
    return reports
}

extension ConformanceReport {
    func adding(cautions more: [String]) -> ConformanceReport {
        guard !more.isEmpty else { return self }
        return ConformanceReport(findings: findings, failures: failures, warnings: warnings, missingExpectedRules: missingExpectedRules,
                                 cautions: cautions + more, response: response, source: source, options: options,
                                 request: request, subject: subject)
    }
}

/// A field as a Sendable value, for work handed to another thread.
struct FieldPair: Sendable {
    let name: String
    let value: String
}

/// Runs blocking socket work on a thread of its own, so that an async test does not hold a
/// thread of the cooperative pool while it waits for a server.
func offThread<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: work()) }
        thread.start()
    }
}
