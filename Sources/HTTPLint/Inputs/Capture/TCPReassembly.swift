/// The bytes one side of a TCP connection sent, put back in sequence order the way the
/// receiving stack delivers them (RFC 9293 §3.10.7.4): data already received keeps its first
/// copy, out-of-order segments wait for the bytes before them, and nothing is guessed past a
/// hole. Sequence numbers are 32 bits and wrap; each is read relative to the next expected
/// one, so a stream may cross the wrap any number of times.
struct TCPStream {
    /// The bytes delivered so far, from the first one seen; they end at the first hole.
    private(set) var bytes: [UInt8] = []
    /// Where each run of delivered bytes starts and the frame it came in, in stream order.
    private(set) var arrivals: [(offset: Int, frame: Int)] = []
    /// Whether the stream started at a SYN (else the capture began inside the connection).
    private(set) var sawSYN = false
    /// The stream offset of the FIN, and whether a RST ended the connection from this side.
    private(set) var finOffset: Int?
    private(set) var reset = false
    /// The first place a byte arrived twice with different values (first copy kept), and how
    /// many such places there were.
    private(set) var firstDifferingCopy: (offset: Int, firstFrame: Int, laterFrame: Int)?
    private(set) var differingCopies = 0
    /// Whether bytes were refused because the stream reached its limit, and where.
    private(set) var limitReachedAt: Int?
    /// The highest stream offset the other side acknowledged.
    private(set) var acknowledged = 0
    private(set) var firstFrame: Int?

    /// The largest number of bytes kept (delivered plus waiting).
    let limit: Int
    /// The sequence number of the first byte (stream offset 0), once the start is known.
    private var baseSequence: UInt32?
    private var waiting: [(offset: Int, bytes: ArraySlice<UInt8>, frame: Int)] = []
    private var waitingBytes = 0

    init(limit: Int) { self.limit = limit }

    /// Whether any segment of this direction was seen.
    var isStarted: Bool { baseSequence != nil }

    /// Whether this direction is over: a RST, or a FIN with every byte before it delivered
    /// (nothing the capture can still bring would change the stream).
    var isEnded: Bool {
        reset || ((finOffset.map { bytes.count >= $0 } ?? false) && waiting.isEmpty)
    }

    /// The sequence number of the byte after the SYN, when the SYN was seen.
    var synSequence: UInt32? { sawSYN ? baseSequence : nil }

    /// The first hole: where it starts, how many bytes are missing (when known: the bytes
    /// after it arrived, or the FIN or the other side's acknowledgement place its end), and
    /// the frame where data resumes.
    var hole: (offset: Int, length: Int?, resumesAt: Int?)? {
        if let first = waiting.first { return (bytes.count, first.offset - bytes.count, first.frame) }
        let end = max(finOffset ?? 0, acknowledged)
        return end > bytes.count ? (bytes.count, end - bytes.count, nil) : nil
    }

    /// The stream offset of a sequence number, relative to the next expected one.
    func offset(of sequence: UInt32) -> Int? {
        guard let baseSequence else { return nil }
        let nextSequence = baseSequence &+ UInt32(truncatingIfNeeded: bytes.count)
        return bytes.count + Int(Int32(bitPattern: sequence &- nextSequence))
    }

