import HTTPLint
import Testing

/// Rules that compare the exchanges of one input run once per input, through the linter, and
/// name the exchange each finding is about.
@Suite struct ExchangeSetRuleTests {
    @Test func setRulesSeeEveryExchangeOfTheInput() {
        let responses = "HTTP/1.1 200 OK\r\nDate: Sat, 05 Dec 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n"
            + "HTTP/1.1 204 No Content\r\nDate: Sat, 05 Dec 2026 10:00:00 GMT\r\n\r\n"
            + "HTTP/1.0 404 Not Found\r\nDate: Sat, 05 Dec 2026 10:00:00 GMT\r\nContent-Length: 0\r\n\r\n"
        let requests = RequestParser.parse(SourceText(name: "r.req", text: String(repeating: "GET / HTTP/1.1\r\nHost: a\r\n\r\n", count: 3)))
        let result = Linter().lint(SourceText(name: "r.http", text: responses), requests: requests)
        let found = result.findings.filter { $0.rule == "http10-response-from-http11-server" }
        #expect(found.map(\.exchange) == [2])
        #expect(found.first?.status == 404)
        // Only the exchanges of one input are compared: alone, the 404 is not judged.
        let alone = Linter().lint(SourceText(name: "r.http", text: "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n"),
                                  requests: [requests[0]])
        #expect(!alone.findings.contains { $0.rule == "http10-response-from-http11-server" })
        // Ignored like any rule.
        let ignored = Linter(configuration: .init(ignoredRules: ["http10-response-from-http11-server"]))
        #expect(!ignored.lint(SourceText(name: "r.http", text: responses), requests: requests).findings.contains { $0.rule == "http10-response-from-http11-server" })
    }
}
