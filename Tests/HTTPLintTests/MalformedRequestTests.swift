import Foundation
import HTTPLint
import Testing

/// No request, however malformed, stops its response from being linted: every sample response
/// is linted with each kind of malformed request, and the findings of the rules that judge the
/// response alone stay exactly what they are without a request.
@Suite struct MalformedRequestTests {
    /// One request of each kind the request parser records (GET or an unreadable method, so
    /// that the response is framed as without a request).
    static let malformed: KeyValuePairs<String, String> = [
        "tls-client-hello": "\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}\u{00}\u{01}\u{fc}\u{03}\u{03}\u{0}\u{1}",
        "binary": "\u{0}\u{0}\u{0}\u{1}\u{ff}\u{fe}",
        "empty": "",
        "a-response": "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
        "http09": "GET /x\r\n",
        "invalid-method": "G(T / HTTP/1.1\r\nHost: a\r\n\r\n",
        "lowercase": "get / http/1.1\r\nHost: a\r\n\r\n",
        "two-spaces": "GET  / HTTP/1.1\r\nHost: a\r\n\r\n",
        "tab": "GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n",
        "http12": "GET / HTTP/1.2\r\nHost: a\r\n\r\n",
        "http20": "GET / HTTP/2.0\r\nHost: a\r\n\r\n",
        "no-host": "GET / HTTP/1.1\r\n\r\n",
        "two-hosts": "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        "invalid-host": "GET / HTTP/1.1\r\nHost: a b\r\n\r\n",
        "host-mismatch": "GET http://b.example/ HTTP/1.1\r\nHost: a.example\r\n\r\n",
        "whitespace-before-colon": "GET / HTTP/1.1\r\nHost : a\r\n\r\n",
        "no-colon": "GET / HTTP/1.1\r\nHost: a\r\nX-A 1\r\n\r\n",
        "obs-fold": "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n 2\r\n\r\n",
        "bare-lf": "GET / HTTP/1.1\nHost: a\n\n",
        "bare-cr": "GET / HTTP/1.1\rHost: a\r\n\r\n",
        "nul-in-value": "GET / HTTP/1.1\r\nHost: a\r\nX-A: \u{0}\r\n\r\n",
        "invalid-content-length": "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\nhello",
        "conflicting-content-length": "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nhi",
        "te-not-chunked-last": "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\nhello",
        "te-and-cl": "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
        "truncated-head": "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1",
        "unknown-method": "BREW / HTTP/1.1\r\nHost: a\r\n\r\n",
        "long-target": longTarget,
    ]

    static let longTarget = "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: a\r\n\r\n"

    /// The rules that judge the response alone.
    static let responseRules = Set(RuleCatalogue.rules.map { $0.description }.filter { !$0.needsRequest }.map { $0.id })

    struct Place: Hashable, CustomStringConvertible {
        let rule: String
        let offset: Int
        let length: Int
        var description: String { "\(rule)@\(offset)+\(length)" }
    }

    static func responseFindings(_ result: LintResult) -> [Place] {
        result.findings.filter { responseRules.contains($0.rule) }.map { Place(rule: $0.rule, offset: $0.span.offset, length: $0.span.length) }
    }

    static let samples: [String] = (try? SamplesTests.sampleNames()) ?? []

    @Test func samplesAreFound() { #expect(Self.samples.count >= 12) }

    @Test(arguments: samples)
    func responseFindingsDoNotDependOnTheRequest(_ name: String) throws {
        let bytes = try PackageFiles.bytes("Samples/\(name).http")
        let problems = Self.problems(SourceText(name: "Samples/\(name).http", bytes: bytes))
        #expect(problems.isEmpty, "\(name): \(problems)")
    }

    /// What differs from the expectation when `source` is linted with each malformed request.
    static func problems(_ source: SourceText) -> [String] {
        let alone = responseFindings(Linter().lint(source))
        var problems: [String] = []
        for (kind, text) in malformed {
            let requests = RequestParser.parse(SourceText(name: "\(kind).req", text: text))
            let result = Linter().lint(source, requests: requests)
            if result.exchanges.isEmpty { problems.append("\(kind): no exchange") }
            var found = responseFindings(result)
            // An answer that is no HTTP response, to a request the server could not read as
            // HTTP/1.x, is the HTTP/0.9 form: judged with the request, no longer as input
            // that is not HTTP.
            if requests.first.map({ !$0.hasRequestLine || $0.version?.major != 1 }) == true,
               result.exchanges.first?.deviations.contains(where: { $0.kind == .http09Response }) == true {
                found += alone.filter { $0.rule == "not-an-http-response" }
            }
            if found != alone { problems.append("\(kind): \(found) instead of \(alone)") }
            // The request's trouble is reported once per deviation, pointing into the request.
            let reported = result.findings.filter { $0.rule == "request-deviation" }
            let deviations = requests.prefix(result.exchanges.count).flatMap(\.deviations).count
            if reported.count != deviations { problems.append("\(kind): \(reported.count) request findings for \(deviations) deviations") }
            if reported.contains(where: { $0.requestSpan == nil }) { problems.append("\(kind): a request finding without its place") }
        }
        return problems
    }
}
