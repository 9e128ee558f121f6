import HTTPLintCore
@testable import HTTPLintRules
import Testing

/// The evaluation of RFC 9110 §13.2.2 that the precondition rules share: which steps apply,
/// in which order, and what each is when the response shows (or lacks) the validators.
@Suite struct PreconditionsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let request: String
        let response: String
        /// The applicable steps and their verdicts ("If-Match=false", "If-None-Match=?" for unknown).
        let expected: [String]
        var testDescription: String { "\(request.replacingOccurrences(of: "\n", with: " | ")) ⇢ \(expected)" }
    }

    static let cases: [Case] = [
        Case(request: "If-Match: \"a\"", response: "ETag: \"a\"", expected: ["If-Match=true"]),
        Case(request: "If-Match: W/\"a\"", response: "ETag: W/\"a\"", expected: ["If-Match=false"]),
        Case(request: "If-Match: \"a\"", response: "ETag: W/\"a\"", expected: ["If-Match=false"]),
        Case(request: "If-Match: \"a\"", response: "", expected: ["If-Match=false"]),
        Case(request: "If-Match: \"a\"", response: "ETag: nonsense", expected: ["If-Match=?"]),
        Case(request: "If-Match: *", response: "", expected: ["If-Match=true"]),
        Case(request: "If-Match: *, \"a\"", response: "ETag: \"a\"", expected: ["If-Match=?"]),
        // If-Unmodified-Since only without If-Match.
        Case(request: "If-Match: \"a\"\nIf-Unmodified-Since: Sun, 22 Nov 2026 09:00:00 GMT",
             response: "ETag: \"a\"\nLast-Modified: Sun, 22 Nov 2026 10:00:00 GMT", expected: ["If-Match=true"]),
        Case(request: "If-Unmodified-Since: Sun, 22 Nov 2026 09:00:00 GMT",
             response: "Last-Modified: Sun, 22 Nov 2026 10:00:00 GMT", expected: ["If-Unmodified-Since=false"]),
        Case(request: "If-Unmodified-Since: Sun, 22 Nov 2026 10:00:00 GMT",
             response: "Last-Modified: Sun, 22 Nov 2026 10:00:00 GMT", expected: ["If-Unmodified-Since=true"]),
        Case(request: "If-Unmodified-Since: Sun, 22 Nov 2026 10:00:00 GMT", response: "", expected: ["If-Unmodified-Since=?"]),
        Case(request: "If-Unmodified-Since: 22/11/2026", response: "Last-Modified: Sun, 22 Nov 2026 10:00:00 GMT", expected: []),
        Case(request: "If-None-Match: \"x\", W/\"a\"", response: "ETag: \"a\"", expected: ["If-None-Match=false"]),
        Case(request: "If-None-Match: \"x\"", response: "ETag: \"a\"", expected: ["If-None-Match=true"]),
        Case(request: "If-None-Match: \"x\"", response: "", expected: ["If-None-Match=?"]),
        Case(request: "If-None-Match: *", response: "", expected: ["If-None-Match=false"]),
        // If-Modified-Since only without If-None-Match, and on GET or HEAD.
        Case(request: "If-None-Match: \"x\"\nIf-Modified-Since: Sun, 22 Nov 2026 10:00:00 GMT",
             response: "ETag: \"a\"\nLast-Modified: Sun, 22 Nov 2026 10:00:00 GMT", expected: ["If-None-Match=true"]),
        Case(request: "If-Modified-Since: Sun, 22 Nov 2026 10:00:00 GMT",
             response: "Last-Modified: Sun, 22 Nov 2026 10:00:00 GMT", expected: ["If-Modified-Since=false"]),
        Case(request: "If-Modified-Since: Sun, 22 Nov 2026 09:59:59 GMT",
             response: "Last-Modified: Sun, 22 Nov 2026 10:00:00 GMT", expected: ["If-Modified-Since=true"]),
        Case(request: "If-Modified-Since: Sun, 22 Nov 2026 10:00:00 GMT\nIf-Modified-Since: Sun, 22 Nov 2026 10:00:00 GMT",
             response: "Last-Modified: Sun, 22 Nov 2026 10:00:00 GMT", expected: []),
        // Every step, in order.
        Case(request: "If-None-Match: \"b\"\nIf-Match: \"a\"", response: "ETag: \"a\"", expected: ["If-Match=true", "If-None-Match=true"]),
    ]

    @Test(arguments: cases)
    func evaluation(_ case: Case) throws {
        let requestText = "GET / HTTP/1.1\r\nHost: a.example\r\n\(`case`.request.replacingOccurrences(of: "\n", with: "\r\n"))\r\n\r\n"
        let responseHead = `case`.response.isEmpty ? "" : `case`.response.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        let request = try #require(RequestParser.parse(SourceText(name: "r", text: requestText)).first)
        let response = try #require(ResponseParser.parse(SourceText(name: "t", text: "HTTP/1.1 200 OK\r\n\(responseHead)Content-Length: 0\r\n\r\n")).first).response
        var validators = Preconditions.Validators(of: response)
        validators.absentETagMeansNone = true
        validators.representationExists = true
        let steps = Preconditions.steps(of: request, against: validators)
        #expect(steps.map { "\($0.kind.rawValue)=\($0.isTrue.map(String.init) ?? "?")" } == `case`.expected)
    }

    @Test func byteRangesResolveAgainstTheLength() throws {
        func range(_ value: String) throws -> RangeRequest? {
            let text = "GET / HTTP/1.1\r\nHost: a.example\r\nRange: \(value)\r\n\r\n"
            return RangeRequest(of: try #require(RequestParser.parse(SourceText(name: "r", text: text)).first))
        }
        let set = try #require(try range("bytes= 0-499, 9500-, -100, 500-99999999999999999999999"))
        #expect(set.count == 4)
        #expect(set.resolved(against: 10_000) == [0...499, 9500...9999, 9900...9999, 500...9999])
        #expect(set.resolved(against: 50) == [0...49, 0...49])
        #expect(try #require(try range("bytes=-0")).isSatisfiable(against: 10) == false)
        #expect(try #require(try range("bytes=-5")).isSatisfiable(against: 0) == true)
        #expect(try #require(try range("bytes=10-")).isSatisfiable(against: 10) == false)
        #expect(try range("bytes=5-4") == nil)
        #expect(try range("bytes=a-b") == nil)
        #expect(try range("bytes 0-4") == nil)
        #expect(try #require(try range("Pages=1,3-4")).count == 2)
    }
}
