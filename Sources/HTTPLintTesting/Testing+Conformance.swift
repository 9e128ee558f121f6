#if canImport(Testing)
import Foundation
import HTTPLint
import Testing

/// Records an issue at the caller's location when `response` breaks the HTTP
/// specifications: a failing issue listing every finding at or above `options.failingAt`
/// (errors, by default), and a warning issue (which does not fail the test) for the warnings
/// below it. The response's bytes are attached to the failing issue.
///
/// ```swift
/// @Test func loginChallenge() {
///     expectConformingHTTPResponse("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer\r\nContent-Length: 0\r\n\r\n")
/// }
/// ```
///
/// Outside a Swift Testing test (in an `XCTestCase`) it fails through XCTest instead.
///
/// - Parameters:
///   - response: the response; raw text, bytes, `Data` or parts (see ``LintableResponse``).
///   - options: threshold, ignored and expected rules, profile and request.
///   - comment: a description prefixed to the issue.
///   - sourceLocation: where the issue is recorded; the caller's location by default.
/// - Returns: the report, for further checks; `nil` when producing the response threw.
@discardableResult
public func expectConformingHTTPResponse(
    _ response: @autoclosure () throws -> LintableResponse,
    options: ConformanceOptions = .init(),
    _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) -> ConformanceReport? {
    let report: ConformanceReport
    do {
        report = checkHTTPResponse(try response(), options: options)
    } catch {
        deliver(ConformanceFailure(message: "the response could not be produced: \(error)", isWarning: false,
                                   fileID: sourceLocation.fileID, filePath: sourceLocation.filePath,
                                   line: sourceLocation.line, column: sourceLocation.column, response: []),
                xcTestFile: nil, xcTestLine: nil)
        return nil
    }
    record(report, comment: comment?.rawValue ?? "", fileID: sourceLocation.fileID, filePath: sourceLocation.filePath,
           line: sourceLocation.line, column: sourceLocation.column, xcTestFile: nil, xcTestLine: nil)
    return report
}

/// ``expectConformingHTTPResponse(_:options:_:sourceLocation:)-…`` for raw response text
/// held in a `String`.
///
/// ```swift
/// expectConformingHTTPResponse(responseText, options: .init(failingAt: .warning))
/// ```
@discardableResult
public func expectConformingHTTPResponse(
    _ text: @autoclosure () throws -> String, options: ConformanceOptions = .init(),
    _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> ConformanceReport? {
    expectConformingHTTPResponse(LintableResponse(try text()), options: options, comment, sourceLocation: sourceLocation)
}

/// The Swift Testing expectation for raw response bytes.
///
/// ```swift
/// expectConformingHTTPResponse(Array(capturedBytes))
/// ```
@discardableResult
public func expectConformingHTTPResponse(
    _ bytes: @autoclosure () throws -> [UInt8], options: ConformanceOptions = .init(),
    _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> ConformanceReport? {
    expectConformingHTTPResponse(LintableResponse(bytes: try bytes()), options: options, comment, sourceLocation: sourceLocation)
}

/// The Swift Testing expectation for raw response bytes in `Data`.
///
/// ```swift
/// expectConformingHTTPResponse(try Data(contentsOf: captureURL))
/// ```
@discardableResult
public func expectConformingHTTPResponse(
    _ data: @autoclosure () throws -> Data, options: ConformanceOptions = .init(),
    _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> ConformanceReport? {
    expectConformingHTTPResponse(LintableResponse(data: try data()), options: options, comment, sourceLocation: sourceLocation)
}

/// Sends a request to a live server and records an issue at the caller's location when the
/// exact bytes it answers with break the HTTP specifications (an issue, too, when the server
/// cannot be reached). The request's Host is the URL's authority.
///
/// ```swift
/// @Test func orderIsServedConformingly() async {
///     await expectConformingHTTPExchange(to: "http://127.0.0.1:\(port)/orders/1")
/// }
/// ```
///
/// - Returns: the report, for further checks; `nil` when no exchange could be made.
@discardableResult
public func expectConformingHTTPExchange(
    to url: String, method: RequestContext.Method = .get, fields: [(name: String, value: String)] = [],
    content: [UInt8]? = nil, options: ConformanceOptions = .init(), timeout: Double = 5,
    _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) async -> ConformanceReport? {
    let fieldList = fields.map { FieldPair(name: $0.name, value: $0.value) }
    let outcome = await offThread { () -> Result<ConformanceReport, HTTPExchangeClient.Failure> in
        Result { () throws(HTTPExchangeClient.Failure) in
            try checkHTTPExchange(to: url, method: method, fields: fieldList.map { ($0.name, $0.value) }, content: content,
                                  options: options, timeout: timeout)
        }
    }
    return recordLive(outcome, comment: comment, sourceLocation: sourceLocation)
}

/// Probes a live server's resource at `url` (HEAD, conditional, range, gzip, OPTIONS, an
/// unknown method, HTTP/1.0 and 1.2, pipelining; `robustness` adds malformed requests) and
/// records an issue at the caller's location for every exchange that breaks the HTTP
/// specifications, the rules that compare exchanges included.
///
/// ```swift
/// @Test func serverConforms() async {
///     await expectConformingServer(at: "http://127.0.0.1:\(port)/")
/// }
/// ```
///
/// - Returns: one report per exchange; empty when the server could not be reached.
@discardableResult
public func expectConformingServer(
    at url: String, options: ConformanceOptions = .init(), robustness: Bool = false, timeout: Double = 3,
    _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) async -> [ConformanceReport] {
    let outcome = await offThread { () -> Result<[ConformanceReport], HTTPExchangeClient.Failure> in
        Result { () throws(HTTPExchangeClient.Failure) in try checkHTTPServer(at: url, options: options, robustness: robustness, timeout: timeout) }
    }
    switch outcome {
    case .success(let reports):
        for report in reports { _ = recordLive(.success(report), comment: comment, sourceLocation: sourceLocation) }
        return reports
    case .failure(let failure):
        _ = recordLive(.failure(failure), comment: comment, sourceLocation: sourceLocation)
        return []
    }
}

private func recordLive(_ outcome: Result<ConformanceReport, HTTPExchangeClient.Failure>, comment: Comment?,
                        sourceLocation: SourceLocation) -> ConformanceReport? {
    switch outcome {
    case .success(let report):
        record(report, comment: comment?.rawValue ?? "", fileID: sourceLocation.fileID, filePath: sourceLocation.filePath,
               line: sourceLocation.line, column: sourceLocation.column, xcTestFile: nil, xcTestLine: nil)
        return report
    case .failure(let failure):
        deliver(ConformanceFailure(message: "no HTTP exchange: \(failure.description)", isWarning: false,
                                   fileID: sourceLocation.fileID, filePath: sourceLocation.filePath,
                                   line: sourceLocation.line, column: sourceLocation.column, response: []),
                xcTestFile: nil, xcTestLine: nil)
        return nil
    }
}

/// `#expect(report.isClean)` prints the failing findings on one line.
extension ConformanceReport: CustomTestStringConvertible {
    public var testDescription: String { summary }
}
#endif
