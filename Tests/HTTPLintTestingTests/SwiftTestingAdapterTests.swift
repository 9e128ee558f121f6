import Foundation
import HTTPLint
import HTTPLintTesting
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The Swift Testing expectation, both ways: conforming responses pass, violations are
/// recorded at the caller's line with the expected message.
@Suite struct SwiftTestingAdapterTests {
    static let good = "HTTP/1.1 204 No Content\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\n\r\n"
    static let noAllow = "HTTP/1.1 405 Method Not Allowed\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n"

    /// What an issue says: its comments, and the failing report it carries as its error.
    func comments(_ issue: Issue) -> String {
        (issue.comments.map(\.rawValue) + [issue.error.map { "\($0)" } ?? ""]).joined(separator: "\n")
    }

    @Test func conformingResponsePasses() {
        let report = expectConformingHTTPResponse(Self.good)
        #expect(report?.isClean == true)
        #expect(report?.findings.isEmpty == true)
    }

    @Test func violationIsRecordedAtTheCallersLine() {
        let line = #line + 2
        withKnownIssue {
            expectConformingHTTPResponse(Self.noAllow)
        } matching: { issue in
            issue.sourceLocation?.line == line && issue.sourceLocation?.fileName == "SwiftTestingAdapterTests.swift"
                && comments(issue).contains("method-not-allowed-without-allow (error): 405 Method Not Allowed response has no Allow field")
                && comments(issue).contains("line 1: HTTP/1.1 405 Method Not Allowed")
                && comments(issue).contains("RFC 9110 §15.5.6")
                && comments(issue).contains("To silence: pass ignoring: [\"method-not-allowed-without-allow\"]")
        }
    }

    @Test func xcTestAssertionInsideSwiftTestingIsRoutedHere() {
        let line = #line + 2
        withKnownIssue {
            XCTAssertConformingHTTPResponse(Self.noAllow)
        } matching: { issue in
            issue.sourceLocation?.line == line && comments(issue).contains("method-not-allowed-without-allow")
        }
    }

    @Test func warningsBelowTheThresholdAreWarningsThatDoNotFail() {
        let captured = Captured()
        ConformanceFailureHook.$capture.withValue({ captured.add($0) }) {
            expectConformingHTTPResponse("HTTP/1.1 200 Not Found\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n")
        }
        let failures = captured.all
        #expect(failures.count == 1)
        #expect(failures.first?.isWarning == true)
        #expect(failures.first?.message.contains("reason-phrase-of-another-code (warning)") == true)
        // The same response fails when warnings fail.
        let strict = checkHTTPResponse("HTTP/1.1 200 Not Found\r\nContent-Length: 0\r\n\r\n", options: .init(failingAt: .warning))
        #expect(!strict.isClean)
    }

    @Test func expectedRulesMustFireAndDoNotFail() {
        let options = ConformanceOptions(expecting: ["method-not-allowed-without-allow"])
        #expect(expectConformingHTTPResponse(Self.noAllow, options: options)?.isClean == true)
        let line = #line + 2
        withKnownIssue {
            expectConformingHTTPResponse(Self.good, options: options)
        } matching: { issue in
            issue.sourceLocation?.line == line && comments(issue).contains("expected rule method-not-allowed-without-allow did not fire")
        }
    }

    @Test func ignoredRulesAndProfiles() {
        #expect(checkHTTPResponse(LintableResponse(Self.noAllow), options: .init(ignoring: ["method-not-allowed-without-allow"])).isClean)
        let portal = "HTTP/1.1 511 Network Authentication Required\r\nContent-Length: 0\r\n\r\n"
        #expect(!checkHTTPResponse(LintableResponse(portal)).rules.contains("network-authentication-required-from-origin"))
        #expect(checkHTTPResponse(LintableResponse(portal), options: .init(profile: .all)).rules.contains("network-authentication-required-from-origin"))
    }

    @Test func requestContextDecidesHEADFraming() {
        let head = "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"
        #expect(!checkHTTPResponse(LintableResponse(head)).isClean)
        #expect(checkHTTPResponse(LintableResponse(head), options: .init(request: RequestContext(method: "HEAD"))).isClean)
        let interim = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"
        let report = checkHTTPResponse(LintableResponse(interim), options: .init(request: RequestContext(method: "POST", version: .http10, fields: [])))
        #expect(report.failures.map(\.rule) == ["interim-response-to-http10-client"])
    }

