// Fuzz target: arbitrary bytes as a packet capture file, through the whole capture lint (file
// reader, link layers, IP, TCP reassembly, the parsers and every rule). The file is linted held
// whole and again read piece by piece (piece sizes from its last byte): both must give the same
// reports, in the same order.
private let linter = Linter(configuration: .init(profile: .all))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPCAP(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Connections are cut at 2 KiB a direction, so that the limit is reached too.
    let limit = 2048
    let whole = linter.lintCapture(named: "fuzz.pcap", bytes: bytes, streamLimit: limit)
    precondition(!whole.isEmpty, "every capture gives a report or an error")
    let piece = 1 + Int(bytes.last ?? 0) % 61
    var position = 0
    var order = InNumberOrder<InputReport>()
    var streamed: [InputReport] = []
    let isCapture = linter.lintCapture(named: "fuzz.pcap", initial: [], read: { buffer, count in
        let taken = min(count, piece, bytes.count - position)
        buffer += bytes[position..<(position + taken)]
        position += taken
        return taken
    }, streamLimit: limit) { number, report in
        order.add(number, report) { streamed.append($0) }
    }
    if isCapture {
        precondition(streamed.map(\.part) == whole.map(\.part), "read piece by piece, the capture gives other connections")
        precondition(streamed.map(\.findings) == whole.map(\.findings), "read piece by piece, the capture gives other findings")
    } else {
        guard whole.count == 1, case .failed = whole[0].outcome else { preconditionFailure("not a capture, yet linted as one") }
    }
    return 0
}
