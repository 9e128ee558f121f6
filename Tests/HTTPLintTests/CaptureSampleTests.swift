import Foundation
@testable import HTTPLint
import Testing
import TestSupport

/// The real captures in Samples/captures (tcpdump and dumpcap on loopback while nginx answered
/// client.py, which recorded every byte it sent and received): the streams reassembled from
/// each capture are the client's record, and linting the capture finds what linting that
/// record finds.
@Suite struct CaptureSampleTests {
    static let directory = "Samples/captures/"

    /// A capture and the client record of the same connection.
    @Test(arguments: [
        ("keepalive-nginx.pcap", "keepalive-nginx"),
        ("pipelined-nginx.pcap", "pipelined-nginx"),
        ("keepalive-ipv6-nginx.pcap", "keepalive-ipv6-nginx"),
        ("keepalive-ipv6-nginx.pcapng", "keepalive-ipv6-nginx-ng"),
        ("pipelined-duplicated.pcap", "pipelined-nginx"),
        ("pipelined-duplicated-altered.pcap", "pipelined-nginx"),
    ])
    func captureMatchesTheClientsRecord(_ capture: String, _ record: String) throws {
        let bytes = try PackageFiles.bytes(Self.directory + capture)
        let sent = try PackageFiles.bytes(Self.directory + record + ".client.bin")
        let received = try PackageFiles.bytes(Self.directory + record + ".server.bin")
        let connections = try #require(PacketCapture(bytes, limit: 1 << 20)).connections
        #expect(connections.count == 1)
        #expect(connections.first?.fromClient.bytes == sent)
        #expect(connections.first?.fromServer.bytes == received)

        let name = Self.directory + capture
        let reports = Linter().lintInput(named: name, bytes: bytes)
        #expect(reports.count == 1)
        let direct = Linter().lint(SourceText(name: name, bytes: received),
                                   requests: RequestParser.parse(SourceText(name: "requests", bytes: sent)))
        #expect(reports.first?.responseCount == InputReport(name: name, outcome: .linted(direct)).responseCount)
        let fromCapture = reports.flatMap(\.findings).filter { !$0.rule.hasPrefix("capture-") }
        #expect(fromCapture.map(Self.withoutFrame) == direct.findings.map(Self.withoutFrame))
        #expect(fromCapture.allSatisfy { $0.message.range(of: #" \(frame \d+\)$"#, options: .regularExpression) != nil })
        // Only the altered copy is worth a note; an identical retransmission is not.
        let notes = reports.flatMap(\.findings).filter { $0.rule.hasPrefix("capture-") }.map(\.rule)
        #expect(notes == (capture.contains("altered") ? ["capture-differing-retransmission"] : []))
    }

    static func withoutFrame(_ finding: Finding) -> String {
        let message = finding.message.replacingOccurrences(of: #" \(frame \d+\)$"#, with: "", options: .regularExpression)
        return "\(finding.rule)@\(finding.span.offset)+\(finding.span.length): \(message)"
    }

    /// The capture began while the client paused after its first exchange: the streams are the
    /// record without that exchange, and the rest is linted as the record's rest would be.
    @Test func midConnectionCaptureIsTheRecordsTail() throws {
        let bytes = try PackageFiles.bytes(Self.directory + "midconnection-nginx.pcap")
        let sent = try PackageFiles.bytes(Self.directory + "midconnection-nginx.client.bin")
        let received = try PackageFiles.bytes(Self.directory + "midconnection-nginx.server.bin")
        let connection = try #require(PacketCapture(bytes, limit: 1 << 20)?.connections.first)
        #expect(!connection.fromClient.sawSYN)
        #expect(sent.count > connection.fromClient.bytes.count && Array(sent.suffix(connection.fromClient.bytes.count)) == connection.fromClient.bytes)
        #expect(received.count > connection.fromServer.bytes.count
                && Array(received.suffix(connection.fromServer.bytes.count)) == connection.fromServer.bytes)
        let reports = Linter().lintInput(named: "m.pcap", bytes: bytes)
        #expect(reports.first?.responseCount == 3)
        #expect(reports.flatMap(\.findings).map(\.rule) == ["capture-mid-connection"])
    }