    /// Fields given to a request context come after its Host, not instead of it: a request
    /// with a precondition is still a valid HTTP/1.1 request.
    @Test func requestContextKeepsHostWithOtherFields() {
        let ok = "HTTP/1.1 200 OK\r\nDate: Sat, 05 Dec 2026 10:00:00 GMT\r\nETag: \"v1\"\r\nContent-Length: 0\r\n\r\n"
        let context = RequestContext(method: .get, fields: [("If-None-Match", "\"v1\"")])
        #expect(String(decoding: context.bytes, as: UTF8.self) == "GET / HTTP/1.1\r\nHost: example.com\r\nIf-None-Match: \"v1\"\r\n\r\n")
        let report = checkHTTPResponse(LintableResponse(ok), options: .init(request: context))
        #expect(report.failures.map(\.rule) == ["precondition-evaluated-wrongly"])
        #expect(report.failureMessage?.contains("request line 3: If-None-Match: \"v1\"") == true)
        // A Host of the caller's own replaces the default; host: nil sends none.
        #expect(!String(decoding: RequestContext(fields: [("host", "a.example")]).bytes, as: UTF8.self).contains("example.com"))
        let noHost = checkHTTPResponse(LintableResponse(ok), options: .init(request: RequestContext(host: nil)))
        #expect(noHost.failures.map(\.rule) == ["success-for-invalid-request"])
    }

    /// Methods are case-sensitive: "head" is not HEAD, and the report says so without failing.
    @Test func requestContextWarnsOnAMiscasedMethod() {
        let head = "HTTP/1.1 200 OK\r\nDate: Sat, 05 Dec 2026 10:00:00 GMT\r\nContent-Length: 1234\r\n\r\n"
        #expect(checkHTTPResponse(LintableResponse(head), options: .init(request: RequestContext(method: .head))).isClean)
        let miscased = checkHTTPResponse(LintableResponse(head), options: .init(request: RequestContext(method: "head")))
        #expect(!miscased.isClean)
        #expect(miscased.cautions.count == 1)
        #expect(miscased.warningMessage?.contains("'head' is not HEAD") == true)
        #expect(checkHTTPResponse(LintableResponse(head), options: .init(request: RequestContext(method: .head))).cautions.isEmpty)
    }

    @Test func responseBuiltFromParts() {
        let response = LintableResponse(status: 405, fields: [("Content-Type", "text/plain"), ("Content-Length", "2")], body: Array("no".utf8))
        let report = checkHTTPResponse(response)
        #expect(report.failures.map(\.rule) == ["method-not-allowed-without-allow"])
        #expect(String(decoding: report.response, as: UTF8.self).hasPrefix("HTTP/1.1 405 Method Not Allowed\r\nContent-Type: text/plain\r\n"))
    }

    @Test func bytesAndDataInputs() {
        #expect(expectConformingHTTPResponse(Array(Self.good.utf8))?.isClean == true)
        #expect(expectConformingHTTPResponse(Data(Self.good.utf8))?.isClean == true)
    }

    /// URLSession users have the decoded body: the JSON check runs on it, and the coding
    /// fields that describe the bytes as sent are left out.
    @Test func foundationResponseHasItsDecodedJSONChecked() throws {
        let url = try #require(URL(string: "https://example.com/api"))
        let fields = ["Content-Encoding": "gzip", "Content-Type": "application/json", "Date": "Sat, 21 Nov 2026 10:00:00 GMT"]
        let response = try #require(HTTPURLResponse(url: url, statusCode: 200, httpVersion: "HTTP/1.1", headerFields: fields))
        #expect(checkHTTPResponse(LintableResponse(response, body: Data("<html>oops</html>".utf8))).rules == ["invalid-json-content"])
        #expect(checkHTTPResponse(LintableResponse(response, body: Data("{\"id\": 1}".utf8))).rules == [])
    }

