/// One end of a TCP connection: an IPv4 or IPv6 address and a port.
struct Endpoint: Hashable, Comparable, CustomStringConvertible {
    /// 4 bytes (IPv4) or 16 (IPv6).
    let address: [UInt8]
    let port: UInt16

    /// `10.0.0.1:51234`, `[::1]:8080`.
    var description: String {
        address.count == 4 ? "\(address.map(String.init).joined(separator: ".")):\(port)" : "[\(Self.ipv6Text(address))]:\(port)"
    }

    static func < (left: Endpoint, right: Endpoint) -> Bool {
        left.address.lexicographicallyPrecedes(right.address) || (left.address == right.address && left.port < right.port)
    }

    /// RFC 5952 text: lowercase hexadecimal groups, the longest run of two or more zero groups as `::`.
    static func ipv6Text(_ bytes: [UInt8]) -> String {
        guard bytes.count == 16 else { return "" }
        let groups = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
        var best = (start: -1, length: 0)
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else { index += 1; continue }
            var end = index
            while end < 8, groups[end] == 0 { end += 1 }
            if end - index > best.length { best = (index, end - index) }
            index = end
        }
        let hex = groups.map { String($0, radix: 16) }
        guard best.length >= 2 else { return hex.joined(separator: ":") }
        return hex[..<best.start].joined(separator: ":") + "::" + hex[(best.start + best.length)...].joined(separator: ":")
    }
}

/// A TCP segment read from a packet.
struct TCPSegment {
    /// The frame whose packet carried the segment (for a fragmented datagram, the frame that completed it).
    let frame: Int
    let source: Endpoint
    let destination: Endpoint
    let sequence: UInt32
    let acknowledgement: UInt32
    let flags: UInt8
    /// The payload bytes captured.
    let payload: ArraySlice<UInt8>
    /// Payload bytes the segment carried on the wire that the capture left out (its snap length).
    let missing: Int

    static let fin: UInt8 = 0x01, syn: UInt8 = 0x02, rst: UInt8 = 0x04, ack: UInt8 = 0x10
    func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
}

/// Finds the TCP segment in each captured packet: through the link layer (Ethernet with 802.1Q
/// and 802.1ad tags, Linux cooked SLL and SLL2, BSD null and loopback, raw IP), IPv4 (fragments
/// reassembled) and IPv6 (extension headers skipped, fragments reassembled). Checksums are not
/// checked: captures on the sending host hold segments whose checksum the card fills in later.
struct PacketDecoder {
    /// Packets that held no TCP segment we could read, by reason, for the capture's summary.
    private(set) var skipped: [String: Int] = [:]
    /// Link types met that are not read.
    private(set) var unknownLinkTypes: Set<UInt32> = []
    private var fragments: [FragmentKey: FragmentBuffer] = [:]
    private var fragmentOrder: [FragmentKey] = []
    /// Datagrams being reassembled at once; past it, the oldest is dropped.
    static let maxPendingDatagrams = 256

    mutating func segment(in packet: CaptureFile.Packet) -> TCPSegment? {
        guard let ip = network(packet.linkType, packet.data) else { return nil }
        switch ip.byte(0).map({ $0 >> 4 }) {
        case 4: return ipv4(ip, frame: packet.frame)
        case 6: return ipv6(ip, frame: packet.frame)
        default:
            skip("not IP")
            return nil
        }
    }

    private mutating func skip(_ reason: String) { skipped[reason, default: 0] += 1 }

    /// The IP packet inside a link-layer frame.
    private mutating func network(_ linkType: UInt32, _ data: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        switch linkType {
        case 0, 108:  // BSD null (family in the host's byte order) and OpenBSD loopback (network order).
            return data.from(4)
        case 1:  // Ethernet: type at 12, after any VLAN tags (802.1Q, 802.1ad, the older 0x9100).
            var offset = 12
            while let type = data.be16(offset), type == 0x8100 || type == 0x88A8 || type == 0x9100 { offset += 4 }
            return ipPayload(type: data.be16(offset), data.from(offset + 2))
        case 101, 12, 14, 228, 229:  // Raw IP (and its older numbers), raw IPv4, raw IPv6.
            return data
        case 113:  // Linux cooked (SLL): 16 bytes, protocol at 14.
            return ipPayload(type: data.be16(14), data.from(16))
        case 276:  // Linux cooked v2 (SLL2): 20 bytes, protocol at 0.
            return ipPayload(type: data.be16(0), data.from(20))
        default:
            unknownLinkTypes.insert(linkType)
            skip("link type \(linkType)")
            return nil
        }
    }

    private mutating func ipPayload(type: UInt16?, _ data: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard type == 0x0800 || type == 0x86DD else {
            skip("not IP")
            return nil
        }
        return data
    }

    private mutating func ipv4(_ packet: ArraySlice<UInt8>, frame: Int) -> TCPSegment? {
        guard let first = packet.byte(0), let total = packet.be16(2).map(Int.init), let fragment = packet.be16(6),
              let id = packet.be16(4), let proto = packet.byte(9), packet.count >= 20 else {
            skip("cut IPv4 header")
            return nil
        }
        let headerLength = Int(first & 0x0F) * 4
        guard headerLength >= 20, total >= headerLength, packet.count >= headerLength else {
            skip("bad IPv4 header")
            return nil
        }
        guard proto == 6 else {
            skip("not TCP")
            return nil
        }
        let source = Array(packet.from(12).first(4)), destination = Array(packet.from(16).first(4))
        // Ethernet pads short frames: the IP total length says where the datagram ends.
        let payload = packet.first(total).from(headerLength)
        let missing = max(0, total - packet.count)
        let moreFragments = fragment & 0x2000 != 0
        let fragmentOffset = Int(fragment & 0x1FFF) * 8
        if moreFragments || fragmentOffset > 0 {
            guard missing == 0 else {
                skip("IPv4 fragment cut by the snap length")
                return nil
            }
            let key = FragmentKey(source: source, destination: destination, id: UInt32(id), proto: proto)
            guard let whole = reassemble(key, offset: fragmentOffset, more: moreFragments, payload) else { return nil }
            return tcp(whole[...], source: source, destination: destination, missing: 0, frame: frame)
        }
        return tcp(payload, source: source, destination: destination, missing: missing, frame: frame)
    }