    /// The frame carrying the third response was left out: the first two are linted, the
    /// rest reported as not captured.
    @Test func droppedFrameStopsLintingAtTheHole() throws {
        let reports = Linter().lintInput(named: "d.pcap", bytes: try PackageFiles.bytes(Self.directory + "pipelined-dropped.pcap"))
        #expect(reports.count == 1)
        #expect(reports.first?.responseCount == 2)
        #expect(reports.flatMap(\.findings).map(\.message) == [
            "the capture misses 1669 bytes the server sent at stream offset 710 after frame 9; data resumes in frame 12; "
                + "the answers to the last 4 requests are not linted",
        ])
    }

    /// A snap length of 120 bytes cuts every data packet (54 bytes of payload kept): both
    /// streams have a hole at 54, the first response is cut inside its head, and nothing after
    /// the holes is guessed at.
    @Test func snapLengthHolesAreReported() throws {
        let reports = Linter().lintInput(named: "s.pcap", bytes: try PackageFiles.bytes(Self.directory + "snaplen-120-nginx.pcap"))
        #expect(reports.flatMap(\.findings).map(\.message) == [
            "the capture misses 419 bytes the server sent at stream offset 54 after frame 6; data resumes in frame 9; this response is not linted",
            "the capture misses 17 bytes the client sent at stream offset 54 after frame 4; data resumes in frame 8",
        ])
    }

    /// curl through nginx: keep-alive with gzip-chunked content, and a 100-continue upload that
    /// nginx proxies to itself (two connections, both on the captured port).
    @Test func curlCapturesAreClean() throws {
        let chunked = Linter().lintInput(named: "c.pcap", bytes: try PackageFiles.bytes(Self.directory + "curl-chunked-keepalive-nginx.pcap"))
        #expect(chunked.count == 1 && chunked[0].responseCount == 2 && chunked[0].findings.isEmpty)
        let upload = Linter().lintInput(named: "u.pcap", bytes: try PackageFiles.bytes(Self.directory + "curl-expect-100-continue-nginx.pcap"))
        #expect(upload.count == 2)
        #expect(upload.map(\.responseCount) == [2, 1])
        #expect(upload.flatMap(\.findings).isEmpty)
    }

    /// tcpflow 1.6.1's files for the pipelined capture (`tcpflow -r pipelined-nginx.pcap -o
    /// tcpflow`): a directory walk pairs them, the server's file as the input and the client's
    /// as its requests, and they lint as the capture does.
    @Test func tcpflowFilesArePairedAndLintAsTheCapture() throws {
        let items = InputCollector.collect([PackageFiles.url(Self.directory + "tcpflow").path])
        #expect(items.count == 1)
        let item = try #require(items.first)
        #expect(item.path.hasSuffix("/127.000.000.001.18481-127.000.000.001.42384"))
        #expect(item.requestPath?.hasSuffix("/127.000.000.001.42384-127.000.000.001.18481") == true)
        #expect(TCPFlow.isFlowName("::1.18481-::1.36792") && TCPFlow.isFlowName("010.000.000.001.00080-010.000.000.002.51234c2"))
        #expect(!TCPFlow.isFlowName("notes.txt") && !TCPFlow.isFlowName("a.12345-b.12345") && !TCPFlow.isFlowName("1.2.3.4.80-1.2.3.4.8080"))

        let requests = RequestParser.parse(SourceText(name: "requests", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: item.requestPath!)))))
        let flow = Linter().lintInput(named: "flow", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: item.path))), requests: requests)
        let capture = Linter().lintInput(named: "flow", bytes: try PackageFiles.bytes(Self.directory + "pipelined-nginx.pcap"))
        #expect(flow.first?.responseCount == 6)
        #expect(flow.flatMap(\.findings).map(Self.withoutFrame) == capture.flatMap(\.findings).map(Self.withoutFrame))
    }

    @Test func directoryWalksPickUpCaptures() {
        let items = InputCollector.collect([PackageFiles.url(Self.directory).path])
        #expect(items.filter { $0.path.hasSuffix(".pcap") }.count == 10)
        #expect(items.filter { $0.path.hasSuffix(".pcapng") }.count == 1)
    }

    /// A capture larger than --max-input-size is read packet by packet, not refused: the limit
    /// applies to each connection. Raw input that large is still refused when reports are kept.
    @Test(arguments: [(false, 1 << 20), (false, 1024), (true, 1 << 20)])
    func aCaptureLargerThanTheInputLimitIsLintedAConnectionAtATime(_ keepsReports: Bool, _ threshold: Int) throws {
        let path = PackageFiles.url(Self.directory + "pipelined-nginx.pcap").path
        let bytes = try PackageFiles.bytes(Self.directory + "pipelined-nginx.pcap")
        let limits = ParserLimits(maxInputSize: 10_000)
        #expect(bytes.count > limits.maxInputSize)
        let run = try LintRun(options: .init(inputs: [path], limits: limits, streamThreshold: threshold, usesConfigurationFile: false,
                                             keepsReports: keepsReports))
        var seen: [InputReport] = []
        let outcome = run.run(render: { _ in () }) { report, _ in seen.append(report); return true }
        let alone = Linter().lintInput(named: path, bytes: bytes)
        #expect(!outcome.anyUnreadable)
        #expect(seen.map(\.part) == alone.map(\.part) && seen.flatMap(\.findings) == alone.flatMap(\.findings))
        #expect(!seen.isEmpty)

        let raw = PackageFiles.url(Self.directory + "pipelined-nginx.server.bin").path
        let refused = try LintRun(options: .init(inputs: [raw], limits: ParserLimits(maxInputSize: 4_000), usesConfigurationFile: false,
                                                 keepsReports: true))
        var failures: [String] = []
        _ = refused.run(render: { _ in () }) { report, _ in
            if case .failed(let reason) = report.outcome { failures.append(reason) }
            return true
        }
        #expect(failures.count == 1 && failures.first?.contains("larger than 4000 bytes") == true)
    }

    /// A tcpflow file named on the command line is paired with its sibling direction's file,
    /// as a directory walk pairs them; named together, the two make one input.
    @Test func aTcpflowFileNamedAloneIsPairedWithItsSibling() throws {
        let folder = PackageFiles.url(Self.directory + "tcpflow").path
        let client = folder + "/127.000.000.001.42384-127.000.000.001.18481", server = folder + "/127.000.000.001.18481-127.000.000.001.42384"
        let pair = InputCollector.Item(path: server, requestPath: client, problem: nil)
        #expect(InputCollector.collect([client]) == [pair])
        #expect(InputCollector.collect([server]) == [pair])
        #expect(InputCollector.collect([server, client]) == [pair])
        #expect(InputCollector.collect([folder]).map(\.requestPath) == [folder + "/127.000.000.001.42384-127.000.000.001.18481"])
        // Without its sibling, a flow file is read as it is named.
        let scratch = ScratchDirectory()
        let alone = scratch.path("010.000.000.001.00080-010.000.000.002.40000").path
        try Data(PackageFiles.bytes(Self.directory + "tcpflow/127.000.000.001.18481-127.000.000.001.42384")).write(to: URL(fileURLWithPath: alone))
        #expect(InputCollector.collect([alone]) == [InputCollector.Item(path: alone, requestPath: nil, problem: nil)])
    }
}
