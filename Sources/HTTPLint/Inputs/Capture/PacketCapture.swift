/// A packet capture read packet by packet into its TCP connections, each handed out with the
/// two streams its sides sent as soon as it is over (``next()``): what is held is the
/// connections open at once, each up to its limit, and the record being read.
struct PacketCapture {
    private var file: CaptureFile
    private var decoder = PacketDecoder()
    private var reassembler: TCPReassembler
    private var ended = false
    private(set) var packets = 0

    /// Reads `bytes` (held whole); `nil` when they are not a pcap or pcapng capture.
    ///
    /// - Parameter limit: the most bytes kept per direction of a connection.
    init?(_ bytes: [UInt8], limit: Int) {
        guard let file = CaptureFile(bytes) else { return nil }
        self.init(file, limit: limit)
    }

    init(_ file: CaptureFile, limit: Int) {
        self.file = file
        self.reassembler = TCPReassembler(limit: limit)
    }

    /// Every connection of the capture, by number (read to the end, on a copy: a capture read
    /// from a source reads it once): for tests.
    var connections: [TCPConnection] {
        var reading = self
        var all: [TCPConnection] = []
        while let some = reading.next() { all += some }
        return all.sorted { $0.number < $1.number }
    }

    /// The connections that are over after the next packets (at least one), or at the end of
    /// the file every one still open, by number; `nil` once everything was handed out.
    mutating func next() -> [TCPConnection]? {
        guard !ended else { return nil }
        while let packet = file.next() {
            packets += 1
            guard let segment = decoder.segment(in: packet) else { continue }
            reassembler.add(segment)
            let finished = reassembler.takeFinished()
            if !finished.isEmpty { return finished }
        }
        decoder.finish()
        ended = true
        return reassembler.takeOpen()
    }

    /// Why reading stopped before the end of the file, when it did.
    var problem: String? { file.problem }
    /// How many TCP connections were seen so far.
    var connectionCount: Int { reassembler.started }
    /// Packets that held no TCP segment, by reason.
    var skipped: [String: Int] {
        var skipped = decoder.skipped
        if file.packetsWithoutInterface > 0 { skipped["no interface description", default: 0] += file.packetsWithoutInterface }
        return skipped
    }
}

/// Hands on values numbered 1, 2, 3… in that order, whatever order they come in: a value is
/// held only until those numbered before it have come.
struct InNumberOrder<Value> {
    private var next = 1
    private var held: [Int: Value?] = [:]

    /// Takes value `number` (`nil`: nothing to hand on for it) and hands on every value now due.
    mutating func add(_ number: Int, _ value: Value?, release: (Value) -> Void) {
        held[number] = .some(value)
        while let entry = held.removeValue(forKey: next) {
            if let value = entry { release(value) }
            next += 1
        }
    }
}

/// What a connection carries, as far as its first bytes tell.
enum ConnectionContent: Equatable {
    /// HTTP/1.x: the client's stream from `clientStart` (a request line), the server's from
    /// `serverStart` (0, or for a capture begun inside the connection, the first status line
    /// after that request arrived).
    case http(clientStart: Int, serverStart: Int)
    /// A TLS record from either side: encrypted.
    case tls
    /// The HTTP/2 connection preface.
    case http2
    /// No data either way (a handshake only, a refused connection).
    case empty
    /// Anything else.
    case other

    /// Decides what `connection` carries, and for a connection whose handshake was not seen,
    /// which side is the client (the one that sends a request line); the sides are swapped then.
    static func of(_ connection: inout TCPConnection) -> ConnectionContent {
        if connection.fromClient.bytes.isEmpty && connection.fromServer.bytes.isEmpty { return .empty }
        if !connection.clientKnown, !startsRequest(connection.fromClient.bytes, at: 0), startsRequest(connection.fromServer.bytes, at: 0) {
            connection.swapSides()
        }
        let client = connection.fromClient.bytes, server = connection.fromServer.bytes
        if isTLS(client) || isTLS(server) { return .tls }
        if client.starts(with: Array("PRI * HTTP/2.0\r\n".utf8)) { return .http2 }
        // RFC 9112 §2.2: empty lines before a request line are ignored.
        let emptyLines = client.prefix(64).prefix { $0 == 0x0D || $0 == 0x0A }.count
        if startsRequest(client, at: emptyLines) { return .http(clientStart: 0, serverStart: serverStart(connection, after: 0)) }
        // A capture begun inside the connection: the first request line at the start of a line.
        guard !connection.fromClient.sawSYN else { return .other }
        var position = 0
        let searchEnd = min(client.count, 1 << 20)
        while let lineFeed = ByteSearch.first(0x0A, in: client, position..<searchEnd) {
            position = lineFeed + 1
            if startsRequest(client, at: position) {
                return .http(clientStart: position, serverStart: serverStart(connection, after: position))
            }
        }
        return .other
    }

    /// Where the server's answers start: at 0 when its stream began with the connection;
    /// otherwise at the first status line (at the start of a line) whose first byte arrived
    /// after the client's first whole request did.
    private static func serverStart(_ connection: TCPConnection, after clientStart: Int) -> Int {
        let server = connection.fromServer.bytes
        if connection.fromServer.sawSYN || server.isEmpty { return 0 }
        let requestFrame = connection.fromClient.frame(at: clientStart) ?? 0
        var position = 0
        while position < server.count {
            if server[position...].starts(with: Array("HTTP/1.".utf8)), (connection.fromServer.frame(at: position) ?? 0) > requestFrame {
                return position
            }
            guard let lineFeed = ByteSearch.first(0x0A, in: server, position..<server.count) else { break }
            position = lineFeed + 1
        }
        return server.count
    }

    /// A TLS record header: handshake (22) or alert (21), version 3.x.
    static func isTLS(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && (bytes[0] == 0x16 || bytes[0] == 0x15) && bytes[1] == 0x03 && bytes[2] <= 0x04
    }

    /// Whether a request line starts at `position`: a method (token characters), a space, a
    /// target without spaces or controls, a space, `HTTP/` digit `.` digit, then CR or LF.
    static func startsRequest(_ bytes: [UInt8], at position: Int) -> Bool {
        var index = position
        let end = min(bytes.count, position + 65_536)
        while index < end, bytes[index].isHTTPTokenCharacter { index += 1 }
        guard index > position, index < end, bytes[index] == 0x20 else { return false }
        index += 1
        let target = index
        while index < end, bytes[index] > 0x20, bytes[index] != 0x7F { index += 1 }
        guard index > target, index < end, bytes[index] == 0x20 else { return false }
        index += 1
        let version = Array("HTTP/".utf8)
        guard index + 8 <= end, Array(bytes[index..<(index + 5)]) == version else { return false }
        let major = bytes[index + 5], dot = bytes[index + 6], minor = bytes[index + 7]
        guard major >= 0x30, major <= 0x39, dot == 0x2E, minor >= 0x30, minor <= 0x39 else { return false }
        return index + 8 == end ? false : bytes[index + 8] == 0x0D || bytes[index + 8] == 0x0A
    }
}