    /// The frame that brought the byte at `offset` (the last run starting at or before it).
    func frame(at offset: Int) -> Int? {
        var low = 0, high = arrivals.count
        while low < high {
            let middle = (low + high) / 2
            if arrivals[middle].offset <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? arrivals[low - 1].frame : arrivals.first?.frame
    }

    /// Takes one segment sent by this side.
    mutating func receive(_ segment: TCPSegment) {
        if firstFrame == nil { firstFrame = segment.frame }
        var sequence = segment.sequence
        if segment.has(TCPSegment.syn) {
            // The SYN takes one sequence number; data (TCP Fast Open) follows it.
            if !sawSYN, bytes.isEmpty, waiting.isEmpty {
                sawSYN = true
                baseSequence = segment.sequence &+ 1
            }
            sequence = sequence &+ 1
        }
        if baseSequence == nil {
            // The capture began inside the connection: this segment's first byte is offset 0.
            baseSequence = sequence
        }
        if segment.has(TCPSegment.rst) {
            // Data on a RST is a diagnostic for the peer, never delivered (RFC 9293 §3.5.3).
            reset = true
            return
        }
        guard let start = offset(of: sequence) else { return }
        if segment.has(TCPSegment.fin) {
            let end = start + segment.payload.count + segment.missing
            if finOffset == nil || end < finOffset! { finOffset = max(end, 0) }
        }
        add(segment.payload, at: start, frame: segment.frame)
    }

    /// Takes the acknowledgement number of a segment the other side sent.
    mutating func acknowledge(_ number: UInt32) {
        guard let at = offset(of: number), at > acknowledged, at <= bytes.count + limit else { return }
        // The FIN takes a sequence number of its own; its acknowledgement is not data.
        acknowledged = finOffset.map { at > $0 ? $0 : at } ?? at
    }

    private mutating func add(_ payload: ArraySlice<UInt8>, at start: Int, frame: Int) {
        var payload = payload
        var start = start
        // Bytes from before the first one seen (a capture begun mid-connection) are not kept.
        if start < 0 {
            payload = payload.from(-start)
            start = 0
        }
        guard !payload.isEmpty else { return }
        // A keep-alive probe: one byte below the next expected, sent again (often as garbage).
        if payload.count == 1, start == bytes.count - 1, waiting.isEmpty { return }
        compareWithDelivered(payload, at: start, frame: frame)
        if start + payload.count <= bytes.count { return }
        if start > bytes.count {
            let end = start + payload.count
            guard end - bytes.count <= limit - bytes.count - waitingBytes, end <= limit else {
                limitReachedAt = min(limitReachedAt ?? start, start)
                return
            }
            // Kept in arrays of their own: a slice would keep the capture's whole read buffer.
            let kept = ArraySlice(Array(payload))
            // Segments after a hole mostly arrive in order: appending is the usual case.
            if let last = waiting.last, last.offset > start {
                let position = waiting.firstIndex { $0.offset > start } ?? waiting.endIndex
                waiting.insert((start, kept, frame), at: position)
            } else {
                waiting.append((start, kept, frame))
            }
            waitingBytes += payload.count
            return
        }
        append(payload.from(bytes.count - start), frame: frame)
        // Segments that were waiting for these bytes follow them now, in order (taken off the
        // queue at once: one by one from its front would move the rest each time).
        var taken = 0
        while taken < waiting.count, waiting[taken].offset <= bytes.count {
            let next = waiting[taken]
            taken += 1
            waitingBytes -= next.bytes.count
            compareWithDelivered(next.bytes, at: next.offset, frame: next.frame)
            if next.offset + next.bytes.count > bytes.count {
                append(next.bytes.from(bytes.count - next.offset), frame: next.frame)
            }
        }
        waiting.removeFirst(taken)
    }

    /// Appends in-order bytes, up to the limit.
    private mutating func append(_ payload: ArraySlice<UInt8>, frame: Int) {
        let room = limit - bytes.count - waitingBytes
        guard room > 0 else {
            limitReachedAt = min(limitReachedAt ?? bytes.count, bytes.count)
            return
        }
        let taken = payload.first(room)
        arrivals.append((bytes.count, frame))
        bytes += taken
        if taken.count < payload.count { limitReachedAt = min(limitReachedAt ?? bytes.count, bytes.count) }
    }

    /// Notes a retransmission whose bytes differ from those already delivered.
    private mutating func compareWithDelivered(_ payload: ArraySlice<UInt8>, at start: Int, frame: Int) {
        let overlapEnd = min(start + payload.count, bytes.count)
        guard start < overlapEnd else { return }
        var index = start
        for byte in payload.first(overlapEnd - start) {
            if bytes[index] != byte {
                differingCopies += 1
                if firstDifferingCopy == nil { firstDifferingCopy = (index, self.frame(at: index) ?? frame, frame) }
                return
            }
            index += 1
        }
    }
}

/// A TCP connection: its two endpoints and the stream each sent.
struct TCPConnection {
    /// 1-based, in the order the connections first appear.
    let number: Int
    /// The endpoint that sent the first SYN (without ACK), or the SYN-ACK's destination; else
    /// the first segment's sender, until content says otherwise.
    var client: Endpoint
    var server: Endpoint
    /// Whether the handshake told which side is the client.
    var clientKnown: Bool
    var fromClient: TCPStream
    var fromServer: TCPStream

    mutating func swapSides() {
        swap(&client, &server)
        swap(&fromClient, &fromServer)
    }

