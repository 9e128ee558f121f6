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

/// `#expect(report.isClean)` prints the failing findings on one line.
extension ConformanceReport: CustomTestStringConvertible {
    public var testDescription: String { summary }
}
#endif
