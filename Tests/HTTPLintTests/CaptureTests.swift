import Foundation
@testable import HTTPLint
import Testing

/// Packet captures: the pcap and pcapng reader, the link layers, IP and TCP reassembly, and
/// the reports made from each connection. Captures are built here byte by byte; the real ones
/// (tcpdump and dumpcap against nginx) are in Samples/captures.
@Suite struct CaptureTests {
    // MARK: Building captures

    static let client: [UInt8] = [10, 0, 0, 1], server: [UInt8] = [10, 0, 0, 2]
    static let client6: [UInt8] = Array(repeating: 0, count: 15) + [1], server6: [UInt8] = [0x20, 0x01, 0x0d, 0xb8] + Array(repeating: 0, count: 11) + [2]

    /// A TCP segment (20-byte header, no options) from `source` to `destination`.
    static func tcp(_ sourcePort: UInt16, _ destinationPort: UInt16, seq: UInt32, ack: UInt32 = 0, flags: UInt8, _ payload: [UInt8] = []) -> [UInt8] {
        be16(sourcePort) + be16(destinationPort) + be32(seq) + be32(ack) + [0x50, flags] + be16(65_535) + [0, 0, 0, 0] + payload
    }

    static func ipv4(_ source: [UInt8], _ destination: [UInt8], _ payload: [UInt8], id: UInt16 = 1, fragment: UInt16 = 0) -> [UInt8] {
        [0x45, 0] + be16(UInt16(20 + payload.count)) + be16(id) + be16(fragment) + [64, 6, 0, 0] + source + destination + payload
    }

    static func ipv6(_ source: [UInt8], _ destination: [UInt8], _ payload: [UInt8], next: UInt8 = 6) -> [UInt8] {
        [0x60, 0, 0, 0] + be16(UInt16(payload.count)) + [next, 64] + source + destination + payload
    }

    static func ethernet(_ ip: [UInt8], vlan: Bool = false) -> [UInt8] {
        let type: [UInt8] = ip.first.map { $0 >> 4 == 6 } == true ? [0x86, 0xDD] : [0x08, 0x00]
        return Array(repeating: 2, count: 12) + (vlan ? [0x81, 0x00, 0x00, 0x07] : []) + type + ip
    }

    /// A classic pcap file; `bigEndian` and `nanoseconds` choose the magic number's form.
    static func pcap(_ frames: [[UInt8]], linkType: UInt32 = 1, bigEndian: Bool = false, nanoseconds: Bool = false) -> [UInt8] {
        let u32: (UInt32) -> [UInt8] = { bigEndian ? be32($0) : le32($0) }
        let u16: (UInt16) -> [UInt8] = { bigEndian ? be16($0) : Array(le32(UInt32($0)).prefix(2)) }
        var file = u32(nanoseconds ? 0xA1B2_3C4D : 0xA1B2_C3D4) + u16(2) + u16(4) + u32(0) + u32(0) + u32(65_535) + u32(linkType)
        for (index, frame) in frames.enumerated() {
            file += u32(UInt32(index)) + u32(0) + u32(UInt32(frame.count)) + u32(UInt32(frame.count)) + frame
        }
        return file
    }

    /// A pcapng block: type, length, body padded to 4 bytes, length again (little-endian
    /// unless `bigEndian`).
    static func block(_ type: UInt32, _ body: [UInt8], bigEndian: Bool = false) -> [UInt8] {
        let padded = body + Array(repeating: 0, count: (4 - body.count % 4) % 4)
        let length = UInt32(12 + padded.count)
        let u32: (UInt32) -> [UInt8] = { bigEndian ? be32($0) : le32($0) }
        return u32(type) + u32(length) + padded + u32(length)
    }

    static let sectionHeader = block(0x0A0D_0D0A, le32(0x1A2B_3C4D) + [1, 0, 0, 0] + Array(repeating: 0xFF, count: 8))
    static func interface(_ linkType: UInt16) -> [UInt8] { block(1, [UInt8(linkType & 0xFF), UInt8(linkType >> 8), 0, 0] + le32(0)) }
    static func enhanced(_ interface: UInt32, _ frame: [UInt8]) -> [UInt8] {
        block(6, le32(interface) + le32(0) + le32(0) + le32(UInt32(frame.count)) + le32(UInt32(frame.count)) + frame)
    }

