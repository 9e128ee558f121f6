import Foundation
import HTTPLint
import HTTPLintTesting
import TestSupport
import Testing

/// The one-call checks of a live server: the exact bytes the server sent are linted with the
/// request, and the failure lands at the caller's line.
@Suite(.serialized) struct LiveExchangeTests {
    @Test func aConformingExchangeRecordsNothing() async throws {
        let server = try TestHTTPServer(handler: TestResource().reply)
        defer { server.stop() }
        let captured = Captured()
        let report = await ConformanceFailureHook.$capture.withValue({ captured.add($0) }) {
            await expectConformingHTTPExchange(to: "http://127.0.0.1:\(server.port)/r", options: .init(failingAt: .warning), timeout: 30)
        }
        #expect(report?.isClean == true)
        #expect(captured.all.isEmpty, "\(captured.all.map(\.message))")
    }

    @Test func aBrokenExchangeFailsAtTheCallersLineWithTheRequestShown() async throws {
        let server = try TestHTTPServer(handler: TestResource(defects: .ignoresIfNoneMatch).reply)
        defer { server.stop() }
        let captured = Captured()
        let line = #line + 2
        await ConformanceFailureHook.$capture.withValue({ captured.add($0) }) {
            await expectConformingHTTPExchange(to: "http://127.0.0.1:\(server.port)/r", fields: [("If-None-Match", "\"v1\"")], timeout: 30)
        }
        let failure = try #require(captured.all.first)
        #expect(failure.line == line)
        #expect(failure.message.contains("precondition-evaluated-wrongly"))
        #expect(failure.message.contains("HTTP response to GET http://127.0.0.1:\(server.port)/r does not conform"))
        #expect(failure.message.contains("request line 3: If-None-Match: \"v1\""))
        #expect(!failure.response.isEmpty)
    }

    @Test func anUnreachableServerFailsClearly() async throws {
        let server = try TestHTTPServer { _ in .init("") }
        let port = server.port
        server.stop()
        let captured = Captured()
        let report = await ConformanceFailureHook.$capture.withValue({ captured.add($0) }) {
            await expectConformingHTTPExchange(to: "http://127.0.0.1:\(port)/", timeout: 1)
        }
        #expect(report == nil)
        #expect(captured.all.first?.message.contains("no HTTP exchange: cannot connect to 127.0.0.1:\(port)") == true)
        #expect(throws: HTTPExchangeClient.Failure.self) { try checkHTTPExchange(to: "https://127.0.0.1/") }
    }

    @Test func theWholeProbeReportsEachBrokenExchange() async throws {
        let server = try TestHTTPServer(handler: TestResource(defects: [.headDiffers]).reply)
        defer { server.stop() }
        let captured = Captured()
        let reports = await ConformanceFailureHook.$capture.withValue({ captured.add($0) }) {
            await expectConformingServer(at: "http://127.0.0.1:\(server.port)/r", options: .init(failingAt: .warning), timeout: 30)
        }
        #expect(reports.count >= 18)
        let messages = captured.all.filter { !$0.isWarning }.map(\.message)
        #expect(messages.contains { $0.contains("(probe 3: HEAD)") && $0.contains("head-differs-from-get") }, "\(messages)")
        #expect(messages.allSatisfy { $0.contains("HEAD") }, "only the HEAD exchanges fail: \(messages)")
    }

    @Test func xcTestAssertionChecksALiveExchange() throws {
        let server = try TestHTTPServer(handler: TestResource(defects: .headDiffers).reply)
        defer { server.stop() }
        let captured = Captured()
        ConformanceFailureHook.$capture.withValue({ captured.add($0) }) {
            XCTAssertConformingHTTPExchange(to: "http://127.0.0.1:\(server.port)/r", method: .head, timeout: 30)
        }
        #expect(captured.all.contains { $0.message.contains("content-not-allowed") }, "\(captured.all.map(\.message))")
    }
}