    /// Whether the connection is over: a RST from either side, or each side's FIN with every
    /// byte before it delivered.
    var isFinished: Bool {
        fromClient.reset || fromServer.reset || (fromClient.isEnded && fromServer.isEnded)
    }
}

/// Follows every TCP connection of a capture, segment by segment. A connection that is over
/// (``TCPConnection/isFinished``) is handed out at once (``takeFinished()``) and forgotten but
/// for its four-tuple, so that what is kept is the connections open at once, not the capture.
struct TCPReassembler {
    /// The most bytes kept per direction of one connection.
    let limit: Int
    /// How many connections have been seen (the last one's number).
    private(set) var started = 0
    private var open: [Key: TCPConnection] = [:]
    private var finished: [TCPConnection] = []
    /// The four-tuples of connections handed out, with what tells their own SYN sent again
    /// from a new connection's: late segments of a finished connection (a retransmitted FIN,
    /// the last ACK) are not a new connection.
    private var closed: [Key: Closed] = [:]
    /// The four-tuples of ``closed`` in the order their connections ended (a ring of
    /// ``maxClosed``, each with its serial number): the oldest are forgotten past it, so that this too stays bounded (a late segment comes
    /// within a round trip, not after tens of thousands of connections).
    private var closedOrder: [(key: Key, serial: Int)] = []
    private var closedSerial = 0
    static let maxClosed = 1 << 16

    private struct Key: Hashable {
        let low: Endpoint
        let high: Endpoint
        init(_ a: Endpoint, _ b: Endpoint) { (low, high) = a < b ? (a, b) : (b, a) }
    }

    private struct Closed {
        var serial = 0
        let client: Endpoint
        let clientSYN: UInt32?
        let serverSYN: UInt32?
    }

    init(limit: Int) { self.limit = limit }

    mutating func add(_ segment: TCPSegment) {
        let key = Key(segment.source, segment.destination)
        let isOpening = segment.has(TCPSegment.syn) && !segment.has(TCPSegment.ack)
        var connection: TCPConnection
        if let current = open.removeValue(forKey: key) {
            connection = current
            // A new SYN on a used four-tuple, with another initial sequence number, is a new
            // connection.
            if isOpening, isNewConnection(segment, connection) {
                finished.append(connection)
                connection = start(segment)
            }
        } else if let ended = closed[key] {
            // Only a new connection's SYN reopens a four-tuple whose connection is over.
            guard isOpening else { return }
            let base = segment.source == ended.client ? ended.clientSYN : ended.serverSYN
            if let base, segment.sequence &+ 1 == base { return }
            closed[key] = nil
            connection = start(segment)
        } else {
            connection = start(segment)
        }
        if segment.source == connection.client {
            connection.fromClient.receive(segment)
            if segment.has(TCPSegment.ack) { connection.fromServer.acknowledge(segment.acknowledgement) }
        } else {
            connection.fromServer.receive(segment)
            if segment.has(TCPSegment.ack) { connection.fromClient.acknowledge(segment.acknowledgement) }
        }
        if connection.isFinished {
            remember(key, Closed(client: connection.client, clientSYN: connection.fromClient.synSequence,
                                 serverSYN: connection.fromServer.synSequence))
            finished.append(connection)
        } else {
            open[key] = connection
        }
    }

    private mutating func remember(_ key: Key, _ ended: Closed) {
        var ended = ended
        closedSerial += 1
        ended.serial = closedSerial
        if closedOrder.count < Self.maxClosed {
            closedOrder.append((key, closedSerial))
        } else {
            // The slot of the oldest; the same four-tuple may have ended again since, and then
            // only its last entry forgets it.
            let slot = (closedSerial - 1) % Self.maxClosed
            let oldest = closedOrder[slot]
            if closed[oldest.key]?.serial == oldest.serial { closed[oldest.key] = nil }
            closedOrder[slot] = (key, closedSerial)
        }
        closed[key] = ended
    }

    /// The connections that ended since the last call, in the order they ended.
    mutating func takeFinished() -> [TCPConnection] {
        defer { finished = [] }
        return finished
    }

    /// Every connection still open, by number, as the capture ends; none is kept.
    mutating func takeOpen() -> [TCPConnection] {
        defer { open = [:]; finished = [] }
        return (finished + open.values).sorted { $0.number < $1.number }
    }

    private func isNewConnection(_ segment: TCPSegment, _ connection: TCPConnection) -> Bool {
        let stream = connection.client == segment.source ? connection.fromClient : connection.fromServer
        guard stream.isStarted else { return false }
        return !(stream.sawSYN && stream.offset(of: segment.sequence &+ 1) == 0)
    }

    private mutating func start(_ segment: TCPSegment) -> TCPConnection {
        let synAck = segment.has(TCPSegment.syn) && segment.has(TCPSegment.ack)
        let opening = segment.has(TCPSegment.syn) && !synAck
        let (client, server) = synAck ? (segment.destination, segment.source) : (segment.source, segment.destination)
        started += 1
        return TCPConnection(number: started, client: client, server: server, clientKnown: opening || synAck,
                             fromClient: TCPStream(limit: limit), fromServer: TCPStream(limit: limit))
    }
}
