/// A Zstandard decoder (RFC 8878) made to check compressed content rather than keep it: the
/// decoded bytes go to a sink a block at a time, and only the frame's window (as far back as a
/// match can reach) stays in memory. Every frame of the input is read in turn (RFC 8878 §3.1
/// lets frames follow one another), skippable frames are passed over, and each frame's content
/// checksum and content size, when it gives them, are compared with what it decodes to.
///
/// Every read is bounds-checked and every count is checked before it is used, so that no input
/// makes the decoder trap, read outside the input or hold more than its window and one block.
public enum Zstandard {
    /// How decoding ended.
    public enum Outcome: Equatable, Sendable {
        /// The input ended after a whole frame, or the next bytes are not the start of a frame;
        /// `end` is the index of the first input byte after the last frame.
        case complete(end: Int)
        /// The input ended inside a frame, or before any frame.
        case truncated
        /// The data breaks the format; `offset` is the index of the input byte where it shows.
        case invalid(String, offset: Int)
        /// More than the limit was decoded; the rest was not read.
        case limitReached
        /// A frame decoded, but the content checksum it carries at `offset` (the low 32 bits
        /// of the XXH64 of its content) is not that of what it decoded to.
        case checksumMismatch(sent: UInt32, actual: UInt32, offset: Int)
        /// A frame needs a dictionary (its Dictionary_ID, RFC 8878 §3.1.1.1.3), which only
        /// the parties that agreed on it have: the frame cannot be decoded here.
        case needsDictionary(id: UInt32, offset: Int)
        /// A frame needs a window larger than the `maximumWindow` given (RFC 9659 §3 sets 8 MB
        /// for HTTP's `zstd` coding); it was not decoded.
        case windowTooLarge(size: UInt64, offset: Int)
    }

    /// The magic number that starts a Zstandard frame, least byte first: 28 B5 2F FD.
    static let frameMagic: UInt32 = 0xFD2F_B528
    /// The largest a block's content and decoded size may be (RFC 8878 §3.1.1.2.3).
    static let maximumBlock = 128 << 10
    /// The largest window HTTP's `zstd` content coding uses (RFC 9659 §3).
    public static let httpWindowLimit = 8 << 20

    /// Decodes the Zstandard frames from `start` in `input`, handing the decoded bytes to
    /// `sink` in order; stops once more than `limit` bytes are decoded, and refuses a frame
    /// that needs a window larger than `maximumWindow`.
    ///
    /// - Returns: how decoding ended and how many bytes were decoded (all handed to `sink`).
    public static func decode(_ input: UnsafeBufferPointer<UInt8>, from start: Int = 0, limit: Int = .max,
                              maximumWindow: Int = httpWindowLimit,
                              sink: (UnsafeBufferPointer<UInt8>) -> Void) -> (outcome: Outcome, produced: Int) {
        var decoder = Decoder(input: input, position: max(0, start), limit: limit, maximumWindow: maximumWindow)
        defer { decoder.release() }
        do throws(Stop) {
            let end = try decoder.run(sink)
            return (.complete(end: end), decoder.produced)
        } catch {
            switch error {
            case .truncated: return (.truncated, decoder.produced)
            case .limit: return (.limitReached, decoder.produced)
            case .invalid(let reason, let offset): return (.invalid(reason, offset: min(max(0, offset), input.count)), decoder.produced)
            case .dictionary(let id, let offset): return (.needsDictionary(id: id, offset: offset), decoder.produced)
            case .window(let size, let offset): return (.windowTooLarge(size: size, offset: offset), decoder.produced)
            case .checksum(let sent, let actual, let offset): return (.checksumMismatch(sent: sent, actual: actual, offset: offset), decoder.produced)
            }
        }
    }

    /// ``decode(_:from:limit:maximumWindow:sink:)`` for an array.
    public static func decode(_ input: [UInt8], from start: Int = 0, limit: Int = .max, maximumWindow: Int = httpWindowLimit,
                              sink: (UnsafeBufferPointer<UInt8>) -> Void) -> (outcome: Outcome, produced: Int) {
        input.withUnsafeBufferPointer { decode($0, from: start, limit: limit, maximumWindow: maximumWindow, sink: sink) }
    }

    enum Stop: Error {
        case truncated
        case invalid(String, Int)
        case limit
        case dictionary(UInt32, Int)
        case window(UInt64, Int)
        case checksum(UInt32, UInt32, Int)
    }

    // MARK: Sequence codes (RFC 8878 §3.1.1.3.2.1)

    /// The baseline and extra bits of each literals length code (0–35).
    static let literalsLengthBase: [UInt32] = Array(0...15) + [16, 18, 20, 22, 24, 28, 32, 40, 48, 64, 128, 256, 512,
                                                                1024, 2048, 4096, 8192, 16384, 32768, 65536]
    static let literalsLengthBits: [UInt8] = [UInt8](repeating: 0, count: 16) + [1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9,
                                                                                 10, 11, 12, 13, 14, 15, 16]
    /// The baseline and extra bits of each match length code (0–52).
    static let matchLengthBase: [UInt32] = Array(3...34) + [35, 37, 39, 41, 43, 47, 51, 59, 67, 83, 99, 131, 259, 515,
                                                            1027, 2051, 4099, 8195, 16387, 32771, 65539]
    static let matchLengthBits: [UInt8] = [UInt8](repeating: 0, count: 32) + [1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 7, 8, 9,
                                                                              10, 11, 12, 13, 14, 15, 16]

