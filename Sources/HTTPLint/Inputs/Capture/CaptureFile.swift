/// Reads the packets of a capture file: classic pcap (either byte order, microsecond or
/// nanosecond timestamps) and pcapng (sections, interface descriptions, enhanced, simple and
/// obsolete packet blocks; each interface with its own link type).
///
/// Every read is bounds-checked: a capture cut anywhere, or forged, gives the packets it
/// holds up to that point and a ``problem`` saying where reading stopped, never a trap.
/// Formats: the pcap file format (draft-ietf-opsawg-pcap) and pcapng (draft-ietf-opsawg-pcapng).
struct CaptureFile {
    enum Format: Equatable { case pcap, pcapng }

    /// One packet as the file holds it.
    struct Packet {
        /// 1-based, in file order: the frame number Wireshark shows.
        let frame: Int
        let linkType: UInt32
        /// The bytes captured (fewer than were on the wire when the snap length cut them).
        let data: ArraySlice<UInt8>
    }

    private(set) var format: Format
    /// The bytes of the file read and not yet passed: the current record or block and what
    /// follows it. Read from ``source`` as they are needed, so that a capture of any size is
    /// held one record (and one read piece) at a time.
    private var reader: ByteReader
    /// Where the first byte of ``reader`` is in the file.
    private var base = 0
    /// Reads more bytes of the file: appends up to the count asked for, returns how many (0 at
    /// the end); `nil` when the whole file is in ``reader`` from the start.
    private let source: ((inout [UInt8], Int) throws -> Int)?
    private var sourceEnded: Bool
    /// The read position in ``reader``.
    private var offset: Int
    private var bigEndian: Bool
    /// pcap: the one link type of the file.
    private var linkType: UInt32 = 0
    /// pcapng: the link type of each interface of the current section, by interface id.
    private var interfaces: [UInt32] = []
    private var frame = 0
    /// Why reading stopped before the end of the file, when it did.
    private(set) var problem: String?
    /// Packets left out because their block named an interface the section did not describe.
    private(set) var packetsWithoutInterface = 0
    /// Whether reading has stopped (at the end of the file, or where it stopped making sense).
    private var finished = false

    /// The most bytes one packet record or block may announce and still be read (real ones
    /// hold one packet: 256 KiB at most). A file that holds a larger one stops there.
    static let maxRecordSize = 64 << 20
    /// How much is read from the source at a time.
    static let readSize = 1 << 20

    /// The format of a file that starts with a capture's magic number.
    static func format(of bytes: [UInt8]) -> Format? {
        guard bytes.count >= 4 else { return nil }
        let head = Array(bytes[0..<4])
        switch head {
        case [0xD4, 0xC3, 0xB2, 0xA1], [0xA1, 0xB2, 0xC3, 0xD4], [0x4D, 0x3C, 0xB2, 0xA1], [0xA1, 0xB2, 0x3C, 0x4D]:
            return .pcap
        case [0x0A, 0x0D, 0x0D, 0x0A]:
            return .pcapng
        default:
            return nil
        }
    }

    /// A reader positioned at the first packet; `nil` when `bytes` do not start with a
    /// capture's magic number or its file header is cut short.
    init?(_ bytes: [UInt8]) {
        self.init(initial: bytes, source: nil)
    }

    /// A reader of a file read piece by piece: `initial` is its start, `read` appends more of
    /// it (up to the count asked for; 0 at the end). A read that fails ends the file there,
    /// with a ``problem`` saying so.
    init?(initial: [UInt8], read: @escaping (inout [UInt8], Int) throws -> Int) {
        self.init(initial: initial, source: read)
    }

    private init?(initial: [UInt8], source: ((inout [UInt8], Int) throws -> Int)?) {
        self.reader = ByteReader(initial)
        self.source = source
        self.sourceEnded = source == nil
        self.offset = 0
        self.bigEndian = false
        self.format = .pcap
        _ = ensure(24)
        guard let format = Self.format(of: Array(reader.bytes.prefix(4))) else { return nil }
        self.format = format
        let bytes = reader.bytes
        switch format {
        case .pcap:
            // File header: magic, version (2 + 2), reserved (4 + 4), snap length, link type.
            guard bytes.count >= 24 else { return nil }
            bigEndian = bytes[0] == 0xA1
            linkType = (reader.u32(20, bigEndian: bigEndian) ?? 0) & 0xFFFF
            offset = 24
        case .pcapng:
            // The section header block's byte-order magic says how the section is written.
            guard let magic = reader.u32(8, bigEndian: true) else { return nil }
            guard magic == 0x1A2B3C4D || magic == 0x4D3C2B1A else { return nil }
            bigEndian = magic == 0x1A2B3C4D
            offset = 0
        }
    }

    /// Makes `count` bytes from the read position available when the file has them (fewer at
    /// its end): the bytes already passed are dropped, and more are read. Whether they are there.
    private mutating func ensure(_ count: Int) -> Bool {
        if reader.bytes.count - offset >= count { return true }
        guard !sourceEnded, let source else { return false }
        var bytes = reader.bytes
        reader = ByteReader([])
        if offset > 0 {
            bytes.removeFirst(offset)
            base += offset
            offset = 0
        }
        while bytes.count < count {
            do {
                if try source(&bytes, max(count - bytes.count, Self.readSize)) == 0 { sourceEnded = true; break }
            } catch {
                problem = "the capture cannot be read past byte \(base + bytes.count): \(error)"
                sourceEnded = true
                break
            }
        }
        reader = ByteReader(bytes)
        return bytes.count >= count
    }

