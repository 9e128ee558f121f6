import HTTPLintCore
@testable import HTTPLintRules
import Testing

/// What the examples of the request-duty rules cannot say: where in the request a finding
/// points, that the parser's limits reach the rules, and that the two rejection rules share
/// one list of reasons.
@Suite struct RequestDutyTests {
    /// Findings of `rule` on `response` answering `request` (both written with `\n` for CRLF).
    func findings<R: Rule>(of rule: R.Type, _ response: String, request: String,
                           limits: ParserLimits = .default) -> (findings: [Finding], request: Request) {
        let requests = RequestParser.parse(SourceText(name: "request", text: crlf(request)), limits: limits)
        let exchange = ResponseParser.parse(SourceText(name: "response", text: crlf(response)), requests: requests)[0]
        var reporter = FindingReporter(rule: R.description, exchangeIndex: exchange.index)
        R().check(exchange, &reporter)
        return (reporter.findings, requests[0])
    }

    func crlf(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }

    func text(_ span: ByteSpan?, in request: Request) -> String? {
        span.map { request.source.string($0) }
    }

    @Test func rejectionFindingsPointAtTheRequestBytesAtFault() {
        let (found, request) = findings(of: SuccessForInvalidRequest.self, "HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                                        request: "GET / HTTP/1.1\nHost: a.example\nHost: b.example\n\n")
        #expect(found.count == 1)
        #expect(text(found.first?.requestSpan, in: request) == "Host: b.example")
        #expect(found.first?.message.contains("2 Host field lines") == true)

        let (refused, request2) = findings(of: InvalidRequestNot400.self, "HTTP/1.1 404 Not Found\nContent-Length: 0\n\n",
                                           request: "POST / HTTP/1.1\nHost: a.example\nContent-Length: 1x\n\nhello")
        #expect(refused.first?.message.contains("'1x'") == true)
        #expect(text(refused.first?.requestSpan, in: request2)?.contains("1x") == true)
    }

    /// For each request a server must reject, a 2xx is reported by one rule, another 4xx by the
    /// other, and the status the RFC names by neither.
    @Test(arguments: [
        ("GET / HTTP/1.1\n\n", 400),
        ("GET / HTTP/1.1\nHost: a.example\nHost: b.example\n\n", 400),
        ("GET / HTTP/1.1\nHost: a b\n\n", 400),
        ("GET / HTTP/1.1\nHost: a.example\nX-Id : 1\n\n", 400),
        ("POST / HTTP/1.1\nHost: a.example\nContent-Length: 5, 6\n\nhello", 400),
        ("POST / HTTP/1.1\nHost: a.example\nTransfer-Encoding: gzip\n\nhello", 400),
    ])
    func bothRejectionRulesReadOneList(request: String, due: Int) {
        let ok = "HTTP/1.1 200 OK\nContent-Length: 0\n\n"
        let notFound = "HTTP/1.1 404 Not Found\nContent-Length: 0\n\n"
        let right = "HTTP/1.1 \(due) Refused\nContent-Length: 0\n\n"
        #expect(findings(of: SuccessForInvalidRequest.self, ok, request: request).findings.count == 1)
        #expect(findings(of: InvalidRequestNot400.self, ok, request: request).findings.isEmpty)
        #expect(findings(of: InvalidRequestNot400.self, notFound, request: request).findings.count == 1)
        #expect(findings(of: SuccessForInvalidRequest.self, notFound, request: request).findings.isEmpty)
        #expect(findings(of: SuccessForInvalidRequest.self, right, request: request).findings.isEmpty)
        #expect(findings(of: InvalidRequestNot400.self, right, request: request).findings.isEmpty)
    }

    /// An unregistered transfer coding before chunked is a SHOULD (501): accepting it is
    /// reported, another refusal is not.
    @Test func unknownTransferCodingIsASuggestion() {
        let request = "POST / HTTP/1.1\nHost: a.example\nTransfer-Encoding: br, chunked\n\n0\n\n"
        let ok = findings(of: SuccessForInvalidRequest.self, "HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: request).findings
        #expect(ok.first?.message.contains("should answer 501") == true)
        #expect(findings(of: InvalidRequestNot400.self, "HTTP/1.1 404 Not Found\nContent-Length: 0\n\n", request: request).findings.isEmpty)
    }

    @Test func longTargetFollowsTheParserLimit() {
        let request = "GET /" + String(repeating: "a", count: 200) + " HTTP/1.1\nHost: a.example\n\n"
        let response = "HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n"
        #expect(findings(of: LongTargetNotURITooLong.self, response, request: request).findings.isEmpty)
        var limits = ParserLimits.default
        limits.maxTargetLength = 100
        let (found, parsed) = findings(of: LongTargetNotURITooLong.self, response, request: request, limits: limits)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("201 bytes") == true)
        #expect(found.first?.requestSpan?.offset == parsed.targetSpan.offset)
    }

    @Test func invalidRequestLinePointsAtTheTarget() {
        let (found, request) = findings(of: InvalidRequestLineAccepted.self, "HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                                        request: "GET /a b HTTP/1.1\nHost: a.example\n\n")
        #expect(text(found.first?.requestSpan, in: request) == "/a b")
    }

    /// A response that is not HTTP at all is something, not silence: the rule needs an empty one.
    @Test func expectContinueNeedsAnEmptyResponse() {
        let request = "PUT /f HTTP/1.1\nHost: a.example\nExpect: 100-continue\nContent-Length: 5\n\n"
        #expect(findings(of: ExpectContinueUnanswered.self, "", request: request).findings.count == 1)
        #expect(findings(of: ExpectContinueUnanswered.self, "\n\n", request: request).findings.count == 1)
        #expect(findings(of: ExpectContinueUnanswered.self, "busy\n", request: request).findings.isEmpty)
        #expect(findings(of: ExpectContinueUnanswered.self, "HTTP/1.1 417 Expectation Failed\nContent-Length: 0\n\n",
                         request: request).findings.isEmpty)
    }
}