    // The predefined distributions (RFC 8878 §3.1.1.3.2.2), -1 for "less than 1".
    static let literalsLengthTable = FSETable(predefined: [4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2,
                                                           2, 2, 2, 3, 2, 1, 1, 1, 1, 1, -1, -1, -1, -1], log: 6)
    static let matchLengthTable = FSETable(predefined: [1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                                        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                                        1, 1, -1, -1, -1, -1, -1, -1, -1], log: 6)
    static let offsetTable = FSETable(predefined: [1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                                   -1, -1, -1, -1, -1], log: 5)

    // MARK: FSE tables (RFC 8878 §4.1)

    /// One state of an FSE decoding table: the symbol it gives, and how the next state is
    /// found (the baseline plus as many bits as `bits` says).
    struct FSEEntry {
        var symbol: UInt8
        var bits: UInt8
        var baseline: UInt16
    }

    struct FSETable {
        var log: Int
        var entries: [FSEEntry]

        /// A table of one state giving `symbol` (RLE mode).
        init(single symbol: UInt8) {
            log = 0
            entries = [FSEEntry(symbol: symbol, bits: 0, baseline: 0)]
        }

        init(predefined counts: [Int16], log: Int) {
            // The predefined distributions are valid; the force is on constants.
            self = try! FSETable(counts: counts, log: log)
        }

        /// Builds the decoding table of a normalized distribution (§4.1.1): the symbols of
        /// "less than 1" take the last states, the others are spread over the rest.
        init(counts: [Int16], log: Int) throws(Stop) {
            let size = 1 << log
            var symbols = [UInt8](repeating: 0, count: size)
            var high = size - 1
            var next = [Int](repeating: 0, count: counts.count)
            for (symbol, count) in counts.enumerated() {
                if count == -1 {
                    guard high >= 0 else { throw .invalid("an FSE distribution with more states than its table", 0) }
                    symbols[high] = UInt8(truncatingIfNeeded: symbol)
                    high -= 1
                    next[symbol] = 1
                } else {
                    next[symbol] = Int(count)
                }
            }
            let step = (size >> 1) + (size >> 3) + 3
            let mask = size - 1
            var position = 0
            for (symbol, count) in counts.enumerated() where count > 0 {
                for _ in 0..<Int(count) {
                    symbols[position] = UInt8(truncatingIfNeeded: symbol)
                    repeat { position = (position + step) & mask } while position > high
                }
            }
            guard position == 0 else { throw .invalid("an FSE distribution that does not fill its table", 0) }
            var entries = [FSEEntry](repeating: FSEEntry(symbol: 0, bits: 0, baseline: 0), count: size)
            for state in 0..<size {
                let symbol = Int(symbols[state])
                let nextState = next[symbol]
                next[symbol] += 1
                let bits = log - (Int.bitWidth - 1 - nextState.leadingZeroBitCount)
                entries[state] = FSEEntry(symbol: UInt8(truncatingIfNeeded: symbol), bits: UInt8(truncatingIfNeeded: bits),
                                          baseline: UInt16(truncatingIfNeeded: (nextState << bits) - size))
            }
            self.log = log
            self.entries = entries
        }

        /// Reads a table description (§4.1.1) at `start` in `data` (up to `end`); returns the
        /// table and the index after the description.
        static func read(_ data: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, maximumLog: Int,
                         maximumSymbol: Int) throws(Stop) -> (FSETable, Int) {
            var bits = ForwardBits(data: data, position: start * 8, end: end)
            let log = Int(try bits.read(4)) + 5
            guard log <= maximumLog else {
                throw .invalid("an FSE table description with accuracy log \(log), more than the \(maximumLog) allowed", start)
            }
            var remaining = (1 << log) + 1
            var threshold = 1 << log
            var width = log + 1
            var counts: [Int16] = []
            while remaining > 1 {
                guard counts.count <= maximumSymbol else {
                    throw .invalid("an FSE table description with more symbols than the alphabet has", start)
                }
                let largest = 2 * threshold - 1 - remaining
                var value: Int
                let low = Int(try bits.peek(width - 1))
                if low < largest {
                    value = low
                    bits.skip(width - 1)
                } else {
                    value = Int(try bits.peek(width))
                    if value >= threshold { value -= largest }
                    bits.skip(width)
                }
                let count = value - 1
                remaining -= count < 0 ? 1 : count
                counts.append(Int16(count))
                if count == 0 {
                    // Runs of symbols with probability 0: two bits at a time, 3 meaning more.
                    while true {
                        let repeats = Int(try bits.read(2))
                        counts += [Int16](repeating: 0, count: repeats)
                        guard counts.count <= maximumSymbol + 1 else {
                            throw .invalid("an FSE table description with more symbols than the alphabet has", start)
                        }
                        if repeats != 3 { break }
                    }
                }
                while remaining < threshold, threshold > 1 {
                    width -= 1
                    threshold >>= 1
                }
            }
            guard remaining == 1, counts.count <= maximumSymbol + 1 else {
                throw .invalid("an FSE table description whose probabilities do not add up to its table size", start)
            }
            let table = try FSETable(counts: counts, log: log)
            return (table, (bits.position + 7) / 8)
        }
    }