    /// Stops reading: nothing more is returned.
    private mutating func finish() {
        finished = true
        offset = reader.bytes.count
    }

    /// The next packet, or `nil` at the end of the file (or where it stops making sense).
    mutating func next() -> Packet? {
        switch format {
        case .pcap: return nextPCAP()
        case .pcapng: return nextPCAPNG()
        }
    }

    private mutating func nextPCAP() -> Packet? {
        guard !finished else { return nil }
        _ = ensure(16)
        let count = reader.bytes.count
        guard offset < count else { finish(); return nil }
        // Record header: seconds, fraction, captured length, original length.
        guard let captured = reader.u32(offset + 8, bigEndian: bigEndian), reader.has(16, at: offset) else {
            problem = "the capture ends inside the header of packet \(frame + 1), at byte \(base + offset)"
            finish()
            return nil
        }
        frame += 1
        let length = Int(captured)
        let whole = ensure(16 + min(length, Self.maxRecordSize))
        let start = offset + 16
        let present = reader.bytes.count - start
        if length > present {
            if whole {
                problem = "packet \(frame) announces \(length) bytes, more than the \(Self.maxRecordSize) read per packet; reading stops there"
                finish()
                return nil
            }
            problem = "the capture ends inside packet \(frame) (\(length) bytes announced, \(present) present)"
            let data = reader.bytes[start...]
            finish()
            return Packet(frame: frame, linkType: linkType, data: data)
        }
        offset = start + length
        return Packet(frame: frame, linkType: linkType, data: reader.bytes[start..<offset])
    }

    private mutating func nextPCAPNG() -> Packet? {
        while !finished {
            _ = ensure(12)
            let count = reader.bytes.count
            guard offset < count else { finish(); return nil }
            guard let type = reader.u32(offset, bigEndian: bigEndian), let declared = reader.u32(offset + 4, bigEndian: bigEndian) else {
                problem = "the capture ends inside a block header, at byte \(base + offset)"
                finish()
                return nil
            }
            if type == 0x0A0D0D0A {
                // A new section: its own byte order and interfaces.
                guard let magic = reader.u32(offset + 8, bigEndian: true), magic == 0x1A2B3C4D || magic == 0x4D3C2B1A else {
                    problem = "the section header block at byte \(base + offset) has no byte-order magic"
                    finish()
                    return nil
                }
                bigEndian = magic == 0x1A2B3C4D
                interfaces = []
            }
            guard let length = reader.u32(offset + 4, bigEndian: bigEndian).map(Int.init), length >= 12, length % 4 == 0 else {
                problem = "the block at byte \(base + offset) has an impossible length (\(declared))"
                finish()
                return nil
            }
            let whole = ensure(min(length, Self.maxRecordSize))
            let count2 = reader.bytes.count
            let start = offset
            if length > count2 - start, whole {
                problem = "the block at byte \(base + start) announces \(length) bytes, more than the \(Self.maxRecordSize) read per block; reading stops there"
                finish()
                return nil
            }
            // A block cut by the end of the file is read as far as it goes, then reading stops.
            let end = length <= count2 - start ? start + length - 4 : count2
            if end == count2, length > count2 - start {
                problem = "the capture ends inside a block at byte \(base + start) (\(length) bytes announced, \(count2 - start) present)"
                finished = true
            }
            offset = length <= count2 - start ? start + length : count2
            switch type {
            case 1:  // Interface description: link type, reserved, snap length, options.
                if let link = reader.u16(start + 8, bigEndian: bigEndian) { interfaces.append(UInt32(link)) }
            case 6, 2:  // Enhanced packet; obsolete packet (16-bit interface id and a drop count).
                frame += 1
                let interface = type == 6 ? reader.u32(start + 8, bigEndian: bigEndian).map(Int.init)
                                          : reader.u16(start + 8, bigEndian: bigEndian).map(Int.init)
                guard let interface, let captured = reader.u32(start + 20, bigEndian: bigEndian) else { continue }
                guard interface < interfaces.count else {
                    packetsWithoutInterface += 1
                    continue
                }
                let dataStart = start + 28
                guard dataStart <= end else { continue }
                let dataEnd = dataStart + min(Int(captured), end - dataStart)
                return Packet(frame: frame, linkType: interfaces[interface], data: reader.bytes[dataStart..<dataEnd])
            case 3:  // Simple packet: original length, then data as long as the block allows.
                frame += 1
                guard let original = reader.u32(start + 8, bigEndian: bigEndian), start + 12 <= end else { continue }
                guard !interfaces.isEmpty else {
                    packetsWithoutInterface += 1
                    continue
                }
                let dataEnd = start + 12 + min(Int(original), end - (start + 12))
                return Packet(frame: frame, linkType: interfaces[0], data: reader.bytes[(start + 12)..<dataEnd])
            default:
                continue
            }
        }
        return nil
    }
}
