import Foundation
import HTTPLint
import Testing

/// Eight real servers answered the same 67 requests (Samples/servers/, with how they were
/// recorded); `expected.tsv` says, exchange by exchange, which duties each server broke, as
/// judged by reading the RFCs before httplint was run on them. The linter must find those
/// defects and report no error or warning the reading did not.
@Suite struct ServerCorpusTests {
    struct Key: Hashable, Comparable, CustomStringConvertible {
        let server: String
        let testCase: String
        let exchange: Int
        var description: String { "\(server)/\(testCase)#\(exchange)" }
        static func < (a: Key, b: Key) -> Bool { (a.server, a.testCase, a.exchange) < (b.server, b.testCase, b.exchange) }
    }

    /// Expected defects httplint does not report, each for a reason stated here.
    static let knownMisses: [String: String] = [
        // The answer is content only, the HTTP/0.9 form, to an HTTP/0.9 request line: legacy
        // support a server may keep (RFC 9112 Appendix C.1); the reading asked for 400.
        "apache2/http09#1 invalid-request-line-accepted": "HTTP/0.9 answered as HTTP/0.9",
        "nginx/http09#1 invalid-request-line-accepted": "HTTP/0.9 answered as HTTP/0.9",
        // The 200 that carried Vary is another file: a 304 alone cannot show what its 200
        // had (a probe, or a file holding both exchanges, is judged by not-modified-fields-differ).
        "apache2/ims-equal#1 not-modified-missing-fields": "needs the 200 from another file",
        "apache2/inm-match#1 not-modified-missing-fields": "needs the 200 from another file",
        "apache2/inm-star#1 not-modified-missing-fields": "needs the 200 from another file",
        "apache2/inm-weak-match#1 not-modified-missing-fields": "needs the 200 from another file",
        // 501 to a method that is not a token, or to a line split by a tab: a refusal (the
        // word taken for a method not implemented), not the autocorrect-and-process the rule
        // guards against, though RFC 9112 §3 names 400 or 301.
        "busybox-httpd/invalid-method-char#1 invalid-request-line-accepted": "501 is a refusal",
        "lighttpd/invalid-method-char#1 invalid-request-line-accepted": "501 is a refusal",
        "lighttpd/tab-in-request-line#1 invalid-request-line-accepted": "501 is a refusal; tabs may be read leniently",
        "php-cli-server/invalid-method-char#1 invalid-request-line-accepted": "501 is a refusal",
        "python-http-server/invalid-method-char#1 invalid-request-line-accepted": "501 is a refusal",
        // Transfer-Encoding: gzip on a request: RFC 9112 §6.3 says 400, §6.1 says 501 for a
        // coding the server does not implement; both readings are defensible.
        "busybox-httpd/te-not-chunked-last#1 invalid-request-not-400": "§6.1 501 against §6.3 400",
        "lighttpd/te-not-chunked-last#1 invalid-request-not-400": "§6.1 501 against §6.3 400",
        "nginx/te-not-chunked-last#1 invalid-request-not-400": "§6.1 501 against §6.3 400",
        "python-http-server/te-not-chunked-last#1 invalid-request-not-400": "§6.1 501 against §6.3 400",
        "waitress/te-not-chunked-last#1 invalid-request-not-400": "§6.1 501 against §6.3 400",
        // The capture sent the content after waiting 1.5 s for a 100; the bytes cannot show
        // how long the server took.
        "php-cli-server/expect-100-http11#1 expect-continue-unanswered": "timing is not in the bytes",
    ]

    /// Duties the reading named for which httplint has no rule, on purpose.
    static let noRule: [String: String] = [
        // RFC 9112 §9.5: a server may close a connection at any time; §9.3.2 asks for
        // responses in order, not for a response to every pipelined request.
        "missing-pipelined-response": "closing is allowed at any time",
    ]

    static func expectations() throws -> [Key: Set<String>] {
        var expected: [Key: Set<String>] = [:]
        for line in try PackageFiles.text("Samples/servers/expected.tsv").split(separator: "\n").dropFirst() {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 4, let exchange = Int(parts[2]) else { continue }
            expected[Key(server: parts[0], testCase: parts[1], exchange: exchange)] = parts[3] == "-" ? [] : Set(parts[3].split(separator: ",").map(String.init))
        }
        return expected
    }

    @Test func findsTheDefectsTheRFCReadingFoundAndNoOthers() throws {
        let expected = try Self.expectations()
        #expect(expected.count >= 600)
        let linter = Linter(configuration: .init(profile: .all))
        let known = Set(RuleCatalogue.rules.map { $0.description.id })
        var found: [Key: Set<String>] = [:]
        var info: [Key: Set<String>] = [:]
        for (server, testCase) in Set(expected.keys.map { [$0.server, $0.testCase] }).map({ ($0[0], $0[1]) }) {
            let base = "Samples/servers/\(server)/\(testCase)"
            let requests = RequestParser.parse(SourceText(name: base + ".req", bytes: try PackageFiles.bytes(base + ".req")))
            let result = linter.lint(SourceText(name: base + ".http", bytes: try PackageFiles.bytes(base + ".http")), requests: requests)
            for finding in result.findings {
                let key = Key(server: server, testCase: testCase, exchange: finding.exchange + 1)
                if finding.severity >= .warning { found[key, default: []].insert(finding.rule) } else { info[key, default: []].insert(finding.rule) }
            }
        }
        var hits = 0
        var misses: [String] = []
        var falseFindings: [String] = []
        for key in expected.keys.sorted() {
            let duties = expected[key] ?? []
            for duty in duties.sorted() {
                guard known.contains(duty) else {
                    #expect(Self.noRule[duty] != nil, "\(key): \(duty) is neither a rule nor listed as deliberately without one")
                    continue
                }
                if found[key]?.contains(duty) == true || info[key]?.contains(duty) == true { hits += 1 } else { misses.append("\(key) \(duty)") }
            }
            for rule in (found[key] ?? []).subtracting(duties).sorted() { falseFindings.append("\(key) \(rule)") }
        }
        #expect(Set(found.keys).subtracting(expected.keys).isEmpty, "findings on exchanges the reading did not list")
        #expect(falseFindings.isEmpty, "errors or warnings the RFC reading did not find: \(falseFindings)")
        #expect(Set(misses) == Set(Self.knownMisses.keys), "misses: \(Set(misses).subtracting(Self.knownMisses.keys).sorted()); no longer missed: \(Set(Self.knownMisses.keys).subtracting(misses).sorted())")
        #expect(hits >= 170, "\(hits) of the expected defects found")
    }
}