    // MARK: Bit streams

    /// Bits read from the least significant bit of the first byte on (FSE table
    /// descriptions); reading past `end` is an error.
    struct ForwardBits {
        let data: UnsafeBufferPointer<UInt8>
        var position: Int
        let end: Int

        func peek(_ count: Int) throws(Stop) -> UInt64 {
            guard position + count <= end * 8 else { throw .invalid("an FSE table description that runs past its end", end) }
            var value: UInt64 = 0
            var taken = 0
            var bit = position
            while taken < count {
                let byte = UInt64(data[bit >> 3]) >> UInt64(bit & 7)
                let available = min(8 - (bit & 7), count - taken)
                value |= (byte & ((1 << UInt64(available)) - 1)) << UInt64(taken)
                taken += available
                bit += available
            }
            return value
        }

        mutating func skip(_ count: Int) { position += count }

        mutating func read(_ count: Int) throws(Stop) -> UInt64 {
            let value = try peek(count)
            position += count
            return value
        }
    }

    /// A stream read backwards from its last bit (§4.1, §4.2.2): the last byte's highest set
    /// bit marks where it starts; bits asked for before the first byte read as zeros and make
    /// ``isOverread`` true.
    struct BackwardBits {
        let base: UnsafePointer<UInt8>
        let count: Int
        /// How many bits are left to read.
        var position: Int

        /// The stream of `count` bytes at `start` in `data`, which the caller has checked lie
        /// inside it.
        init(_ data: UnsafeBufferPointer<UInt8>, start: Int, count: Int, offset: Int) throws(Stop) {
            guard count > 0, let address = data.baseAddress else { throw .invalid("an empty bitstream", offset) }
            base = address + start
            self.count = count
            let last = base[count - 1]
            guard last != 0 else { throw .invalid("a bitstream whose last byte has no end mark (it is 0)", offset + count - 1) }
            position = (count - 1) * 8 + (7 - last.leadingZeroBitCount)
        }

        var isOverread: Bool { position < 0 }
        var isEmpty: Bool { position == 0 }

        /// Up to 8 bytes from `index` on, least first; bytes past the end read as 0.
        @inline(__always) private func load(_ index: Int) -> UInt64 {
            if index + 8 <= count {
                return UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian
            }
            var value: UInt64 = 0
            var shift: UInt64 = 0
            var at = index
            while at < count {
                value |= UInt64(base[at]) << shift
                shift += 8
                at += 1
            }
            return value
        }

        /// The next `width` bits (at most 56) without reading them.
        @inline(__always) func peek(_ width: Int) -> UInt64 {
            guard width > 0 else { return 0 }
            let low = position - width
            if low >= 0 {
                return (load(low >> 3) >> UInt64(low & 7)) & ((1 << UInt64(width)) - 1)
            }
            let present = position
            guard present > 0 else { return 0 }
            return (load(0) & ((1 << UInt64(present)) - 1)) << UInt64(-low)
        }

        @inline(__always) mutating func read(_ width: Int) -> UInt64 {
            let value = peek(width)
            position -= width
            return value
        }
    }

    // MARK: Huffman (RFC 8878 §4.2)

    struct HuffmanTable {
        /// Indexed by the next `maximumBits` bits: the symbol and how many bits its code takes.
        var symbols: [UInt8]
        var lengths: [UInt8]
        var maximumBits: Int

        /// Builds the table of a tree description's weights, the last weight already added.
        init(weights: [UInt8], maximumBits: Int) {
            let size = 1 << maximumBits
            symbols = [UInt8](repeating: 0, count: size)
            lengths = [UInt8](repeating: 0, count: size)
            self.maximumBits = maximumBits
            var position = 0
            for weight in 1...maximumBits {
                for (symbol, w) in weights.enumerated() where Int(w) == weight {
                    let span = 1 << (weight - 1)
                    for index in position..<min(size, position + span) {
                        symbols[index] = UInt8(truncatingIfNeeded: symbol)
                        lengths[index] = UInt8(truncatingIfNeeded: maximumBits + 1 - weight)
                    }
                    position += span
                }
            }
        }

