import HTTPLintCore
@testable import HTTPLintRules
import Testing

/// What the examples of the rules comparing exchanges cannot say: which exchange and which
/// request bytes a finding names, and the readings of Range and Accept-Encoding behind them.
@Suite struct ExchangeRulesTests {
    /// The findings of the set rule `rule` on `responses` answering the pipelined `requests`
    /// (each `\n` made CRLF), and the parsed requests.
    func run<R: ExchangeSetRule>(_ rule: R.Type, _ responses: String, requests: String) -> ([Finding], [Request]) {
        let parsed = RequestParser.parse(SourceText(name: "q", bytes: ProbeExamples.crlf(requests)))
        let exchanges = ResponseParser.parse(SourceText(name: "r", bytes: ProbeExamples.crlf(responses)), requests: parsed)
        var reporter = FindingReporter(rule: R.description, exchangeIndex: 0)
        R().check(exchanges: exchanges, &reporter)
        return (reporter.findings, parsed)
    }

    @Test func headFindingNamesTheHeadExchangeAndItsMethod() {
        let (found, requests) = run(HeadDiffersFromGet.self,
                                    "HTTP/1.1 404 Not Found\nContent-Length: 0\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\nHTTP/1.1 200 OK\nContent-Length: 4\n\n",
                                    requests: "GET /x HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\n\nHEAD /x HTTP/1.1\nHost: a.example\n\n")
        #expect(found.count == 1)
        #expect(found.first?.exchange == 2)
        #expect(found.first?.requestSpan == requests[2].methodSpan)
        #expect(found.first?.message == "HEAD (exchange 3) answers 200 OK where GET (exchange 1) answered 404 Not Found")
    }

    @Test func hostsSeparateTargets() {
        let (found, _) = run(HeadDiffersFromGet.self,
                             "HTTP/1.1 200 OK\nContent-Length: 0\n\nHTTP/1.1 404 Not Found\nContent-Length: 0\n\n",
                             requests: "GET / HTTP/1.1\nHost: a.example\n\nHEAD / HTTP/1.1\nHost: b.example\n\n")
        #expect(found.isEmpty)
    }

    @Test func malformedRequestsAreNotCompared() {
        // A HEAD with whitespace before a colon may rightly be refused.
        let (found, _) = run(HeadDiffersFromGet.self,
                             "HTTP/1.1 200 OK\nContent-Length: 0\n\nHTTP/1.1 400 Bad Request\nContent-Length: 0\n\n",
                             requests: "GET / HTTP/1.1\nHost: a.example\n\nHEAD / HTTP/1.1\nHost : a.example\n\n")
        #expect(found.isEmpty)
    }

    @Test func conditionalFindingPointsAtThePrecondition() {
        let (found, requests) = run(ConditionalRequestIgnored.self,
                                    "HTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nContent-Length: 4\n\nhi\n",
                                    requests: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\nIf-None-Match: \"v0\", \"v1\"\n\n")
        #expect(found.first?.exchange == 1)
        #expect(found.first?.requestSpan == requests[1].fields.first(named: "If-None-Match")?.lineSpan)
    }

    @Test(arguments: [
        ("bytes=0-4", 10, true), ("bytes=9-", 10, true), ("bytes=-3", 10, true), ("bytes=-0", 10, false),
        ("bytes=10-", 10, false), ("bytes=4-2", 10, false), ("bytes=0-1,4-5", 10, false), ("items=0-4", 10, false),
        ("bytes=x-4", 10, false), ("Bytes=0-99", 10, true),
    ])
    func singleSatisfiableRange(_ value: String, _ length: Int, _ satisfiable: Bool) {
        #expect(RangeRequestIgnored.isSatisfiable(value, length: length) == satisfiable)
    }

    @Test(arguments: [
        ("gzip", true), ("deflate, gzip;q=0.5", true), ("gzip;q=0", false), ("x-gzip", true), ("br", false),
    ])
    func asksForGzip(_ acceptEncoding: String, _ asks: Bool) {
        let requests = RequestParser.parse(SourceText(name: "q", bytes: ProbeExamples.crlf(
            "GET / HTTP/1.1\nHost: a.example\nAccept-Encoding: \(acceptEncoding)\n\n")))
        let exchange = ResponseParser.parse(SourceText(name: "r", bytes: ProbeExamples.crlf("HTTP/1.1 200 OK\nContent-Length: 0\n\n")),
                                            requests: requests)[0]
        #expect(ProbeExchange(exchange)?.asksForGzip == asks)
        #expect(ProbeExchange(exchange)?.asksForIdentity == false)
    }
}
