#if canImport(XCTest)
import Foundation
import HTTPLint
import XCTest

/// Fails the current test, at the caller's line, when `response` breaks the HTTP
/// specifications: one failure listing every finding at or above `options.failingAt`, each
/// with its rule id, severity, message, line and spec section.
///
/// ```swift
/// func testLoginChallenge() {
///     let response = LintableResponse(status: 401, fields: [("WWW-Authenticate", "Bearer"), ("Content-Length", "0")])
///     XCTAssertConformingHTTPResponse(response)
/// }
/// ```
///
/// Inside a Swift Testing `@Test` the failure is recorded as a Swift Testing issue instead,
/// since XCTest failures are dropped there. Warnings below the threshold are not reported
/// by XCTest.
///
/// - Parameters:
///   - response: the response; raw text, bytes, `Data` or parts (see ``LintableResponse``).
///   - options: threshold, ignored and expected rules, profile and request.
///   - message: a description prefixed to the failure.
/// - Returns: the report, for further checks; `nil` when producing the response threw.
@discardableResult
public func XCTAssertConformingHTTPResponse(
    _ response: @autoclosure () throws -> LintableResponse,
    options: ConformanceOptions = .init(),
    _ message: @autoclosure () -> String = "",
    file: StaticString = #filePath,
    line: UInt = #line
) -> ConformanceReport? {
    let path = String(describing: file)
    let report: ConformanceReport
    do {
        report = checkHTTPResponse(try response(), options: options)
    } catch {
        deliver(ConformanceFailure(message: "the response could not be produced: \(error)", isWarning: false,
                                   fileID: fileID(from: path), filePath: path, line: Int(line), column: 1, response: []),
                xcTestFile: file, xcTestLine: line)
        return nil
    }
    record(report, comment: message(), fileID: fileID(from: path), filePath: path, line: Int(line), column: 1,
           xcTestFile: file, xcTestLine: line)
    return report
}

/// ``XCTAssertConformingHTTPResponse(_:options:_:file:line:)-…`` for raw response text
/// held in a `String`.
///
/// ```swift
/// XCTAssertConformingHTTPResponse(responseText, options: .init(failingAt: .warning))
/// ```
@discardableResult
public func XCTAssertConformingHTTPResponse(
    _ text: @autoclosure () throws -> String, options: ConformanceOptions = .init(),
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) -> ConformanceReport? {
    XCTAssertConformingHTTPResponse(LintableResponse(try text()), options: options, message(), file: file, line: line)
}

/// The XCTest assertion for raw response bytes.
///
/// ```swift
/// XCTAssertConformingHTTPResponse(Array(capturedBytes))
/// ```
@discardableResult
public func XCTAssertConformingHTTPResponse(
    _ bytes: @autoclosure () throws -> [UInt8], options: ConformanceOptions = .init(),
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) -> ConformanceReport? {
    XCTAssertConformingHTTPResponse(LintableResponse(bytes: try bytes()), options: options, message(), file: file, line: line)
}

/// The XCTest assertion for raw response bytes in `Data`.
///
/// ```swift
/// XCTAssertConformingHTTPResponse(try Data(contentsOf: captureURL))
/// ```
@discardableResult
public func XCTAssertConformingHTTPResponse(
    _ data: @autoclosure () throws -> Data, options: ConformanceOptions = .init(),
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) -> ConformanceReport? {
    XCTAssertConformingHTTPResponse(LintableResponse(data: try data()), options: options, message(), file: file, line: line)
}
/// Sends a request to a live server and fails the current test, at the caller's line, when
/// the exact bytes it answers with break the HTTP specifications (or when the server cannot
/// be reached). The request's Host is the URL's authority.
///
/// ```swift
/// func testOrderIsServedConformingly() {
///     XCTAssertConformingHTTPExchange(to: "http://127.0.0.1:\(port)/orders/1")
/// }
/// ```
///
/// - Returns: the report, for further checks; `nil` when no exchange could be made.
@discardableResult
public func XCTAssertConformingHTTPExchange(
    to url: String, method: RequestContext.Method = .get, fields: [(name: String, value: String)] = [],
    content: [UInt8]? = nil, options: ConformanceOptions = .init(), timeout: Double = 5,
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) -> ConformanceReport? {
    let path = String(describing: file)
    do {
        let report = try checkHTTPExchange(to: url, method: method, fields: fields, content: content, options: options, timeout: timeout)
        record(report, comment: message(), fileID: fileID(from: path), filePath: path, line: Int(line), column: 1,
               xcTestFile: file, xcTestLine: line)
        return report
    } catch {
        deliver(ConformanceFailure(message: "no HTTP exchange: \(error.description)", isWarning: false,
                                   fileID: fileID(from: path), filePath: path, line: Int(line), column: 1, response: []),
                xcTestFile: file, xcTestLine: line)
        return nil
    }
}

/// Probes a live server's resource at `url` as `httplint probe` does and fails the current
/// test, at the caller's line, once for every exchange that breaks the HTTP specifications.
///
/// ```swift
/// func testServerConforms() {
///     XCTAssertConformingServer(at: "http://127.0.0.1:\(port)/")
/// }
/// ```
@discardableResult
public func XCTAssertConformingServer(
    at url: String, options: ConformanceOptions = .init(), robustness: Bool = false, timeout: Double = 3,
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) -> [ConformanceReport] {
    let path = String(describing: file)
    do {
        let reports = try checkHTTPServer(at: url, options: options, robustness: robustness, timeout: timeout)
        for report in reports {
            record(report, comment: message(), fileID: fileID(from: path), filePath: path, line: Int(line), column: 1,
                   xcTestFile: file, xcTestLine: line)
        }
        return reports
    } catch {
        deliver(ConformanceFailure(message: "no HTTP exchange: \(error.description)", isWarning: false,
                                   fileID: fileID(from: path), filePath: path, line: Int(line), column: 1, response: []),
                xcTestFile: file, xcTestLine: line)
        return []
    }
}
#endif
