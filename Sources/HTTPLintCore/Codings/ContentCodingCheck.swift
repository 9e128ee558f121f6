/// Whether content decodes with the content codings it is labelled with (RFC 9110 §8.4.1):
/// `gzip` and `x-gzip` (RFC 1952), `deflate` (zlib data, RFC 1950) and the DEFLATE data inside
/// both (RFC 1951), `br` (RFC 7932) and `zstd` (Zstandard frames, RFC 8878, with the 8 MB
/// window of RFC 9659). Each layer is decoded and, for gzip, deflate and zstd, its checksum
/// and length compared (brotli data carries neither); nothing of the decoded content is kept
/// beyond what an inner layer needs.
///
/// Codings httplint cannot decode (`compress`, unregistered ones) end the check without a
/// verdict, as do decoding more than ``outputLimit`` bytes and a zstd frame that needs a
/// dictionary (``noVerdict`` says why). Only the first gzip member is read, and bytes after the
/// end of gzip, deflate or brotli data are not judged (none of those formats says what a
/// decoder does with them); zstd content is every frame it holds, so bytes after the last are.
public struct ContentCodingCheck: Sendable, Equatable {
    /// What is wrong and, when it shows at a known byte of the checked content, its index there.
    public struct Problem: Sendable, Equatable {
        public let message: String
        public let offset: Int?
    }

    /// Why the content does not decode, if it does not.
    public private(set) var problem: Problem?
    /// A `deflate` layer sent as raw DEFLATE data without the zlib wrapper, which decoded.
    public private(set) var rawDeflate: Problem?
    /// Whether every layer was decoded and checked.
    public private(set) var isComplete = false
    /// Whether the check gave up because the content decodes to more than its limit
    /// (``outputLimit`` unless given): then nothing is known of whether it decodes.
    public private(set) var stoppedAtLimit = false
    /// Why a layer httplint decodes was not decoded, when one was not: a zstd frame that needs
    /// a dictionary. Then nothing is known of whether the content decodes.
    public private(set) var noVerdict: String?
    /// The content with every layer undone, when asked for (`keepingDecoded`), every layer
    /// decoded and it is no longer than asked.
    public private(set) var decoded: [UInt8]?

    /// The most bytes decoded per response (all layers together): past it the check stops
    /// without a verdict, so that a small response cannot make httplint decode gigabytes.
    public static let outputLimit = 128 << 20

    /// The codings httplint decodes, by the names they are listed with (in lowercase).
    public static func isDecodable(_ coding: String) -> Bool {
        Layer(coding) != nil
    }

    private enum Layer {
        case gzip, deflate, br, zstd, identity

        init?(_ name: String) {
            switch name.asciiLowercased() {
            case "gzip", "x-gzip": self = .gzip
            case "deflate": self = .deflate
            case "br": self = .br
            case "identity": self = .identity
            case "zstd": self = .zstd
            default: return nil
            }
        }
    }

    /// Checks `content` labelled with `codings` in the order they were applied (the order of
    /// Content-Encoding), keeping up to `keepingDecoded` bytes of what it decodes to.
    public init(content: UnsafeBufferPointer<UInt8>, codings: [String], limit: Int = outputLimit, keepingDecoded: Int = 0) {
        let named = codings.map { (name: $0, layer: Layer($0)) }
        let layers = named.filter { $0.layer != .identity }
        var remaining = limit
        var data: [UInt8]? = nil
        // The last coding applied is undone first.
        for (position, (name, layer)) in layers.enumerated().reversed() {
            guard let layer else { return }
            // An inner layer that can be decoded needs this one's output (bounded by the
            // limit); the innermost keeps what was asked.
            let keep = position > 0 ? (layers[position - 1].layer != nil ? Int.max : 0) : keepingDecoded
            let context = layers.count > 1 ? " (the \(Self.ordinal(position + 1)) of \(layers.count) codings, '\(name)')" : ""
            let outcome: LayerOutcome
            if let input = data {
                outcome = input.withUnsafeBufferPointer { Self.decode(layer, $0, keep: keep, limit: remaining) }
            } else {
                outcome = Self.decode(layer, content, keep: keep, limit: remaining)
            }
            let isOutermost = data == nil
            switch outcome {
            case .unchecked:
                stoppedAtLimit = true
                return
            case .noVerdict(let reason):
                noVerdict = reason + context
                return
            case .problem(let message, let offset):
                problem = Problem(message: message + context, offset: isOutermost ? offset : nil)
                return
            case .decoded(let output, let produced, let raw):
                if raw { rawDeflate = Problem(message: "the deflate content is raw DEFLATE data without the zlib wrapper" + context, offset: isOutermost ? 0 : nil) }
                remaining -= produced
                data = output
            }
        }
        isComplete = true
        if keepingDecoded > 0 { decoded = data }
    }

