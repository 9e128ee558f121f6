import HTTPLint
import HTTPLintTesting
import Testing
import XCTest

/// The XCTest assertion, both ways. Failures are caught by overriding `recordFailure`, which
/// XCTFail ends in, so the real XCTest path is checked (XCTExpectFailure is not on Linux).
final class XCTestAdapterTests: XCTestCase {
    private var recorded: [(description: String, file: String, line: Int)] = []
    private var capturing = false

    override func recordFailure(withDescription description: String, inFile filePath: String, atLine lineNumber: Int, expected: Bool) {
        if capturing {
            recorded.append((description, filePath, lineNumber))
        } else {
            super.recordFailure(withDescription: description, inFile: filePath, atLine: lineNumber, expected: expected)
        }
    }

    private func capture(_ body: () -> Void) -> [(description: String, file: String, line: Int)] {
        capturing = true
        recorded = []
        body()
        capturing = false
        return recorded
    }

    func testConformingResponsePasses() {
        let report = XCTAssertConformingHTTPResponse("HTTP/1.1 204 No Content\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\n\r\n")
        XCTAssertEqual(report?.isClean, true)
    }

    func testViolationFailsAtTheCallersLineWithTheMessage() {
        let line = #line + 2
        let failures = capture {
            XCTAssertConformingHTTPResponse("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n", "login endpoint")
        }
        XCTAssertEqual(failures.count, 1)
        XCTAssertEqual(failures.first?.line, line)
        XCTAssertEqual(failures.first?.file, #filePath)
        let message = failures.first?.description ?? ""
        XCTAssertTrue(message.contains("login endpoint"), message)
        XCTAssertTrue(message.contains("unauthorized-without-www-authenticate (error): 401 Unauthorized response has no WWW-Authenticate field"), message)
        XCTAssertTrue(message.contains("RFC 9110 §15.5.2"), message)
        XCTAssertTrue(message.contains("To silence: pass ignoring:"), message)
    }

    func testWarningsDoNotFailInXCTest() {
        let failures = capture {
            XCTAssertConformingHTTPResponse("HTTP/1.1 200 Not Found\r\nContent-Length: 0\r\n\r\n")
        }
        XCTAssertTrue(failures.isEmpty)
    }

    func testSwiftTestingExpectationInsideXCTestIsRoutedToXCTest() {
        let failures = capture {
            expectConformingHTTPResponse("HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n")
        }
        XCTAssertEqual(failures.count, 1)
        XCTAssertTrue(failures.first?.description.contains("redirect-without-location") == true)
        XCTAssertTrue(failures.first?.description.contains("XCTestAdapterTests.swift:") == true,
                      "the caller's file and line are named in the message")
    }

    func testBytesDataAndParts() {
        XCTAssertConformingHTTPResponse(Array("HTTP/1.1 204 No Content\r\n\r\n".utf8))
        XCTAssertConformingHTTPResponse(Data("HTTP/1.1 204 No Content\r\n\r\n".utf8))
        XCTAssertConformingHTTPResponse(LintableResponse(status: 201, fields: [("Location", "/orders/7"), ("Content-Length", "0")]))
    }
}