    static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    static func be32(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)] }
    static func le32(_ value: UInt32) -> [UInt8] { be32(value).reversed() }

    static let request = Array("GET /a HTTP/1.1\r\nHost: x\r\n\r\nHEAD /b HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
    static let response = Array(("HTTP/1.1 200 OK\r\nDate: Sat, 05 Dec 2026 21:38:09 GMT\r\nContent-Length: 5\r\n\r\nhello"
        + "HTTP/1.1 405 Method Not Allowed\r\nDate: Sat, 05 Dec 2026 21:38:09 GMT\r\nContent-Length: 9\r\n\r\n").utf8)

    /// The IP packets of one whole connection: handshake, the request and response bytes in
    /// segments of at most `segment` bytes, and both FINs.
    static func connection(request: [UInt8] = request, response: [UInt8] = response, segment: Int = 20,
                           clientISN: UInt32 = 1000, serverISN: UInt32 = 5000, v6: Bool = false) -> [[UInt8]] {
        let ip: ([UInt8], [UInt8], [UInt8]) -> [UInt8] = v6 ? { ipv6($0 == client ? client6 : server6, $1 == client ? client6 : server6, $2) }
                                                            : { ipv4($0, $1, $2) }
        var packets = [ip(client, server, tcp(40_000, 80, seq: clientISN, flags: 0x02)),
                       ip(server, client, tcp(80, 40_000, seq: serverISN, ack: clientISN &+ 1, flags: 0x12))]
        var offset = 0
        while offset < request.count {
            let piece = Array(request[offset..<min(offset + segment, request.count)])
            packets.append(ip(client, server, tcp(40_000, 80, seq: clientISN &+ 1 &+ UInt32(offset), ack: serverISN &+ 1, flags: 0x18, piece)))
            offset += piece.count
        }
        offset = 0
        while offset < response.count {
            let piece = Array(response[offset..<min(offset + segment, response.count)])
            packets.append(ip(server, client, tcp(80, 40_000, seq: serverISN &+ 1 &+ UInt32(offset), ack: clientISN &+ 1 &+ UInt32(request.count),
                                                  flags: 0x18, piece)))
            offset += piece.count
        }
        packets.append(ip(client, server, tcp(40_000, 80, seq: clientISN &+ 1 &+ UInt32(request.count), flags: 0x11)))
        packets.append(ip(server, client, tcp(80, 40_000, seq: serverISN &+ 1 &+ UInt32(response.count), flags: 0x11)))
        return packets
    }

    static func streams(_ file: [UInt8], limit: Int = 1 << 20) -> [(client: [UInt8], server: [UInt8])] {
        guard let capture = PacketCapture(file, limit: limit) else { return [] }
        return capture.connections.map { ($0.fromClient.bytes, $0.fromServer.bytes) }
    }

    func findings(_ reports: [InputReport]) -> [String] {
        reports.flatMap { report in report.findings.map { "\(report.part ?? "-"): \($0.rule)" } }
    }

    // MARK: File formats and link layers

    @Test func classicPcapInEitherByteOrderAndTimestampPrecision() {
        let frames = Self.connection().map { Self.ethernet($0) }
        for bigEndian in [false, true] {
            for nanoseconds in [false, true] {
                let file = Self.pcap(frames, bigEndian: bigEndian, nanoseconds: nanoseconds)
                #expect(InputKind.detect(file) == .pcap)
                let got = Self.streams(file)
                #expect(got.count == 1)
                #expect(got.first?.client == Self.request && got.first?.server == Self.response, "big-endian \(bigEndian), ns \(nanoseconds)")
            }
        }
    }

    @Test func pcapngWithTwoInterfacesOfDifferentLinkTypes() {
        // Interface 0 is Ethernet, interface 1 Linux cooked v2: the client's packets come
        // through one, the server's through the other; a simple packet block uses interface 0.
        let packets = Self.connection()
        var file = Self.sectionHeader + Self.interface(1) + Self.interface(276)
        for (index, packet) in packets.enumerated() {
            if index % 2 == 0 {
                file += Self.enhanced(0, Self.ethernet(packet))
            } else {
                file += Self.enhanced(1, [0x08, 0x00, 0, 0] + Self.le32(1) + [0, 1, 0, 6] + Array(repeating: 0, count: 8) + packet)
            }
        }
        #expect(InputKind.detect(file) == .pcap)
        #expect(Self.streams(file).first?.client == Self.request)
        #expect(Self.streams(file).first?.server == Self.response)
        // The same as simple packet blocks (all through interface 0).
        let simple = Self.sectionHeader + Self.interface(1)
            + packets.map { Self.ethernet($0) }.flatMap { Self.block(3, Self.le32(UInt32($0.count)) + $0) }
        #expect(Self.streams(simple).first?.server == Self.response)
    }

    @Test func pcapngSectionsInEitherByteOrder() {
        // A big-endian section, then a little-endian one: each has its own interfaces.
        let packets = Self.connection()
        let big = Self.block(0x0A0D_0D0A, Self.be32(0x1A2B_3C4D) + [0, 1, 0, 0] + Array(repeating: 0xFF, count: 8), bigEndian: true)
            + Self.block(1, [0, 1, 0, 0] + Self.be32(0), bigEndian: true)
            + packets.prefix(4).flatMap { packet in
                let frame = Self.ethernet(packet)
                return Self.block(6, Self.be32(0) + Self.be32(0) + Self.be32(0) + Self.be32(UInt32(frame.count)) + Self.be32(UInt32(frame.count))
                                  + frame, bigEndian: true)
            }
        let little = Self.sectionHeader + Self.interface(1) + packets.dropFirst(4).flatMap { Self.enhanced(0, Self.ethernet($0)) }
        let got = Self.streams(big + little)
        #expect(got.first?.client == Self.request)
        #expect(got.first?.server == Self.response)
    }

    @Test(arguments: [
        ("Ethernet with an 802.1Q tag", UInt32(1)),
        ("Linux cooked SLL", 113),
        ("Linux cooked SLL2", 276),
        ("BSD null", 0),
        ("OpenBSD loopback", 108),
        ("raw IP", 101),
        ("raw IPv4", 228),
    ])
    func linkTypes(_ name: String, _ linkType: UInt32) {
        let frames = Self.connection().map { packet -> [UInt8] in
            switch linkType {
            case 1: return Self.ethernet(packet, vlan: true)
            case 113: return [0, 0, 0, 1, 0, 6] + Array(repeating: 0, count: 8) + [0x08, 0x00] + packet
            case 276: return [0x08, 0x00, 0, 0] + Self.le32(1) + [0, 1, 0, 6] + Array(repeating: 0, count: 8) + packet
            case 0: return Self.le32(2) + packet
            case 108: return Self.be32(2) + packet
            default: return packet
            }
        }
        let got = Self.streams(Self.pcap(frames, linkType: linkType))
        #expect(got.first?.client == Self.request, "\(name)")
        #expect(got.first?.server == Self.response, "\(name)")
    }

    @Test func ipv6WithExtensionHeaders() {
        // A hop-by-hop options header (8 bytes, next header TCP) before every segment.
        let frames = Self.connection(v6: true).map { packet -> [UInt8] in
            let payload = Array(packet[40...])
            return Self.ethernet(Self.ipv6(Array(packet[8..<24]), Array(packet[24..<40]), [6, 0, 1, 4, 0, 0, 0, 0] + payload, next: 0))
        }
        let file = Self.pcap(frames)
        #expect(Self.streams(file).first?.server == Self.response)
        let reports = Linter().lintInput(named: "v6.pcap", bytes: file)
        #expect(reports.map(\.part) == ["[::1]:40000 → [2001:db8::2]:80 #1"])
    }

    @Test func ipv4FragmentsAreReassembled() {
        // The first response segment is split in two fragments, the second sent first.
        var packets = Self.connection(segment: 200)
        let index = packets.firstIndex { $0[12...15].elementsEqual(Self.server) && $0.count > 40 }!
        let tcp = Array(packets[index][20...])
        let first = Self.ipv4(Self.server, Self.client, Array(tcp[..<24]), id: 77, fragment: 0x2000)
        let second = Self.ipv4(Self.server, Self.client, Array(tcp[24...]), id: 77, fragment: 3)
        packets.replaceSubrange(index...index, with: [second, first])
        #expect(Self.streams(Self.pcap(packets.map { Self.ethernet($0) })).first?.server == Self.response)
    }

    // MARK: TCP reassembly

    @Test func sequenceNumbersWrapAround() {
        let packets = Self.connection(clientISN: 0xFFFF_FFF0, serverISN: 0xFFFF_FFFA)
        let got = Self.streams(Self.pcap(packets.map { Self.ethernet($0) }))
        #expect(got.first?.client == Self.request)
        #expect(got.first?.server == Self.response)
    }

    @Test func outOfOrderAndRetransmittedSegmentsAreDeliveredInOrder() {
        var packets = Self.connection()
        // Server segments: swap two, and send one again.
        let data = packets.indices.filter { packets[$0][12...15].elementsEqual(Self.server) && packets[$0].count > 40 }
        packets.swapAt(data[0], data[1])
        packets.insert(packets[data[2]], at: data[3])
        let file = Self.pcap(packets.map { Self.ethernet($0) })
        #expect(Self.streams(file).first?.server == Self.response)
        let reports = Linter().lintInput(named: "c.pcap", bytes: file)
        #expect(findings(reports) == ["10.0.0.1:40000 → 10.0.0.2:80 #1: method-not-allowed-without-allow"])
    }

    @Test func aKeepAliveProbeWithAGarbageByteIsNotADifferingCopy() {
        var packets = Self.connection()
        // One byte below the next expected, after the whole response: Windows sends such probes.
        packets.insert(Self.ipv4(Self.server, Self.client, Self.tcp(80, 40_000, seq: 5000 + UInt32(Self.response.count), flags: 0x10, [0])),
                       at: packets.count - 1)
        let reports = Linter().lintInput(named: "k.pcap", bytes: Self.pcap(packets.map { Self.ethernet($0) }))
        #expect(findings(reports) == ["10.0.0.1:40000 → 10.0.0.2:80 #1: method-not-allowed-without-allow"])
    }

    @Test func aRetransmissionThatDiffersIsNotedAndTheFirstCopyKept() {
        var packets = Self.connection()
        let index = packets.lastIndex { $0[12...15].elementsEqual(Self.server) && $0.count > 40 }!
        var altered = packets[index]
        altered[altered.count - 1] ^= 0x20
        packets.insert(altered, at: index + 1)
        let file = Self.pcap(packets.map { Self.ethernet($0) })
        #expect(Self.streams(file).first?.server == Self.response)
        let reports = Linter().lintInput(named: "c.pcap", bytes: file)
        #expect(findings(reports).contains("10.0.0.1:40000 → 10.0.0.2:80 #1: capture-differing-retransmission"))
    }

    @Test func aMissingSegmentIsReportedAndItsExchangeNotLinted() {
        var packets = Self.connection()
        // The segment carrying the start of the 405's status line never made it into the capture.
        let position = 91  // "HTTP/1.1 405" starts at 83; the segment of bytes 80..<100 is lost
        let index = packets.firstIndex { packet in
            guard packet[12...15].elementsEqual(Self.server), packet.count > 40 else { return false }
            let seq = packet[24...27].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return Int(seq - 5001) <= position && position < Int(seq - 5001) + packet.count - 40
        }!
        packets.remove(at: index)
        let reports = Linter().lintInput(named: "c.pcap", bytes: Self.pcap(packets.map { Self.ethernet($0) }))
        #expect(findings(reports) == ["10.0.0.1:40000 → 10.0.0.2:80 #1: capture-gap"])
        #expect(reports[0].findings[0].message.contains("the capture misses 20 bytes the server sent at stream offset 80"))
    }

    @Test func aCaptureBegunInsideTheConnectionIsPairedFromItsFirstRequestLine() {
        // No handshake; the client's first segment is the tail of an earlier request.
        let tail = Array("ost: x\r\n\r\n".utf8)
        let earlier = Array("ntent-Length: 0\r\n\r\n".utf8)
        var packets = Self.connection(request: tail + Self.request, response: earlier + Self.response, segment: 400)
        packets.removeFirst(2)
        let reports = Linter().lintInput(named: "m.pcap", bytes: Self.pcap(packets.map { Self.ethernet($0) }))
        #expect(findings(reports) == ["10.0.0.1:40000 → 10.0.0.2:80 #1: capture-mid-connection",
                                      "10.0.0.1:40000 → 10.0.0.2:80 #1: method-not-allowed-without-allow"])
    }

    @Test func aStreamPastTheLimitIsCutWithAFinding() {
        let file = Self.pcap(Self.connection().map { Self.ethernet($0) })
        let reports = Linter().lintCapture(named: "l.pcap", bytes: file, streamLimit: 60)
        #expect(findings(reports) == ["10.0.0.1:40000 → 10.0.0.2:80 #1: capture-limit-exceeded"])
    }

    @Test func aNewHandshakeOnTheSameFourTupleIsANewConnection() {
        let first = Self.connection(), second = Self.connection(clientISN: 90_000, serverISN: 70_000)
        let reports = Linter().lintInput(named: "r.pcap", bytes: Self.pcap((first + second).map { Self.ethernet($0) }))
        #expect(reports.map(\.part) == ["10.0.0.1:40000 → 10.0.0.2:80 #1", "10.0.0.1:40000 → 10.0.0.2:80 #2"])
        #expect(reports.map(\.responseCount) == [2, 2])
    }

    @Test func dataOnAResetIsNotDelivered() {
        var packets = Self.connection()
        packets.insert(Self.ipv4(Self.server, Self.client, Self.tcp(80, 40_000, seq: 5001 + UInt32(Self.response.count), flags: 0x04,
                                                                   Array("junk".utf8))), at: packets.count - 2)
        #expect(Self.streams(Self.pcap(packets.map { Self.ethernet($0) })).first?.server == Self.response)
    }

    @Test func aMissingRequestSegmentLeavesItsResponsesUnpaired() {
        // The second request (HEAD) never made it into the capture: its 405 cannot be framed
        // without knowing it answers HEAD, so it is not linted.
        let packets = Self.connection(segment: 28).filter { packet in
            !(packet[12...15].elementsEqual(Self.client) && packet.count > 40 && packet[24...27].elementsEqual(Self.be32(1029)))
        }
        let reports = Linter().lintInput(named: "q.pcap", bytes: Self.pcap(packets.map { Self.ethernet($0) }))
        #expect(findings(reports) == ["10.0.0.1:40000 → 10.0.0.2:80 #1: capture-gap"])
        #expect(reports.first?.findings.first?.message
                == "the capture misses 28 bytes the client sent at stream offset 28 after frame 3; data resumes in frame 4; "
                + "the responses from here on are not linted")
    }

    @Test func emptyLinesBeforeTheFirstRequestLineStillMakeItHTTP() {
        let packets = Self.connection(request: Array("\r\n".utf8) + Self.request)
        let reports = Linter().lintInput(named: "e.pcap", bytes: Self.pcap(packets.map { Self.ethernet($0) }))
        #expect(reports.first?.responseCount == 2)
    }

    // MARK: Which connections are read

    @Test func tlsIsListedAsSkippedAndPortsNarrowTheConnections() {
        var tls = Self.connection(request: [0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5], response: [])
        tls = tls.map { packet in
            var packet = packet
            // Port 443 rather than 80 (both directions).
            if packet[22] == 0 && packet[23] == 80 { packet[23] = 0xBB; packet[22] = 0x01 }
            if packet[20] == 0 && packet[21] == 80 { packet[21] = 0xBB; packet[20] = 0x01 }
            return packet
        }
        let file = Self.pcap((Self.connection() + tls).map { Self.ethernet($0) })
        let reports = Linter().lintInput(named: "t.pcap", bytes: file)
        #expect(findings(reports) == ["10.0.0.1:40000 → 10.0.0.2:80 #1: method-not-allowed-without-allow",
                                      "10.0.0.1:40000 → 10.0.0.2:443 #2: capture-skipped-connection"])
        #expect(reports[1].findings[0].message.hasPrefix("TLS connection not linted: its content is encrypted"))
        let narrowed = Linter().lintInput(named: "t.pcap", bytes: file, ports: [443])
        #expect(narrowed.map(\.part) == ["10.0.0.1:40000 → 10.0.0.2:443 #2"])
    }

    @Test func theRequestsOfACaptureFrameItsResponses() {
        // HEAD: the 405 after a HEAD has no content, so "Content-Length: 9" is not read as content;
        // the 405 starts in the fifth response segment, frame 10.
        let reports = Linter().lintInput(named: "h.pcap", bytes: Self.pcap(Self.connection().map { Self.ethernet($0) }))
        #expect(reports.count == 1)
        #expect(reports[0].responseCount == 2)
        #expect(reports[0].findings.map(\.message) == ["405 Method Not Allowed response has no Allow field listing the supported methods (frame 10)"])
    }

    @Test func anythingElseIsNotACapture() {
        #expect(InputKind.detect(Array("HTTP/1.1 200 OK\r\n\r\n".utf8)) == .raw)
        #expect(PacketCapture([0xD4, 0xC3, 0xB2, 0xA1], limit: 100) == nil)
        let reports = Linter().lintInput(named: "x", bytes: Array("not a capture".utf8), kind: .pcap)
        guard case .failed(let reason) = reports.first?.outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason.contains("no pcap or pcapng header"))
    }

    // MARK: The capture rules of the catalogue

    /// The examples of the capture rules: a capture that reports each one, and the whole clean
    /// connection as the near-miss of all (their descriptions show none: a capture is binary).
    static func triggering(_ id: String) -> [UInt8] {
        let whole = connection()
        switch id {
        case CaptureNote.gap:
            return pcap(whole.enumerated().filter { $0.offset != 9 }.map { ethernet($0.element) })
        case CaptureNote.ended:
            // The capture stops inside the second response, no FIN sent.
            return pcap(whole.dropLast(3).map { ethernet($0) })
        case CaptureNote.midConnection:
            return pcap(whole.dropFirst(2).map { ethernet($0) })
        case CaptureNote.differingRetransmission:
            var packets = whole
            var altered = packets[8]
            altered[altered.count - 1] ^= 0x20
            packets.insert(altered, at: 9)
            return pcap(packets.map { ethernet($0) })
        case CaptureNote.limitExceeded:
            return pcap(connection(response: response + Array(repeating: 0x41, count: 2 << 20), segment: 1400).map { ethernet($0) })
        case CaptureNote.skippedConnection:
            return pcap(connection(request: [0x16, 0x03, 0x01, 0x00, 0x05] + Array(repeating: 1, count: 5),
                                   response: [0x16, 0x03, 0x03, 0x00, 0x01, 2]).map { ethernet($0) })
        default:
            let file = pcap(whole.map { ethernet($0) })
            return Array(file.dropLast(30))
        }
    }

    @Test(arguments: CaptureNote.all)
    func eachCaptureNoteIsACatalogueRuleReportedByTheReader(_ id: String) throws {
        let rule = try #require(RuleCatalogue.rules.first { $0.description.id == id })
        #expect(rule is any InputNoteRule.Type && rule.description.reportedBy != nil && rule.description.category == .capture)
        #expect(RuleDocumentation.explain(rule.description).contains("Reported by the packet-capture reader"))
        let limits = ParserLimits(maxInputSize: 1 << 20)
        let linter = Linter(configuration: .init(limits: limits))
        let file = Self.triggering(id)
        let found = linter.lintInput(named: "e.pcap", bytes: file).flatMap(\.findings).filter { $0.rule == id }
        #expect(!found.isEmpty, "\(id) not reported")
        #expect(found.allSatisfy { $0.severity == rule.description.severity })
        // The near-miss: the whole connection reports no capture rule.
        let clean = linter.lintInput(named: "c.pcap", bytes: Self.pcap(Self.connection().map { Self.ethernet($0) }))
        #expect(!clean.flatMap(\.findings).contains { $0.rule.hasPrefix("capture-") })
        // The configuration takes the id like any rule's: off, or another severity.
        let ignoring = Linter(configuration: .init(ignoredRules: [id], limits: limits))
        #expect(!ignoring.lintInput(named: "e.pcap", bytes: file).flatMap(\.findings).contains { $0.rule == id })
        let rerated = Linter(configuration: .init(severities: [id: .error], limits: limits))
        let again = rerated.lintInput(named: "e.pcap", bytes: file).flatMap(\.findings).filter { $0.rule == id }
        #expect(!again.isEmpty && again.allSatisfy { $0.severity == .error })
    }

    @Test func everyCaptureRuleOfTheCatalogueIsACaptureNote() {
        let ids = RuleCatalogue.rules.map { $0.description }.filter { $0.category == .capture }.map { $0.id }
        #expect(Set(ids) == Set(CaptureNote.all))
        // The linter does not run them on exchanges: their findings come from the reader only.
        let raw = Linter(configuration: .init(profile: .all)).lint(SourceText(name: "r", text: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))
        #expect(!raw.findings.contains { $0.rule.hasPrefix("capture-") })
    }

    // MARK: Never crash

    @Test func truncatedAtEveryOffsetACaptureIsReadUpToWhereItEnds() throws {
        let built = Self.pcap(Self.connection().map { Self.ethernet($0) })
        var pcapng = Self.sectionHeader + Self.interface(1)
        for packet in Self.connection() { pcapng += Self.enhanced(0, Self.ethernet(packet)) }
        // Every offset is read and its connections classified; every 61st is linted whole too
        // (the parsers have their own truncation tests).
        for file in [built, pcapng, try PackageFiles.bytes("Samples/captures/keepalive-ipv6-nginx.pcapng")] {
            for length in 0...file.count {
                guard let capture = PacketCapture(Array(file[..<length]), limit: 1 << 20) else { continue }
                for var connection in capture.connections { _ = ConnectionContent.of(&connection) }
                if length % 61 == 0 { _ = Linter().lintCapture(named: "t.pcap", bytes: Array(file[..<length])) }
            }
        }
        // The capture's own report comes after its connections'.
        let cut = Linter().lintCapture(named: "t.pcap", bytes: Array(built[..<(built.count - 30)]))
        #expect(cut.last?.part == "capture" && cut.last?.findings.first?.rule == "capture-truncated-file")
    }

    /// A capture read piece by piece, `piece` bytes a read.
    static func streamed(_ file: [UInt8], piece: Int, initial: Int = 0) -> PacketCapture? {
        var position = min(initial, file.count)
        let read: (inout [UInt8], Int) throws -> Int = { bytes, count in
            let taken = min(count, piece, file.count - position)
            bytes += file[position..<(position + taken)]
            position += taken
            return taken
        }
        return CaptureFile(initial: Array(file[..<position]), read: read).map { PacketCapture($0, limit: 1 << 20) }
    }

    @Test func readPieceByPieceACaptureCutAnywhereGivesWhatItGivesWhole() throws {
        let built = Self.pcap(Self.connection().map { Self.ethernet($0) })
        var pcapng = Self.sectionHeader + Self.interface(1)
        for packet in Self.connection() { pcapng += Self.enhanced(0, Self.ethernet(packet)) }
        for file in [built, pcapng, try PackageFiles.bytes("Samples/captures/pipelined-duplicated-altered.pcap")] {
            for length in 0...file.count {
                let cut = Array(file[..<length])
                let whole = PacketCapture(cut, limit: 1 << 20)
                let streamed = Self.streamed(cut, piece: 1 + length % 97, initial: length % 5)
                #expect((whole == nil) == (streamed == nil))
                guard let whole, let streamed else { continue }
                let a = whole.connections, b = streamed.connections
                #expect(a.map(\.number) == b.map(\.number))
                #expect(a.map(\.fromClient.bytes) == b.map(\.fromClient.bytes) && a.map(\.fromServer.bytes) == b.map(\.fromServer.bytes))
                // A streamed capture reads its source once: another one to read to the end.
                var readWhole = whole
                var readStreamed = try #require(Self.streamed(cut, piece: 1 + length % 97, initial: length % 5))
                while readWhole.next() != nil {}
                while readStreamed.next() != nil {}
                #expect(readWhole.problem == readStreamed.problem, "\(length): \(readWhole.problem ?? "-") | \(readStreamed.problem ?? "-")")
                #expect(readWhole.packets == readStreamed.packets)
            }
        }
    }

    @Test func aFinishedConnectionIsHandedOutAtOnceAndItsLateSegmentsIgnored() throws {
        // Two connections one after the other, then the first one's last ACK, late.
        let first = Self.connection(), second = Self.connection(clientISN: 90_000, serverISN: 70_000).map { packet in
            // The second from another client port.
            var packet = packet
            if packet[12...15].elementsEqual(Self.client) { packet[20] = 0x9C; packet[21] = 0x41 } else { packet[22] = 0x9C; packet[23] = 0x41 }
            return packet
        }
        let lateACK = Self.ipv4(Self.client, Self.server, Self.tcp(40_000, 80, seq: 1001 + UInt32(Self.request.count) + 1,
                                                                      ack: 5001 + UInt32(Self.response.count) + 1, flags: 0x10))
        var capture = try #require(PacketCapture(Self.pcap((first + second + [lateACK]).map { Self.ethernet($0) }), limit: 1 << 20))
        // The first connection comes out with the packet that ends it (its last FIN), before
        // the second one's packets are read.
        let out = capture.next() ?? []
        #expect(out.map(\.number) == [1] && capture.packets == first.count)
        #expect(out.first?.fromServer.bytes == Self.response)
        let then = capture.next()?.map(\.number)
        #expect(then == [2])
        let last = capture.next()
        #expect(last?.isEmpty == true)  // the late ACK opened nothing
        let end = capture.next()
        #expect(end == nil)
        #expect(capture.connectionCount == 2)
    }

    @Test func reportsComeInConnectionOrderWhateverOrderConnectionsEnd() {
        // Connection 1 opens first but ends last.
        let first = Self.connection(), second = Self.connection(clientISN: 90_000, serverISN: 70_000).map { packet in
            var packet = packet
            if packet[12...15].elementsEqual(Self.client) { packet[20] = 0x9C; packet[21] = 0x41 } else { packet[22] = 0x9C; packet[23] = 0x41 }
            return packet
        }
        let packets = [first[0], first[1]] + second + first.dropFirst(2)
        let reports = Linter().lintInput(named: "o.pcap", bytes: Self.pcap(packets.map { Self.ethernet($0) }))
        #expect(reports.map(\.part) == ["10.0.0.1:40000 → 10.0.0.2:80 #1", "10.0.0.1:40001 → 10.0.0.2:80 #2"])
        var order = InNumberOrder<String>()
        var released: [String] = []
        for (number, value) in [(3, "c"), (1, "a"), (4, nil), (2, "b"), (5, "e")] as [(Int, String?)] {
            order.add(number, value) { released.append($0) }
        }
        #expect(released == ["a", "b", "c", "e"])
    }

    @Test func forgedLengthsAndHeadersAreRefusedWithoutATrap() {
        var generator = SystemRandomNumberGenerator()
        let base = Self.pcap(Self.connection().map { Self.ethernet($0) })
        for _ in 0..<2_000 {
            var file = base
            for _ in 0..<4 { file[Int.random(in: 24..<file.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            _ = Linter().lintCapture(named: "f.pcap", bytes: file)
        }
    }
}