    private mutating func ipv6(_ packet: ArraySlice<UInt8>, frame: Int) -> TCPSegment? {
        guard let length = packet.be16(4).map(Int.init), var next = packet.byte(6), packet.count >= 40 else {
            skip("cut IPv6 header")
            return nil
        }
        let source = Array(packet.from(8).first(16)), destination = Array(packet.from(24).first(16))
        var payload = packet.first(40 + length).from(40)
        var missing = max(0, 40 + length - packet.count)
        // Extension headers (RFC 8200 §4): hop-by-hop 0, routing 43, destination options 60,
        // authentication 51 (its length in 4-byte units), fragment 44.
        while next != 6 {
            switch next {
            case 0, 43, 60, 51:
                guard let following = payload.byte(0), let units = payload.byte(1) else {
                    skip("cut IPv6 extension header")
                    return nil
                }
                let size = next == 51 ? (Int(units) + 2) * 4 : (Int(units) + 1) * 8
                guard payload.count >= size else {
                    skip("cut IPv6 extension header")
                    return nil
                }
                next = following
                payload = payload.from(size)
            case 44:
                guard let following = payload.byte(0), let field = payload.be16(2), let id = payload.be32(4) else {
                    skip("cut IPv6 fragment header")
                    return nil
                }
                guard missing == 0 else {
                    skip("IPv6 fragment cut by the snap length")
                    return nil
                }
                let key = FragmentKey(source: source, destination: destination, id: id, proto: following)
                guard let whole = reassemble(key, offset: Int(field & 0xFFF8), more: field & 1 != 0, payload.from(8)) else { return nil }
                next = following
                payload = whole[...]
                missing = 0
            default:
                skip("not TCP")
                return nil
            }
        }
        return tcp(payload, source: source, destination: destination, missing: missing, frame: frame)
    }

    private mutating func tcp(_ data: ArraySlice<UInt8>, source: [UInt8], destination: [UInt8], missing: Int, frame: Int) -> TCPSegment? {
        guard let sourcePort = data.be16(0), let destinationPort = data.be16(2), let sequence = data.be32(4),
              let acknowledgement = data.be32(8), let offsetByte = data.byte(12), let flags = data.byte(13) else {
            skip("cut TCP header")
            return nil
        }
        let headerLength = Int(offsetByte >> 4) * 4
        guard headerLength >= 20 else {
            skip("bad TCP header")
            return nil
        }
        guard data.count >= headerLength else {
            // Only a snap length can cut into a TCP header; the payload then is all missing.
            skip("cut TCP header")
            return nil
        }
        return TCPSegment(frame: frame, source: Endpoint(address: source, port: sourcePort),
                          destination: Endpoint(address: destination, port: destinationPort),
                          sequence: sequence, acknowledgement: acknowledgement, flags: flags,
                          payload: data.from(headerLength), missing: missing)
    }

    // MARK: Fragments

    private struct FragmentKey: Hashable {
        let source: [UInt8]
        let destination: [UInt8]
        let id: UInt32
        let proto: UInt8
    }

    /// A datagram being put together: its bytes, which of them arrived, and its length once
    /// the last fragment told it.
    private struct FragmentBuffer {
        var bytes: [UInt8] = []
        var filled: [Bool] = []
        var total: Int?
        var filledCount = 0
    }

    /// The whole datagram once `payload` completes it. A byte sent twice keeps its first copy.
    private mutating func reassemble(_ key: FragmentKey, offset: Int, more: Bool, _ payload: ArraySlice<UInt8>) -> [UInt8]? {
        let end = offset + payload.count
        guard end <= 65_535 + 8, !(more && payload.count % 8 != 0) || payload.isEmpty else {
            skip("bad IP fragment")
            return nil
        }
        if fragments[key] == nil {
            if fragmentOrder.count >= Self.maxPendingDatagrams {
                let oldest = fragmentOrder.removeFirst()
                fragments[oldest] = nil
                skip("IP datagram never completed")
            }
            fragments[key] = FragmentBuffer()
            fragmentOrder.append(key)
        }
        var buffer = fragments[key]!
        if buffer.bytes.count < end {
            buffer.bytes += repeatElement(0, count: end - buffer.bytes.count)
            buffer.filled += repeatElement(false, count: end - buffer.filled.count)
        }
        for (index, byte) in zip(offset..<end, payload) where !buffer.filled[index] {
            buffer.bytes[index] = byte
            buffer.filled[index] = true
            buffer.filledCount += 1
        }
        if !more { buffer.total = end }
        if let total = buffer.total, buffer.filledCount >= total, buffer.filled[..<total].allSatisfy({ $0 }) {
            fragments[key] = nil
            fragmentOrder.removeAll { $0 == key }
            return Array(buffer.bytes[..<total])
        }
        fragments[key] = buffer
        return nil
    }

    /// Counts the datagrams still waiting for fragments at the end of the capture.
    mutating func finish() {
        if !fragments.isEmpty { skipped["IP datagram never completed", default: 0] += fragments.count }
        fragments = [:]
        fragmentOrder = []
    }
}