    private enum LayerOutcome {
        case decoded(output: [UInt8]?, produced: Int, rawDeflate: Bool)
        case problem(String, offset: Int?)
        case unchecked
        case noVerdict(String)
    }

    /// Decodes one layer, keeping up to `keep` bytes of its output (none past that).
    private static func decode(_ layer: Layer, _ data: UnsafeBufferPointer<UInt8>, keep: Int, limit: Int) -> LayerOutcome {
        switch layer {
        case .gzip: gzip(data, keep: keep, limit: limit)
        case .deflate: zlib(data, keep: keep, limit: limit)
        case .br: brotli(data, keep: keep, limit: limit)
        case .identity: .decoded(output: data.count <= keep ? Array(data) : nil, produced: 0, rawDeflate: false)
        case .zstd: zstd(data, keep: keep, limit: limit)
        }
    }

    /// The decoded bytes of one layer, up to a length.
    private struct Output {
        let keep: Int
        var bytes: [UInt8]? = []

        init(keep: Int) {
            self.keep = keep
            if keep == 0 { bytes = nil }
        }

        mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
            guard let count = bytes?.count else { return }
            if count + piece.count > keep { bytes = nil } else { bytes!.append(contentsOf: piece) }
        }
    }

    // MARK: gzip (RFC 1952)

    private static func gzip(_ data: UnsafeBufferPointer<UInt8>, keep: Int, limit: Int) -> LayerOutcome {
        guard data.count >= 2, data[0] == 0x1F, data[1] == 0x8B else {
            return .problem("the content is labelled gzip but does not start with gzip's magic bytes 1F 8B: \(describeStart(data))", offset: 0)
        }
        guard data.count >= 10 else { return .problem("the content ends inside the 10-byte gzip header", offset: data.count) }
        guard data[2] == 8 else {
            return .problem("the gzip header gives compression method \(data[2]); 8 (deflate) is the only one defined", offset: 2)
        }
        let flags = data[3]
        guard flags & 0xE0 == 0 else {
            return .problem("the gzip header sets reserved flag bits (flags 0x\(hex(flags))), which a decoder must refuse", offset: 3)
        }
        var index = 10
        if flags & 0x04 != 0 {
            guard index + 2 <= data.count else { return .problem("the content ends inside the gzip header's extra field", offset: data.count) }
            index += 2 + Int(data[index]) | Int(data[index + 1]) << 8
            guard index <= data.count else { return .problem("the content ends inside the gzip header's extra field", offset: data.count) }
        }
        for (flag, what) in [(UInt8(0x08), "file name"), (0x10, "comment")] where flags & flag != 0 {
            while index < data.count, data[index] != 0 { index += 1 }
            guard index < data.count else { return .problem("the content ends inside the gzip header's \(what)", offset: data.count) }
            index += 1
        }
        if flags & 0x02 != 0 {
            guard index + 2 <= data.count else { return .problem("the content ends inside the gzip header's CRC-16", offset: data.count) }
            let sent = UInt32(data[index]) | UInt32(data[index + 1]) << 8
            let actual = Checksums.crc32(UnsafeBufferPointer(rebasing: data[..<index])) & 0xFFFF
            guard sent == actual else {
                return .problem("the gzip header's CRC-16 is 0x\(hex(sent, width: 4)) but the header's bytes give 0x\(hex(actual, width: 4))", offset: index)
            }
            index += 2
        }
        var crc: UInt32 = 0
        var output = Output(keep: keep)
        let (outcome, produced) = Inflate.decode(data, from: index, limit: limit) { piece in
            crc = Checksums.crc32(piece, continuing: crc)
            output.append(piece)
        }
        switch outcome {
        case .limitReached:
            return .unchecked
        case .truncated:
            return .problem("the gzip data is cut short: the content ends inside the compressed data, after \(produced) decoded bytes", offset: data.count)
        case .invalid(let reason, let offset):
            return .problem("the gzip data is corrupt: its DEFLATE data has \(reason), \(offset - index) bytes into it", offset: offset)
        case .complete(let end):
            guard end + 8 <= data.count else {
                return .problem("the gzip data is cut short: the content ends before the 8-byte trailer (CRC-32 and length) after the compressed data", offset: data.count)
            }
            let sentCRC = littleEndian32(data, at: end)
            let sentSize = littleEndian32(data, at: end + 4)
            guard sentCRC == crc else {
                return .problem("the gzip trailer's CRC-32 is 0x\(hex(sentCRC, width: 8)) but the decoded data's is 0x\(hex(crc, width: 8))", offset: end)
            }
            guard sentSize == UInt32(truncatingIfNeeded: produced) else {
                return .problem("the gzip trailer gives the decoded length as \(sentSize) bytes but the data decodes to \(produced)", offset: end + 4)
            }
            return .decoded(output: output.bytes, produced: produced, rawDeflate: false)
        }
    }

    // MARK: deflate (zlib, RFC 1950)

    private static func zlib(_ data: UnsafeBufferPointer<UInt8>, keep: Int, limit: Int) -> LayerOutcome {
        var output = Output(keep: keep)
        var adler: UInt32 = 1
        let sink = { (piece: UnsafeBufferPointer<UInt8>) in
            adler = Checksums.adler32(piece, continuing: adler)
            output.append(piece)
        }
        let hasHeader = data.count >= 2 && data[0] & 0x0F == 8 && data[0] >> 4 <= 7 && (UInt16(data[0]) << 8 | UInt16(data[1])) % 31 == 0
        guard hasHeader else {
            // Some servers send the DEFLATE data alone (RFC 9110 §8.4.1.2 notes it); clients
            // that meet no zlib header try it that way.
            let (outcome, produced) = Inflate.decode(data, from: 0, limit: limit, sink: sink)
            switch outcome {
            case .complete: return .decoded(output: output.bytes, produced: produced, rawDeflate: true)
            case .limitReached: return .unchecked
            case .truncated, .invalid:
                return .problem("the content is labelled deflate but is neither zlib data (RFC 1950) nor raw DEFLATE data: \(describeStart(data))", offset: 0)
            }
        }
        guard data[1] & 0x20 == 0 else {
            return .problem("the zlib data needs a preset dictionary (FDICT set), which HTTP gives no way to agree on", offset: 1)
        }
        let (outcome, produced) = Inflate.decode(data, from: 2, limit: limit, sink: sink)
        switch outcome {
        case .limitReached:
            return .unchecked
        case .truncated:
            return .problem("the deflate data is cut short: the content ends inside the compressed data, after \(produced) decoded bytes", offset: data.count)
        case .invalid(let reason, let offset):
            return .problem("the deflate data is corrupt: its DEFLATE data has \(reason), \(offset - 2) bytes into it", offset: offset)
        case .complete(let end):
            guard end + 4 <= data.count else {
                return .problem("the deflate data is cut short: the content ends before the zlib trailer (Adler-32) after the compressed data", offset: data.count)
            }
            let sent = UInt32(data[end]) << 24 | UInt32(data[end + 1]) << 16 | UInt32(data[end + 2]) << 8 | UInt32(data[end + 3])
            guard sent == adler else {
                return .problem("the zlib trailer's Adler-32 is 0x\(hex(sent, width: 8)) but the decoded data's is 0x\(hex(adler, width: 8))", offset: end)
            }
            return .decoded(output: output.bytes, produced: produced, rawDeflate: false)
        }
    }

    // MARK: br (RFC 7932)

    private static func brotli(_ data: UnsafeBufferPointer<UInt8>, keep: Int, limit: Int) -> LayerOutcome {
        var output = Output(keep: keep)
        let (outcome, produced) = Brotli.decode(data, from: 0, limit: limit) { output.append($0) }
        // Brotli data has no magic bytes: say so when what failed looks like text sent as is.
        let hint = looksUncompressed(data) ? "; \(describeStart(data))" : ""
        switch outcome {
        case .limitReached:
            return .unchecked
        case .truncated:
            return .problem("the br data is cut short: the content ends inside the compressed data, after \(produced) decoded bytes" + hint, offset: data.count)
        case .invalid(let reason, let offset):
            return .problem("the content is labelled br but does not decode: \(reason), \(offset) bytes in" + hint, offset: offset)
        case .complete:
            return .decoded(output: output.bytes, produced: produced, rawDeflate: false)
        }
    }

    // MARK: zstd (RFC 8878, RFC 9659)

    private static func zstd(_ data: UnsafeBufferPointer<UInt8>, keep: Int, limit: Int) -> LayerOutcome {
        let magic: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]
        let startsWithFrame = data.count >= 4 && (Array(data.prefix(4)) == magic || (data[0] & 0xF0 == 0x50 && Array(data[1..<4]) == [0x2A, 0x4D, 0x18]))
        guard startsWithFrame else {
            if data.count < 4, Array(data) == Array(magic.prefix(data.count)) {
                return .problem("the zstd data is cut short: the content ends inside the first frame's magic number", offset: data.count)
            }
            return .problem("the content is labelled zstd but does not start with a Zstandard frame's magic bytes 28 B5 2F FD: \(describeStart(data))", offset: 0)
        }
        var output = Output(keep: keep)
        let (outcome, produced) = Zstandard.decode(data, limit: limit) { output.append($0) }
        switch outcome {
        case .limitReached:
            return .unchecked
        case .truncated:
            return .problem("the zstd data is cut short: the content ends inside a frame, after \(produced) decoded bytes", offset: data.count)
        case .invalid(let reason, let offset):
            return .problem("the zstd data is corrupt: it has \(reason), \(offset) bytes into it", offset: offset)
        case .checksumMismatch(let sent, let actual, let offset):
            return .problem("the zstd frame's content checksum is 0x\(hex(sent, width: 8)) but the low 32 bits of the decoded data's XXH64 are 0x\(hex(actual, width: 8))", offset: offset)
        case .needsDictionary(let id, _):
            return .noVerdict("a zstd frame names dictionary \(id) (RFC 8878 §3.1.1.1.3), which httplint does not have, so the content was not decoded")
        case .windowTooLarge(let size, let offset):
            return .problem("the zstd frame needs a window of \(size) bytes, more than the 8 MB (\(Zstandard.httpWindowLimit) bytes) the zstd content coding allows: RFC 9659 §3 says encoders MUST NOT generate such frames, and decoders, required to support only 8 MB, fail them as invalid (§4)", offset: offset)
        case .complete(let end):
            guard end == data.count else {
                return .problem("the zstd data is followed by \(data.count - end) bytes that are not a Zstandard frame: \(describeStart(UnsafeBufferPointer(rebasing: data[end...])))", offset: end)
            }
            return .decoded(output: output.bytes, produced: produced, rawDeflate: false)
        }
    }

    // MARK: Messages

    /// Whether the first bytes (up to 16) are all printable ASCII, tab or line ends.
    private static func looksUncompressed(_ data: UnsafeBufferPointer<UInt8>) -> Bool {
        let head = data.prefix(16)
        return !head.isEmpty && head.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// The first bytes, and whether they look like uncompressed text.
    private static func describeStart(_ data: UnsafeBufferPointer<UInt8>) -> String {
        let head = Array(data.prefix(16))
        guard !head.isEmpty else { return "it is empty" }
        let bytes = head.map { hex($0) }.joined(separator: " ")
        return "it starts with \(bytes)" + (looksUncompressed(data) ? " ('\(Printable.escape(head))'), which looks uncompressed" : "")
    }

    private static func littleEndian32(_ data: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        UInt32(data[index]) | UInt32(data[index + 1]) << 8 | UInt32(data[index + 2]) << 16 | UInt32(data[index + 3]) << 24
    }

    private static func hex<T: BinaryInteger>(_ value: T, width: Int = 2) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func ordinal(_ number: Int) -> String {
        switch number {
        case 1: "first"
        case 2: "second"
        case 3: "third"
        default: "\(number)th"
        }
    }
}
