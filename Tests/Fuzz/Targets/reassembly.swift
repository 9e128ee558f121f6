// Fuzz target: TCP reassembly fed arbitrary segments. The input is read as the two initial
// sequence numbers (8 bytes: wrap-around is reached when they are near 2^32), then segments of
// 4 bytes each: flags and direction, a 16-bit stream offset, a length. Each segment carries the
// bytes of one fixed stream per direction at its offset (unless its "altered" bit is set), so
// every stream put back must be a prefix of its direction's truth, whatever the order,
// overlaps, duplicates, holes, SYNs, FINs and RSTs; and nothing kept passes the limit.
private let limit = 4096
private let client = Endpoint(address: [10, 0, 0, 1], port: 40_000)
private let server = Endpoint(address: [10, 0, 0, 2], port: 80)

/// The byte at `offset` of the stream one side sends.
private func truth(_ offset: Int, fromClient: Bool) -> UInt8 {
    UInt8(truncatingIfNeeded: offset &* 31 &+ (offset >> 8) &+ (fromClient ? 7 : 101))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReassembly(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard bytes.count >= 8 else { return 0 }
    func u32(_ at: Int) -> UInt32 { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) } }
    let isn = (client: u32(0), server: u32(4))
    var reassembler = TCPReassembler(limit: limit)
    var altered = (client: false, server: false)
    var connections: [TCPConnection] = []
    var index = 8, frame = 0
    while index + 4 <= bytes.count {
        let control = bytes[index], offset = Int(bytes[index + 1]) << 8 | Int(bytes[index + 2]), length = Int(bytes[index + 3])
        index += 4
        frame += 1
        let fromClient = control & 0x80 == 0
        // SYN 0x02, FIN 0x01, RST 0x04, ACK 0x10 as on the wire; 0x40: altered bytes.
        let flags = control & 0x17
        let base = fromClient ? isn.client : isn.server
        let syn = flags & 0x02 != 0
        let sequence = syn ? base : base &+ 1 &+ UInt32(offset)
        var payload = (0..<length).map { truth(offset + $0, fromClient: fromClient) }
        if control & 0x40 != 0, !payload.isEmpty {
            payload[0] ^= 0xFF
            if fromClient { altered.client = true } else { altered.server = true }
        }
        let acknowledgement = (fromClient ? isn.server : isn.client) &+ 1 &+ UInt32(truncatingIfNeeded: Int(bytes[index - 3]) << 4)
        reassembler.add(TCPSegment(frame: frame, source: fromClient ? client : server, destination: fromClient ? server : client,
                                   sequence: sequence, acknowledgement: acknowledgement, flags: flags,
                                   payload: ArraySlice(syn ? [] : payload), missing: 0))
        connections += reassembler.takeFinished()
    }
    connections += reassembler.takeOpen()
    var numbers = Set<Int>()
    for var connection in connections {
        precondition(numbers.insert(connection.number).inserted, "a connection handed out twice")
        for (stream, isClient) in [(connection.fromClient, connection.client == client), (connection.fromServer, connection.client != client)] {
            precondition(stream.bytes.count <= limit, "a stream kept past its limit")
            _ = stream.hole
            _ = stream.frame(at: stream.bytes.count / 2)
            // A stream that began at its SYN starts at offset 0 of its side's truth.
            let wasAltered = isClient ? altered.client : altered.server
            if stream.sawSYN, !wasAltered {
                for (offset, byte) in stream.bytes.enumerated() {
                    precondition(byte == truth(offset, fromClient: isClient), "reassembled bytes differ from what was sent")
                }
                precondition(stream.differingCopies == 0, "a difference noted where every copy was the same")
            }
        }
        _ = ConnectionContent.of(&connection)
    }
    precondition(numbers == Set((0..<reassembler.started).map { $0 + 1 }), "every connection handed out once, numbered 1… without a gap")
    return 0
}