        /// Reads a tree description (§4.2.1) at `start` (up to `end`); returns the table and
        /// the index after it.
        static func read(_ data: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) throws(Stop) -> (HuffmanTable, Int) {
            guard start < end else { throw .invalid("a literals section that ends before its Huffman tree description", start) }
            let header = Int(data[start])
            var weights: [UInt8] = []
            var next: Int
            if header >= 128 {
                let count = header - 127
                let size = (count + 1) / 2
                guard start + 1 + size <= end else { throw .invalid("a Huffman tree description that runs past its block", start) }
                for index in 0..<count {
                    let byte = data[start + 1 + index / 2]
                    weights.append(index % 2 == 0 ? byte >> 4 : byte & 0x0F)
                }
                next = start + 1 + size
            } else {
                let size = header
                guard size > 0, start + 1 + size <= end else {
                    throw .invalid("a Huffman tree description that runs past its block", start)
                }
                let (table, afterTable) = try FSETable.read(data, at: start + 1, end: start + 1 + size, maximumLog: 6, maximumSymbol: 255)
                guard afterTable < start + 1 + size else {
                    throw .invalid("a Huffman tree description with no room for its weights after the FSE table", start)
                }
                var bits = try BackwardBits(data, start: afterTable, count: start + 1 + size - afterTable, offset: afterTable)
                var first = Int(bits.read(table.log))
                var second = Int(bits.read(table.log))
                guard !bits.isOverread else { throw .invalid("a Huffman tree description whose weights stream is too short", start) }
                // Two states take turns until the stream is read past its start.
                while true {
                    guard weights.count < 255 else { throw .invalid("a Huffman tree description with more than 255 weights", start) }
                    var entry = table.entries[first]
                    weights.append(entry.symbol)
                    first = Int(entry.baseline) + Int(bits.read(Int(entry.bits)))
                    if bits.isOverread {
                        weights.append(table.entries[second].symbol)
                        break
                    }
                    guard weights.count < 255 else { throw .invalid("a Huffman tree description with more than 255 weights", start) }
                    entry = table.entries[second]
                    weights.append(entry.symbol)
                    second = Int(entry.baseline) + Int(bits.read(Int(entry.bits)))
                    if bits.isOverread {
                        weights.append(table.entries[first].symbol)
                        break
                    }
                }
                next = start + 1 + size
            }
            guard weights.count <= 255 else { throw .invalid("a Huffman tree description with more than 255 weights", start) }
            var total = 0
            for weight in weights {
                guard weight <= 11 else { throw .invalid("a Huffman weight of \(weight), more than 11", start) }
                if weight > 0 { total += 1 << (Int(weight) - 1) }
            }
            guard total > 0 else { throw .invalid("a Huffman tree description with every weight 0", start) }
            let maximumBits = Int.bitWidth - total.leadingZeroBitCount
            guard maximumBits <= 11 else { throw .invalid("a Huffman code longer than 11 bits", start) }
            let rest = (1 << maximumBits) - total
            guard rest > 0, rest & (rest - 1) == 0 else {
                throw .invalid("Huffman weights that leave no power of 2 for the last symbol", start)
            }
            weights.append(UInt8(rest.trailingZeroBitCount + 1))
            return (HuffmanTable(weights: weights, maximumBits: maximumBits), next)
        }

        /// Decodes the stream of `count` bytes at `start` into `output` (exactly `size`
        /// symbols, which must use up the stream).
        func decode(_ data: UnsafeBufferPointer<UInt8>, start: Int, count: Int, into output: UnsafeMutablePointer<UInt8>,
                    size: Int) throws(Stop) {
            var bits = try BackwardBits(data, start: start, count: count, offset: start)
            try symbols.withUnsafeBufferPointer { (symbols) throws(Stop) in
                try lengths.withUnsafeBufferPointer { (lengths) throws(Stop) in
                    for index in 0..<size {
                        let key = Int(bits.peek(maximumBits))
                        output[index] = symbols[key]
                        bits.position -= Int(lengths[key])
                        if bits.position < 0 { throw .invalid("a Huffman-coded literals stream that is too short", start) }
                    }
                }
            }
            guard bits.isEmpty else { throw .invalid("a Huffman-coded literals stream with bits left over", start) }
        }
    }

    // MARK: The window

    /// The decoded bytes a match can still reach, in one growing buffer: the oldest are
    /// dropped once more than the window and a margin are held.
    struct Window {
        var bytes: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var count = 0

        init() {
            capacity = 1 << 16
            bytes = .allocate(capacity: capacity)
        }

        func release() { bytes.deallocate() }

        /// Makes room for `more` bytes after those held, keeping at least the last `keep`:
        /// older bytes are dropped when that frees enough room, else the buffer grows. It
        /// stays within about twice the window and a block.
        mutating func reserve(_ more: Int, keeping window: Int) {
            if count + more <= capacity { return }
            let keep = min(count, window)
            let drop = count - keep
            if keep + more <= capacity, drop >= capacity / 8 {
                bytes.update(from: bytes + drop, count: keep)
                count = keep
                return
            }
            var newCapacity = capacity
            while newCapacity < keep + more { newCapacity *= 2 }
            if newCapacity == capacity { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: bytes + drop, count: keep)
            bytes.deallocate()
            bytes = grown
            count = keep
            capacity = newCapacity
        }
    }

    // MARK: Decoding

    struct Decoder {
        let input: UnsafeBufferPointer<UInt8>
        var position: Int
        let limit: Int
        let maximumWindow: Int
        var produced = 0
        var window = Window()

        // Per frame.
        var windowSize = 0
        var frameProduced = 0
        var repeats: (Int, Int, Int) = (1, 4, 8)
        var huffman: HuffmanTable?
        var literalsLengths: FSETable?
        var offsets: FSETable?
        var matchLengths: FSETable?
        var hash = XXHash64()
        /// The literals of the block being decoded.
        let literals = UnsafeMutablePointer<UInt8>.allocate(capacity: maximumBlock)

        init(input: UnsafeBufferPointer<UInt8>, position: Int, limit: Int, maximumWindow: Int) {
            self.input = input
            self.position = position
            self.limit = limit
            self.maximumWindow = maximumWindow
        }

        func release() {
            window.release()
            literals.deallocate()
        }

        func byte(_ index: Int) -> UInt8 { input[index] }

        func littleEndian(_ index: Int, _ size: Int) -> UInt64 {
            var value: UInt64 = 0
            for offset in 0..<size { value |= UInt64(input[index + offset]) << UInt64(8 * offset) }
            return value
        }

