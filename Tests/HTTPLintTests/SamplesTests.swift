import Foundation
import HTTPLint
import Testing

/// Every sample in Samples/ is linted (with its `.req` request when there is one) and must
/// give exactly the findings listed here: rule id and line.
@Suite struct SamplesTests {
    struct Expected: Hashable, CustomStringConvertible {
        let rule: String
        let line: Int
        var description: String { "\(rule)@\(line)" }
    }

    static let expectations: [String: [Expected]] = [
        // Captured from real servers on loopback.
        "apache-200-static-file": [],
        "apache-404-not-found": [],
        "lighttpd-200-post-to-static-file": [],
        "lighttpd-200-static-file": [],
        "lighttpd-404-not-found": [],
        "nginx-200-chunked-gzip": [],
        "nginx-200-gzip-http10-client-close-delimited": [],
        "nginx-200-head-static-file": [],
        "nginx-200-static-file": [],
        "nginx-206-range-request": [],
        "nginx-301-directory-without-trailing-slash": [],
        "nginx-304-if-modified-since": [],
        "nginx-304-if-none-match": [],
        "nginx-404-not-found": [],
        // nginx says "405 Not Allowed" and sends no Allow field.
        "nginx-405-post-to-static-file": [.init(rule: "method-not-allowed-without-allow", line: 1),
                                          .init(rule: "reason-phrase-mismatch", line: 1)],
        "nginx-pipelined-two-responses": [],
        // `add_header Content-Encoding gzip` on a plain file; `gzip_static` serving a .gz file
        // that was cut short (the Content-Length is that of the cut file).
        "nginx-200-plain-file-labelled-gzip": [.init(rule: "undecodable-content", line: 12)],
        "nginx-200-gzip-static-file-cut-short": [.init(rule: "undecodable-content", line: 11)],
        // nginx as a caching edge with security and caching headers (Samples/nginx-cdn-*).
        // The origin sets `Set-Cookie: sid=abc123` beside `Cache-Control: public`, and the
        // edge stores and serves it, cookie included (X-Cache-Status: HIT).
        "nginx-cdn-304": [.init(rule: "shared-cacheable-set-cookie", line: 15)],
        "nginx-cdn-404": [.init(rule: "shared-cacheable-set-cookie", line: 16)],
        "nginx-cdn-gzip": [.init(rule: "shared-cacheable-set-cookie", line: 18)],
        "nginx-cdn-head": [.init(rule: "shared-cacheable-set-cookie", line: 18)],
        "nginx-cdn-json-cors": [],
        "nginx-cdn-static-hit": [.init(rule: "shared-cacheable-set-cookie", line: 18)],
        "nginx-cdn-static-miss": [.init(rule: "shared-cacheable-set-cookie", line: 18)],
        "python-http-server-200-static-file": [],
        // http.server says "404 File not found".
        "python-http-server-404-not-found": [.init(rule: "reason-phrase-mismatch", line: 1)],
        // Written by hand, one defect each (or none).
        "100-continue-to-http10-client": [.init(rule: "interim-response-to-http10-client", line: 1)],
        "103-early-hints-then-200": [],
        "204-with-content": [.init(rule: "content-not-allowed", line: 3), .init(rule: "content-not-allowed", line: 5)],
        "302-without-location": [.init(rule: "redirect-without-location", line: 1)],
        "401-without-www-authenticate": [.init(rule: "unauthorized-without-www-authenticate", line: 1)],
        "407-proxy-without-challenge": [.init(rule: "proxy-auth-required-without-proxy-authenticate", line: 1)],
        "bare-lf-line-endings": [.init(rule: "bare-lf-line-ending", line: 1)],
        "chunked-with-bad-chunk-size": [.init(rule: "invalid-chunk-size", line: 8)],
        "chunked-with-trailers": [],
        "html-page-not-a-response": [.init(rule: "not-an-http-response", line: 1)],
        "obs-fold-and-whitespace-before-colon": [.init(rule: "whitespace-before-colon", line: 3), .init(rule: "obsolete-line-folding", line: 5)],
        "pipelined-content-length-too-small": [.init(rule: "bytes-after-message", line: 6)],
        "transfer-encoding-with-content-length": [.init(rule: "transfer-encoding-with-content-length", line: 4)],
    ]

    static func sampleNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: PackageFiles.url("Samples").path)
            .filter { $0.hasSuffix(".http") }
            .map { String($0.dropLast(5)) }
            .sorted()
    }

    @Test func everySampleHasExpectations() throws {
        let names = try Self.sampleNames()
        #expect(names.count >= 12)
        #expect(Set(names) == Set(Self.expectations.keys), "samples and expectations differ")
    }

    @Test(arguments: expectations.keys.sorted())
    func sample(_ name: String) throws {
        let result = try Self.lint(name)
        let lines = LineIndex(result.source)
        let found = result.findings.map { Expected(rule: $0.rule, line: lines.location(of: $0.span.offset).line) }
        #expect(found == Self.expectations[name], "\(name): \(result.findings.map(\.message))")
        #expect(result.exchanges.allSatisfy { $0.response.status != nil } || name == "html-page-not-a-response")
    }

    static func lint(_ name: String) throws -> LintResult {
        let (source, requests) = try input(name)
        return Linter().lint(source, requests: requests)
    }

    /// A sample's response bytes and the requests of its `.req` file, when it has one.
    static func input(_ name: String) throws -> (source: SourceText, requests: [Request]) {
        let requestPath = "Samples/\(name).req"
        var requests: [Request] = []
        if FileManager.default.fileExists(atPath: PackageFiles.url(requestPath).path) {
            requests = RequestParser.parse(SourceText(name: requestPath, bytes: try PackageFiles.bytes(requestPath)))
        }
        return (SourceText(name: "Samples/\(name).http", bytes: try PackageFiles.bytes("Samples/\(name).http")), requests)
    }

    /// The captures keep their wire bytes: every head line ends in CRLF.
    @Test func capturesKeepCRLF() throws {
        for name in try Self.sampleNames() where !name.hasPrefix("bare-lf") && !name.hasPrefix("html-") {
            let result = try Self.lint(name)
            #expect(!result.exchanges.flatMap(\.deviations).contains { $0.kind == .bareLF }, "\(name) lost its CRLFs")
        }
    }

    @Test func pipelinedCaptureHasTwoExchangesWithTheirRequests() throws {
        let result = try Self.lint("nginx-pipelined-two-responses")
        #expect(result.exchanges.count == 2)
        #expect(result.exchanges.map { $0.request?.target } == ["/index.html", "/notes.txt"])
        #expect(result.exchanges.map { $0.response.content.length } == [334, 181])
    }

    @Test func headResponseIsReadWithoutContentOnlyWithItsRequest() throws {
        let withRequest = try Self.lint("nginx-200-head-static-file")
        #expect(withRequest.exchanges[0].response.content.framing == .none)
        let bare = Linter().lint(SourceText(name: "head", bytes: try PackageFiles.bytes("Samples/nginx-200-head-static-file.http")))
        #expect(bare.findings.map(\.rule) == ["truncated-content"])
        #expect(bare.findings.first?.message.contains("HEAD") == true)
    }
}
