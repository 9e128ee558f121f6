import Foundation
import HTTPLint
import TestSupport
import Testing

/// Live probes of servers started by the tests on 127.0.0.1: a resource served as RFC 9110 asks
/// must probe clean; each planted defect must be found by its rule; Python's http.server's
/// known behaviour must be found. Servers are stopped when the test ends, also on failure.
@Suite(.serialized) struct ProbeTests {
    static func probe(_ resource: TestResource, robustness: Bool = false) throws -> [InputReport] {
        let server = try TestHTTPServer(handler: resource.reply)
        defer { server.stop() }
        let probe = Probe(endpoint: try HTTPEndpoint("http://127.0.0.1:\(server.port)/r"),
                          options: .init(robustness: robustness, rate: 1000, client: .init(connectTimeout: 30, readTimeout: 30)))
        let exchanges = probe.run()
        #expect(exchanges.allSatisfy { $0.failure == nil }, "\(exchanges.compactMap(\.failure))")
        return probe.lint(exchanges, with: Linter(configuration: .init(profile: .all)))
    }

    static func failing(_ reports: [InputReport]) -> [String] {
        reports.flatMap { report in report.findings.filter { $0.severity >= .warning }.map { "\(report.part ?? ""): \($0.rule): \($0.message)" } }
    }

    @Test func aConformingResourceProbesClean() throws {
        let reports = try Self.probe(TestResource(), robustness: false)
        #expect(reports.count >= 18)
        #expect(Self.failing(reports).isEmpty, "\(Self.failing(reports))")
        // Every step got its answer, framed completely.
        #expect(reports.allSatisfy { report in
            guard case .linted(let result) = report.outcome else { return false }
            return result.exchanges.allSatisfy { $0.response.status != nil }
        })
    }

    @Test(arguments: [
        (TestResource.Defects.headDiffers, ["head-differs-from-get", "content-not-allowed"]),
        (.ignoresIfNoneMatch, ["precondition-evaluated-wrongly"]),
        (.notModifiedWithOtherETag, ["not-modified-fields-differ"]),
        (.wrongRangeBytes, ["partial-content-bytes-differ"]),
        (.gzipWithoutVary, ["gzip-variant-without-vary"]),
    ])
    func eachPlantedDefectIsFound(_ defect: TestResource.Defects, _ rules: [String]) throws {
        let reports = try Self.probe(TestResource(defects: defect))
        let found = Set(reports.flatMap(\.findings).map(\.rule))
        for rule in rules { #expect(found.contains(rule), "\(rule) not found: \(Self.failing(reports))") }
    }

    /// In SARIF a probed server's findings point at its URL, the request's too.
    @Test func sarifNamesTheProbedURL() throws {
        let reports = try Self.probe(TestResource(defects: .ignoresIfNoneMatch))
        let sarif = OutputFormat.sarif.reporter().finish(reports)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let uris = results.flatMap { result -> [String] in
            let places = (result["locations"] as? [[String: Any]] ?? []) + (result["relatedLocations"] as? [[String: Any]] ?? [])
            return places.compactMap { (($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String }
        }
        #expect(!uris.isEmpty && uris.allSatisfy { $0.hasPrefix("http://127.0.0.1:") && $0.hasSuffix("/r") }, "\(uris)")
    }

    @Test func robustnessProbesSendMalformedRequestsEachOnItsOwnConnection() throws {
        let reports = try Self.probe(TestResource(), robustness: true)
        let parts = reports.compactMap(\.part)
        #expect(parts.contains { $0.contains("no Host") } && parts.contains { $0.contains("invalid Content-Length") })
        // The test server answers everything with 200: the must-reject requests are caught.
        let accepted = reports.filter { ($0.part ?? "").contains("must be 400") }.flatMap(\.findings).map(\.rule)
        #expect(accepted.filter { $0 == "success-for-invalid-request" }.count >= 3, "\(accepted)")
    }

    @Test func pythonHTTPServerAnswersIfNoneMatchStarWith200() throws {
        let scratch = ScratchDirectory()
        try Data("hello\n".utf8).write(to: scratch.path("a.txt"))
        guard let server = PythonHTTPServer(directory: scratch.url) else {
            Issue.record("python3 -m http.server could not be started")
            return
        }
        defer { server.stop() }
        let probe = Probe(endpoint: try HTTPEndpoint("http://127.0.0.1:\(server.port)/a.txt"), options: .init(rate: 1000))
        let reports = probe.lint(probe.run())
        let star = reports.first { $0.part?.contains("If-None-Match: *") == true }
        #expect(star?.findings.map(\.rule).contains("precondition-evaluated-wrongly") == true)
    }

    @Test func endpointsAndClientErrorsAreClear() throws {
        #expect(throws: HTTPExchangeClient.Failure.self) { try HTTPEndpoint("https://example.com/") }
        do {
            _ = try HTTPEndpoint("https://example.com/")
        } catch {
            #expect(error.description.contains("curl --http1.1") && error.description.contains("TLS"))
        }
        let endpoint = try HTTPEndpoint("http://[::1]:8080/a?b")
        #expect(endpoint.host == "::1" && endpoint.port == 8080 && endpoint.target == "/a?b" && endpoint.authority == "[::1]:8080")
        #expect(try HTTPEndpoint("http://localhost").target == "/")
        // Nothing listens on a port just let go of: the connection is refused at once.
        let server = try TestHTTPServer { _ in .init("") }
        let port = server.port
        server.stop()
        let started = Date()
        #expect(throws: HTTPExchangeClient.Failure.self) {
            try HTTPExchangeClient(options: .init(connectTimeout: 1, readTimeout: 1))
                .exchange(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8), with: try HTTPEndpoint("http://127.0.0.1:\(port)/"))
        }
        #expect(Date().timeIntervalSince(started) < 3)
    }

    @Test func aSilentServerTimesOutWithWhatItSent() throws {
        let server = try TestHTTPServer { _ in .init("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc") }
        defer { server.stop() }
        let started = Date()
        let recorded = try HTTPExchangeClient(options: .init(readTimeout: 0.5))
            .exchange(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8), with: try HTTPEndpoint("http://127.0.0.1:\(server.port)/"))
        #expect(recorded.timedOut)
        #expect(String(decoding: recorded.response, as: UTF8.self).hasSuffix("abc"))
        #expect(Date().timeIntervalSince(started) < 2)
    }
}