        /// Decodes every frame; returns the index after the last.
        mutating func run(_ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(Stop) -> Int {
            var frames = 0
            while true {
                let remaining = input.count - position
                if frames > 0, remaining == 0 { return position }
                guard remaining >= 4 else {
                    if frames == 0 { throw .truncated }
                    // A piece of a magic number is a frame cut short; other bytes are not a frame.
                    let magic: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]
                    if (0..<remaining).allSatisfy({ input[position + $0] == magic[$0] }) { throw .truncated }
                    return position
                }
                let magic = UInt32(truncatingIfNeeded: littleEndian(position, 4))
                if magic == frameMagic {
                    try frame(sink)
                } else if magic & 0xFFFF_FFF0 == 0x184D_2A50 {
                    guard remaining >= 8 else { throw .truncated }
                    let size = Int(littleEndian(position + 4, 4))
                    guard size <= remaining - 8 else { throw .truncated }
                    position += 8 + size
                } else if frames == 0 {
                    throw .invalid("no Zstandard frame at the start: the first 4 bytes are not the magic number 28 B5 2F FD", position)
                } else {
                    return position
                }
                frames += 1
            }
        }

        /// One frame (§3.1.1), from its magic number to its checksum.
        mutating func frame(_ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(Stop) {
            let start = position
            guard input.count - start >= 5 else { throw .truncated }
            let descriptor = byte(start + 4)
            let sizeFlag = Int(descriptor >> 6)
            let singleSegment = descriptor & 0x20 != 0
            let hasChecksum = descriptor & 0x04 != 0
            let dictionaryFlag = Int(descriptor & 0x03)
            guard descriptor & 0x08 == 0 else {
                throw .invalid("a frame header descriptor with its reserved bit set (0x\(String(descriptor, radix: 16)))", start + 4)
            }
            let dictionarySize = [0, 1, 2, 4][dictionaryFlag]
            let sizeSize = [singleSegment ? 1 : 0, 2, 4, 8][sizeFlag]
            var index = start + 5
            let headerEnd = index + (singleSegment ? 0 : 1) + dictionarySize + sizeSize
            guard headerEnd <= input.count else { throw .truncated }
            var declaredWindow: UInt64 = 0
            if !singleSegment {
                let descriptor = byte(index)
                let log = 10 + UInt64(descriptor >> 3)
                let base: UInt64 = 1 << log
                declaredWindow = base + (base / 8) * UInt64(descriptor & 7)
                index += 1
            }
            let dictionary = UInt32(truncatingIfNeeded: littleEndian(index, dictionarySize))
            index += dictionarySize
            var contentSize: UInt64? = nil
            if sizeSize > 0 {
                contentSize = littleEndian(index, sizeSize) + (sizeSize == 2 ? 256 : 0)
            }
            index = headerEnd
            if singleSegment { declaredWindow = contentSize ?? 0 }
            // A dictionary's ID of 0 means none.
            if dictionary != 0 { throw .dictionary(dictionary, start) }
            guard declaredWindow <= UInt64(maximumWindow) else { throw .window(declaredWindow, start) }
            windowSize = Int(declaredWindow)
            position = index
            frameProduced = 0
            repeats = (1, 4, 8)
            huffman = nil
            literalsLengths = nil
            offsets = nil
            matchLengths = nil
            hash = XXHash64()
            let blockMaximum = min(windowSize, maximumBlock)
            while true {
                guard input.count - position >= 3 else { throw .truncated }
                let blockStart = position
                let header = Int(littleEndian(position, 3))
                let isLast = header & 1 != 0
                let type = (header >> 1) & 3
                let size = header >> 3
                position += 3
                switch type {
                case 0:
                    guard size <= blockMaximum else {
                        throw .invalid("a raw block of \(size) bytes, more than the \(blockMaximum) the frame allows", blockStart)
                    }
                    guard input.count - position >= size else { throw .truncated }
                    window.reserve(size, keeping: windowSize)
                    (window.bytes + window.count).update(from: input.baseAddress! + position, count: size)
                    position += size
                    try emit(size, sink)
                case 1:
                    guard size <= blockMaximum else {
                        throw .invalid("an RLE block of \(size) bytes, more than the \(blockMaximum) the frame allows", blockStart)
                    }
                    guard input.count - position >= 1 else { throw .truncated }
                    window.reserve(size, keeping: windowSize)
                    (window.bytes + window.count).initialize(repeating: byte(position), count: size)
                    position += 1
                    try emit(size, sink)
                case 2:
                    // What a block decodes to is held to the frame's Block_Maximum_Size; its
                    // compressed content only to 128 KB, as the reference decoder does (a tiny
                    // single-segment frame may carry a compressed block longer than its content).
                    guard size <= maximumBlock else {
                        throw .invalid("a compressed block of \(size) bytes, more than 128 KB", blockStart)
                    }
                    guard input.count - position >= size else { throw .truncated }
                    let made = try compressedBlock(start: position, end: position + size, maximum: blockMaximum)
                    position += size
                    try emit(made, sink)
                default:
                    throw .invalid("a block of the reserved type 3", blockStart)
                }
                if isLast { break }
            }
            if let contentSize, contentSize != UInt64(frameProduced) {
                throw .invalid("a frame whose header gives its content size as \(contentSize) bytes but which decodes to \(frameProduced)", start)
            }
            if hasChecksum {
                guard input.count - position >= 4 else { throw .truncated }
                let sent = UInt32(truncatingIfNeeded: littleEndian(position, 4))
                let actual = UInt32(truncatingIfNeeded: hash.digest())
                guard sent == actual else { throw .checksum(sent, actual, position) }
                position += 4
            }
        }

        /// Hands the last `count` bytes of the window to the sink.
        mutating func emit(_ count: Int, _ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(Stop) {
            let piece = UnsafeBufferPointer(start: window.bytes + window.count, count: count)
            window.count += count
            frameProduced += count
            produced += count
            hash.update(piece)
            sink(piece)
            if produced > limit { throw .limit }
        }

        /// Decodes a compressed block (§3.1.1.3) into the window, after what it holds; returns
        /// how many bytes it decoded to.
        mutating func compressedBlock(start: Int, end: Int, maximum: Int) throws(Stop) -> Int {
            let (literalCount, afterLiterals) = try literalsSection(start: start, end: end, maximum: maximum)
            // The sequences section header (§3.1.1.3.2.1).
            var index = afterLiterals
            guard index < end else { throw .invalid("a compressed block that ends before its sequences section", index) }
            let first = Int(byte(index))
            var sequenceCount: Int
            if first < 128 {
                sequenceCount = first
                index += 1
            } else if first < 255 {
                guard index + 2 <= end else { throw .invalid("a sequences section header cut short", index) }
                sequenceCount = (first - 128) << 8 + Int(byte(index + 1))
                index += 2
            } else {
                guard index + 3 <= end else { throw .invalid("a sequences section header cut short", index) }
                sequenceCount = Int(byte(index + 1)) + Int(byte(index + 2)) << 8 + 0x7F00
                index += 3
            }
            window.reserve(maximum, keeping: windowSize)
            if sequenceCount == 0 {
                guard index == end else { throw .invalid("a block with bytes after its literals and no sequences", index) }
                (window.bytes + window.count).update(from: literals, count: literalCount)
                return literalCount
            }
            guard index < end else { throw .invalid("a sequences section header cut short", index) }
            let modes = byte(index)
            guard modes & 3 == 0 else { throw .invalid("symbol compression modes with the reserved bits set", index) }
            index += 1
            literalsLengths = try table(mode: Int(modes >> 6), previous: literalsLengths, predefined: literalsLengthTable,
                                        maximumLog: 9, maximumSymbol: 35, index: &index, end: end, what: "literals lengths")
            offsets = try table(mode: Int(modes >> 4) & 3, previous: offsets, predefined: offsetTable,
                                maximumLog: 8, maximumSymbol: 31, index: &index, end: end, what: "offsets")
            matchLengths = try table(mode: Int(modes >> 2) & 3, previous: matchLengths, predefined: matchLengthTable,
                                     maximumLog: 9, maximumSymbol: 52, index: &index, end: end, what: "match lengths")
            guard index < end else { throw .invalid("a compressed block with no bitstream for its sequences", index) }
            return try sequences(count: sequenceCount, literalCount: literalCount, start: index, end: end, maximum: maximum)
        }

        /// The table one of the three symbol kinds uses, by its mode (§3.1.1.3.2.1.1).
        func table(mode: Int, previous: FSETable?, predefined: FSETable, maximumLog: Int, maximumSymbol: Int,
                   index: inout Int, end: Int, what: String) throws(Stop) -> FSETable {
            switch mode {
            case 0:
                return predefined
            case 1:
                guard index < end else { throw .invalid("the RLE symbol of the \(what) missing", index) }
                let symbol = byte(index)
                guard Int(symbol) <= maximumSymbol else { throw .invalid("an RLE \(what) code of \(symbol), more than \(maximumSymbol)", index) }
                index += 1
                return FSETable(single: symbol)
            case 2:
                do {
                    let (table, next) = try FSETable.read(input, at: index, end: end, maximumLog: maximumLog, maximumSymbol: maximumSymbol)
                    index = next
                    return table
                } catch {
                    if case .invalid(let reason, _) = error { throw .invalid(reason + " (\(what))", index) }
                    throw error
                }
            default:
                guard let previous else { throw .invalid("the repeat mode for the \(what) with no table to repeat", index) }
                return previous
            }
        }

        /// The literals section (§3.1.1.3.1), decoded into ``literals``; returns their count and
        /// the index after the section.
        mutating func literalsSection(start: Int, end: Int, maximum: Int) throws(Stop) -> (Int, Int) {
            guard start < end else { throw .invalid("a compressed block with no literals section header", start) }
            let first = Int(byte(start))
            let type = first & 3
            let format = (first >> 2) & 3
            if type < 2 {
                var size: Int
                var headerSize: Int
                switch format {
                case 0, 2: (size, headerSize) = (first >> 3, 1)
                case 1: (size, headerSize) = (first >> 4, 2)
                default: (size, headerSize) = (first >> 4, 3)
                }
                guard start + headerSize <= end else { throw .invalid("a literals section header cut short", start) }
                if headerSize >= 2 { size += Int(byte(start + 1)) << 4 }
                if headerSize == 3 { size += Int(byte(start + 2)) << 12 }
                guard size <= maximum else { throw .invalid("\(size) literals in a block of at most \(maximum) bytes", start) }
                let body = start + headerSize
                if type == 0 {
                    guard body + size <= end else { throw .invalid("raw literals that run past their block", start) }
                    literals.update(from: input.baseAddress! + body, count: size)
                    return (size, body + size)
                }
                guard body < end else { throw .invalid("RLE literals with no byte to repeat", start) }
                let value = byte(body)
                literals.update(repeating: value, count: size)
                return (size, body + 1)
            }
            let headerSize = [3, 3, 4, 5][format]
            let fieldBits = [10, 10, 14, 18][format]
            guard start + headerSize <= end else { throw .invalid("a literals section header cut short", start) }
            let header = Int(littleEndian(start, headerSize))
            let mask = (1 << fieldBits) - 1
            let size = (header >> 4) & mask
            let compressedSize = (header >> (4 + fieldBits)) & mask
            let streams = format == 0 ? 1 : 4
            guard size <= maximum else { throw .invalid("\(size) literals in a block of at most \(maximum) bytes", start) }
            let body = start + headerSize
            guard compressedSize <= end - body else { throw .invalid("compressed literals that run past their block", start) }
            let bodyEnd = body + compressedSize
            var streamStart = body
            if type == 2 {
                let (table, next) = try HuffmanTable.read(input, at: body, end: bodyEnd)
                huffman = table
                streamStart = next
            }
            guard let table = huffman else { throw .invalid("treeless literals with no earlier Huffman tree in the frame", start) }
            let output = literals
            if streams == 1 {
                try table.decode(input, start: streamStart, count: bodyEnd - streamStart, into: output, size: size)
            } else {
                guard bodyEnd - streamStart >= 6 else { throw .invalid("a jump table cut short", streamStart) }
                let sizes = (0..<3).map { Int(littleEndian(streamStart + 2 * $0, 2)) }
                var at = streamStart + 6
                let last = bodyEnd - at - sizes.reduce(0, +)
                guard last >= 0 else { throw .invalid("Huffman streams longer than their literals section", streamStart) }
                let piece = (size + 3) / 4
                guard size >= 3 * piece else { throw .invalid("too few literals for four Huffman streams", start) }
                for (number, length) in (sizes + [last]).enumerated() {
                    let count = number < 3 ? piece : size - 3 * piece
                    try table.decode(input, start: at, count: length, into: output + number * piece, size: count)
                    at += length
                }
            }
            return (size, bodyEnd)
        }

        /// Copies `count` bytes that do not overlap: short runs a byte at a time, where a call
        /// to memmove would cost more than the copy.
        @inline(__always) static func copy(_ target: UnsafeMutablePointer<UInt8>, from source: UnsafePointer<UInt8>, count: Int) {
            if count > 32 {
                target.update(from: source, count: count)
                return
            }
            var index = 0
            while index < count {
                target[index] = source[index]
                index += 1
            }
        }

        /// Decodes the sequences and executes them (§3.1.1.3.2.2, §3.1.2), after the window's
        /// bytes; returns how many bytes the block decodes to.
        mutating func sequences(count: Int, literalCount: Int, start: Int, end: Int, maximum: Int) throws(Stop) -> Int {
            guard let literalsLengths, let offsets, let matchLengths else { return 0 }
            var bits = try BackwardBits(input, start: start, count: end - start, offset: start)
            var literalsState = Int(bits.read(literalsLengths.log))
            var offsetState = Int(bits.read(offsets.log))
            var matchState = Int(bits.read(matchLengths.log))
            let output = window.bytes + window.count
            var made = 0
            var literalAt = 0
            var (first, second, third) = repeats
            let literalBase = literals
            // The code tables, read once rather than through their lazy globals each time.
            let (literalsBase, literalsBits) = (literalsLengthBase, literalsLengthBits)
            let (matchBase, matchBits) = (matchLengthBase, matchLengthBits)
            do {
                for number in 0..<count {
                    let literalsEntry = literalsLengths.entries[literalsState]
                    let offsetEntry = offsets.entries[offsetState]
                    let matchEntry = matchLengths.entries[matchState]
                    let offsetCode = Int(offsetEntry.symbol)
                    let matchCode = Int(matchEntry.symbol)
                    let literalsCode = Int(literalsEntry.symbol)
                    guard offsetCode <= 31 else { throw .invalid("an offset code of \(offsetCode)", start) }
                    let offsetValue = (1 << offsetCode) + Int(bits.read(offsetCode))
                    let matchLength = Int(matchBase[matchCode]) + Int(bits.read(Int(matchBits[matchCode])))
                    let literalsLength = Int(literalsBase[literalsCode]) + Int(bits.read(Int(literalsBits[literalsCode])))
                    // Repeat offsets (§3.1.2.5).
                    var offset: Int
                    if offsetValue > 3 {
                        offset = offsetValue - 3
                        (first, second, third) = (offset, first, second)
                    } else {
                        let choice = literalsLength == 0 ? offsetValue : offsetValue - 1
                        switch choice {
                        case 0: offset = first
                        case 1:
                            offset = second
                            (first, second) = (second, first)
                        case 2:
                            offset = third
                            (first, second, third) = (third, first, second)
                        default:
                            offset = first - 1
                            guard offset > 0 else { throw .invalid("a repeat offset of 0", start) }
                            (first, second, third) = (offset, first, second)
                        }
                    }
                    if number < count - 1 {
                        literalsState = Int(literalsEntry.baseline) + Int(bits.read(Int(literalsEntry.bits)))
                        matchState = Int(matchEntry.baseline) + Int(bits.read(Int(matchEntry.bits)))
                        offsetState = Int(offsetEntry.baseline) + Int(bits.read(Int(offsetEntry.bits)))
                    }
                    guard !bits.isOverread else { throw .invalid("a sequences bitstream that is too short", start) }
                    guard literalsLength <= literalCount - literalAt else {
                        throw .invalid("sequences that use more literals than the block has", start)
                    }
                    guard made + literalsLength + matchLength <= maximum else {
                        throw .invalid("a block that decodes to more than its \(maximum)-byte maximum", start)
                    }
                    Self.copy(output + made, from: literalBase + literalAt, count: literalsLength)
                    literalAt += literalsLength
                    made += literalsLength
                    let reach = frameProduced + made
                    guard offset <= reach, offset <= windowSize else {
                        throw .invalid("a match \(offset) bytes back, \(offset > windowSize ? "past the frame's \(windowSize)-byte window" : "before the frame's start")", start)
                    }
                    var from = output + made - offset
                    var to = output + made
                    if offset >= matchLength {
                        Self.copy(to, from: from, count: matchLength)
                    } else {
                        for _ in 0..<matchLength {
                            to.pointee = from.pointee
                            to += 1
                            from += 1
                        }
                    }
                    made += matchLength
                }
                guard bits.isEmpty else { throw .invalid("a sequences bitstream with bits left over", start) }
                let rest = literalCount - literalAt
                guard made + rest <= maximum else { throw .invalid("a block that decodes to more than its \(maximum)-byte maximum", start) }
                (output + made).update(from: literalBase + literalAt, count: rest)
                made += rest
            }
            repeats = (first, second, third)
            return made
        }
    }
}

/// XXH64 (the hash a Zstandard frame's content checksum is taken from, RFC 8878 §3.1.1),
/// fed piece by piece.
public struct XXHash64: Sendable {
    static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var lanes: (UInt64, UInt64, UInt64, UInt64)
    private var pending: [UInt8] = []
    private var length: UInt64 = 0
    private let seed: UInt64

