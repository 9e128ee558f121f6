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
#endif