    @Test func interpolatedResponseTextIsLinted() {
        let body = "hello"
        let report = checkHTTPResponse("HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        #expect(report.isClean && report.findings.isEmpty)
    }

    @Test func unknownRuleIdsFailLoudly() {
        let report = checkHTTPResponse(LintableResponse(Self.good), options: .init(ignoring: ["method-not-alowed-without-allow"]))
        #expect(!report.isClean)
        #expect(report.unknownRules == ["method-not-alowed-without-allow"])
        #expect(report.failureMessage?.contains("unknown rule id method-not-alowed-without-allow") == true)
    }

    /// An error cannot be silenced by raising failingAt, so the advice does not offer it.
    @Test func adviceMatchesWhatTheOptionsDo() {
        let error = checkHTTPResponse(LintableResponse(Self.noAllow)).failureMessage ?? ""
        #expect(error.contains("To silence: pass ignoring: [\"method-not-allowed-without-allow\"]."))
        let warning = checkHTTPResponse("HTTP/1.1 200 Not Found\r\nDate: Sat, 21 Nov 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n",
                                        options: .init(failingAt: .warning)).failureMessage ?? ""
        #expect(warning.contains("or set failingAt: .error."))
    }

    @Test func theIssueStartsWithTheMessage() {
        withKnownIssue {
            expectConformingHTTPResponse(LintableResponse(Self.noAllow))
        } matching: { issue in
            (issue.error.map { "\($0)" } ?? "").hasPrefix("HTTP response does not conform: 1 finding at or above 'error':")
        }
    }

    @Test func foundationResponseIsLintedWithoutFramingRules() throws {
        let url = try #require(URL(string: "https://example.com/login"))
        let response = try #require(HTTPURLResponse(url: url, statusCode: 401, httpVersion: "HTTP/1.1",
                                                    headerFields: ["Content-Length": "999", "Content-Type": "text/plain",
                                                                  "Date": "Sat, 21 Nov 2026 10:00:00 GMT"]))
        let report = checkHTTPResponse(LintableResponse(response, body: Data("decoded".utf8)))
        // Content-Length describes the encoded body, so truncation is not judged; the status rule is.
        #expect(report.rules == ["unauthorized-without-www-authenticate"])
    }

    @Test func foundationResponseIsLintedWithoutContentRules() throws {
        let url = try #require(URL(string: "https://example.com/data"))
        // URLSession hands over the body decoded but keeps Content-Encoding.
        let fields = ["Content-Length": "7", "Content-Encoding": "gzip", "Content-Type": "text/plain; charset=utf-8",
                      "Date": "Sat, 21 Nov 2026 10:00:00 GMT"]
        let response = try #require(HTTPURLResponse(url: url, statusCode: 200, httpVersion: "HTTP/1.1", headerFields: fields))
        #expect(checkHTTPResponse(LintableResponse(response, body: Data("decoded".utf8))).rules == [])
        // The same bytes given raw are judged: plain text labelled gzip.
        let raw = LintableResponse(status: 200, fields: fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, body: Array("decoded".utf8))
        #expect(checkHTTPResponse(raw).rules == ["undecodable-content"])
    }

    @Test func reportDescribesItselfOnOneLineForExpect() {
        let report = checkHTTPResponse(LintableResponse(Self.noAllow))
        #expect(report.testDescription == "[method-not-allowed-without-allow] 405 Method Not Allowed response has no Allow field listing the supported methods")
        #expect(!report.testDescription.contains("\n"))
        #expect(checkHTTPResponse(LintableResponse(Self.good)).testDescription == "conforms")
    }

    @Test func throwingProducerBecomesAFailure() {
        struct Broken: Error {}
        func produce() throws -> String { throw Broken() }
        // Outside the closure: a `try` inside it would make the closure throwing.
        func check() { expectConformingHTTPResponse(try produce()) }
        withKnownIssue {
            check()
        } matching: { issue in
            comments(issue).contains("the response could not be produced")
        }
    }
}

/// Collects captured failures across the hook's closure.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [ConformanceFailure] = []
    func add(_ failure: ConformanceFailure) { lock.lock(); items.append(failure); lock.unlock() }
    var all: [ConformanceFailure] { lock.lock(); defer { lock.unlock() }; return items }
}