    public init(seed: UInt64 = 0) {
        self.seed = seed
        lanes = (seed &+ Self.prime1 &+ Self.prime2, seed &+ Self.prime2, seed, seed &- Self.prime1)
    }

    @inline(__always) static func round(_ accumulator: UInt64, _ lane: UInt64) -> UInt64 {
        rotate(accumulator &+ lane &* prime2, 31) &* prime1
    }

    @inline(__always) static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        value << count | value >> (64 - count)
    }

    @inline(__always) static func lane(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        base.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
    }

    public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        length &+= UInt64(bytes.count)
        var index = 0
        if !pending.isEmpty {
            let take = min(32 - pending.count, bytes.count)
            pending.append(contentsOf: UnsafeBufferPointer(start: base, count: take))
            index = take
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { stripe(UnsafeRawPointer($0.baseAddress!)) }
            pending.removeAll(keepingCapacity: true)
        }
        let raw = UnsafeRawPointer(base)
        while bytes.count - index >= 32 {
            stripe(raw + index)
            index += 32
        }
        if index < bytes.count { pending.append(contentsOf: UnsafeBufferPointer(start: base + index, count: bytes.count - index)) }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update($0) }
    }

    @inline(__always) private mutating func stripe(_ pointer: UnsafeRawPointer) {
        lanes.0 = Self.round(lanes.0, Self.lane(pointer, 0))
        lanes.1 = Self.round(lanes.1, Self.lane(pointer, 8))
        lanes.2 = Self.round(lanes.2, Self.lane(pointer, 16))
        lanes.3 = Self.round(lanes.3, Self.lane(pointer, 24))
    }

    public func digest() -> UInt64 {
        var hash: UInt64
        if length >= 32 {
            hash = Self.rotate(lanes.0, 1) &+ Self.rotate(lanes.1, 7) &+ Self.rotate(lanes.2, 12) &+ Self.rotate(lanes.3, 18)
            for lane in [lanes.0, lanes.1, lanes.2, lanes.3] {
                hash = (hash ^ Self.round(0, lane)) &* Self.prime1 &+ Self.prime4
            }
        } else {
            hash = seed &+ Self.prime5
        }
        hash &+= length
        pending.withUnsafeBytes { raw in
            var index = 0
            let count = raw.count
            while count - index >= 8 {
                hash ^= Self.round(0, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian)
                hash = Self.rotate(hash, 27) &* Self.prime1 &+ Self.prime4
                index += 8
            }
            if count - index >= 4 {
                hash ^= UInt64(raw.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian) &* Self.prime1
                hash = Self.rotate(hash, 23) &* Self.prime2 &+ Self.prime3
                index += 4
            }
            while index < count {
                hash ^= UInt64(raw[index]) &* Self.prime5
                hash = Self.rotate(hash, 11) &* Self.prime1
                index += 1
            }
        }
        hash ^= hash >> 33
        hash &*= Self.prime2
        hash ^= hash >> 29
        hash &*= Self.prime3
        hash ^= hash >> 32
        return hash
    }

    /// The XXH64 of `bytes`.
    public static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        var hasher = XXHash64(seed: seed)
        hasher.update(bytes)
        return hasher.digest()
    }
}
