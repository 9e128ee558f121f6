#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(Testing)
import Testing
#endif
#if canImport(XCTest)
import XCTest
#endif

/// A failure or warning that an assertion reports, with the caller's location.
public struct ConformanceFailure: Sendable {
    public let message: String
    /// Whether it is a warning that does not fail the test.
    public let isWarning: Bool
    public let fileID: String
    public let filePath: String
    public let line: Int
    public let column: Int
    /// The response's bytes, attached to the issue where the framework allows it.
    public let response: [UInt8]
}

/// Where the assertions send what they report.
///
/// By default a failure goes to the framework that runs the current test: Swift Testing when
/// `Test.current` is set, XCTest otherwise (each framework silently drops the other's failures
/// on Linux). To test a helper built on these assertions, capture instead:
///
/// ```swift
/// var captured: [ConformanceFailure] = []
/// ConformanceFailureHook.$capture.withValue({ captured.append($0) }) {
///     XCTAssertConformingHTTPResponse("HTTP/1.1 405 Method Not Allowed\r\n\r\n")
/// }
/// ```
public enum ConformanceFailureHook {
    /// When set, receives every failure and warning in place of the test framework.
    @TaskLocal public static var capture: (@Sendable (ConformanceFailure) -> Void)?
}

/// Sends the report's failure and warning messages to the running framework.
func record(_ report: ConformanceReport, comment: String, fileID: String, filePath: String, line: Int, column: Int,
            xcTestFile: StaticString?, xcTestLine: UInt?) {
    for (message, isWarning) in [(report.failureMessage, false), (report.warningMessage, true)] {
        guard let message else { continue }
        let text = comment.isEmpty ? message : comment + "\n" + message
        let failure = ConformanceFailure(message: text, isWarning: isWarning, fileID: fileID, filePath: filePath,
                                         line: line, column: column, response: report.response)
        deliver(failure, xcTestFile: xcTestFile, xcTestLine: xcTestLine)
    }
}

func deliver(_ failure: ConformanceFailure, xcTestFile: StaticString?, xcTestLine: UInt?) {
    if let capture = ConformanceFailureHook.capture {
        capture(failure)
        return
    }
    #if canImport(Testing)
    if Test.current != nil {
        let location = SourceLocation(fileID: failure.fileID, filePath: failure.filePath, line: failure.line, column: failure.column)
        #if compiler(>=6.3)
        if failure.isWarning {
            Issue.record(Comment(rawValue: failure.message), severity: .warning, sourceLocation: location)
        } else {
            // Recorded as an error, so that the issue's first line is the message itself
            // (a comment would follow a first line of "Issue recorded").
            Issue.record(NonConformance(description: failure.message), sourceLocation: location)
        }
        #else
        if failure.isWarning { return }
        Issue.record(Comment(rawValue: failure.message), sourceLocation: location)
        #endif
        #if compiler(>=6.2)
        if !failure.isWarning {
            Attachment.record(failure.response, named: "response.http", sourceLocation: location)
        }
        #endif
        return
    }
    #endif
    #if canImport(XCTest)
    // XCTest has no warning issues; warnings are not reported there.
    guard !failure.isWarning else { return }
    if let xcTestFile, let xcTestLine {
        XCTFail(failure.message, file: xcTestFile, line: xcTestLine)
    } else {
        XCTFail("\(failure.filePath):\(failure.line): \(failure.message)")
    }
    #else
    var text = "\(failure.filePath):\(failure.line): \(failure.isWarning ? "warning" : "error"): \(failure.message)\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    #endif
}

/// A failing report as the error a Swift Testing issue shows first.
struct NonConformance: Error, CustomStringConvertible {
    let description: String
}

/// `Tests/Foo.swift` → `Foo/Foo.swift`-like file id for a `#filePath` given to XCTest.
func fileID(from path: String) -> String {
    let parts = path.split(separator: "/")
    return parts.suffix(2).joined(separator: "/")
}
