/// A DEFLATE decoder (RFC 1951) made to check compressed content rather than keep it: the
/// decoded bytes go to a sink a piece at a time, and only the last 32 KB (as far back as a
/// match can reach) stay in memory, so that content of any size is checked in bounded memory.
public enum Inflate {
    /// How decoding ended.
    public enum Outcome: Equatable, Sendable {
        /// The final block ended; `end` is the index of the first input byte after it.
        case complete(end: Int)
        /// The input ended inside a block, or before the final block.
        case truncated
        /// The data breaks the format; `offset` is the index of the input byte being read.
        case invalid(String, offset: Int)
        /// More than the limit was decoded; the rest was not read.
        case limitReached
    }

    /// Decodes the DEFLATE data at `start` in `input`, handing the decoded bytes to `sink` in
    /// order; stops once more than `limit` bytes are decoded.
    ///
    /// - Returns: how decoding ended and how many bytes were decoded (all handed to `sink`).
    public static func decode(_ input: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int = .max,
                              sink: (UnsafeBufferPointer<UInt8>) -> Void) -> (outcome: Outcome, produced: Int) {
        var decoder = Decoder(input: input, position: start, limit: limit)
        defer { decoder.output.deallocate() }
        do throws(Stop) {
            try decoder.run(sink)
            decoder.flush(keeping: 0, sink)
            return (.complete(end: decoder.consumedEnd), decoder.produced)
        } catch {
            decoder.flush(keeping: 0, sink)
            switch error {
            case .truncated: return (.truncated, decoder.produced)
            case .limit: return (.limitReached, decoder.produced)
            case .invalid(let reason): return (.invalid(reason, offset: max(start, decoder.consumedEnd - 1)), decoder.produced)
            }
        }
    }

    /// ``decode(_:from:limit:sink:)`` for an array.
    public static func decode(_ input: [UInt8], from start: Int = 0, limit: Int = .max,
                              sink: (UnsafeBufferPointer<UInt8>) -> Void) -> (outcome: Outcome, produced: Int) {
        input.withUnsafeBufferPointer { decode($0, from: start, limit: limit, sink: sink) }
    }

    enum Stop: Error {
        case truncated
        case invalid(String)
        case limit
    }

    // RFC 1951 §3.2.5: the base and extra bits of each length symbol (257–285) and distance
    // symbol (0–29).
    static let lengthBase: [UInt16] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                       67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase: [UInt16] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                         1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra: [UInt8] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
                                         11, 11, 12, 12, 13, 13]
    /// RFC 1951 §3.2.7: the order in which the code lengths of the code-length alphabet come.
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// RFC 1951 §3.2.6: the fixed literal/length and distance codes.
    static let fixedLiterals = try! HuffmanCode(lengths: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 },
                                                allowsIncomplete: false)
    /// The two distance symbols no match may use (30 and 31) still take their places in the code.
    static let fixedDistances = try! HuffmanCode(lengths: [UInt8](repeating: 5, count: 32), allowsIncomplete: false)

    /// How far back a match may reach (RFC 1951 §2).
    static let history = 32768
    /// Decoded bytes gathered before they go to the sink.
    static let batch = 65536
    /// The most one step can add: a match of 258 bytes.
    static let longestStep = 258
    static let capacity = history + batch + longestStep

    /// A canonical Huffman code (RFC 1951 §3.2.2), decoded through a table of its short codes
    /// and, for longer ones, code length by code length.
    struct HuffmanCode {
        static let fastBits = 9
        /// How many codes each length (1–15) has.
        var counts = [UInt16](repeating: 0, count: 16)
        /// The symbols in code order.
        var symbols: [UInt16] = []
        /// For each value of the next `fastBits` input bits: `length << 12 | symbol` of the code
        /// they start with, or 0 when that code is longer (or there is none).
        var fast = [UInt16](repeating: 0, count: 1 << fastBits)

        /// The code with the given length for each symbol (0: the symbol is not used).
        ///
        /// An over-subscribed set of lengths is never a code. An incomplete one is accepted
        /// where `allowsIncomplete` (for literal/length and distance codes) only when it has a
        /// single code of length 1 or none at all, as decoders in use accept; a code that no
        /// symbol has is an error only when met.
        init(lengths: [UInt8], allowsIncomplete: Bool) throws(Stop) {
            for length in lengths where length > 0 { counts[Int(length)] += 1 }
            var left = 1
            for length in 1...15 {
                left = left << 1 - Int(counts[length])
                if left < 0 { throw .invalid("over-subscribed Huffman code lengths") }
            }
            let used = counts.reduce(0) { $0 + Int($1) }
            if left > 0, !(allowsIncomplete && (used == 0 || (used == 1 && counts[1] == 1))) {
                throw .invalid("incomplete Huffman code lengths")
            }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + Int(counts[length]) }
            symbols = [UInt16](repeating: 0, count: used)
            for (symbol, length) in lengths.enumerated() where length > 0 {
                symbols[offsets[Int(length)]] = UInt16(symbol)
                offsets[Int(length)] += 1
            }
            // Canonical codes (RFC 1951 §3.2.2), entered bit-reversed: the input gives a code's
            // first bit in the lowest bit.
            var next = [Int](repeating: 0, count: 16)
            var code = 0
            for length in 1...15 {
                code = (code + Int(counts[length - 1])) << 1
                next[length] = code
            }
            next[0] = 0
            for (symbol, length) in lengths.enumerated() where length > 0 && Int(length) <= Self.fastBits {
                let length = Int(length)
                let value = next[length]
                next[length] += 1
                var reversed = 0
                for bit in 0..<length where value & (1 << (length - 1 - bit)) != 0 { reversed |= 1 << bit }
                var index = reversed
                while index < 1 << Self.fastBits {
                    fast[index] = UInt16(length << 12 | symbol)
                    index += 1 << length
                }
            }
        }
    }

    struct Decoder {
        let input: UnsafeBufferPointer<UInt8>
        var position: Int
        let limit: Int
        /// Input bits not yet used, the next one lowest.
        var bits: UInt64 = 0
        var bitCount = 0
        /// The last ``history`` bytes decoded, then those not yet handed on.
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: Inflate.capacity)
        var outputCount = 0
        var produced = 0

        init(input: UnsafeBufferPointer<UInt8>, position: Int, limit: Int) {
            self.input = input
            self.position = position
            self.limit = limit
        }

        /// The index of the first input byte not used (whole bytes still in ``bits`` go back).
        var consumedEnd: Int { position - bitCount / 8 }

        mutating func refill() {
            while bitCount <= 56, position < input.count {
                bits |= UInt64(input[position]) << UInt64(bitCount)
                position += 1
                bitCount += 8
            }
        }

        mutating func take(_ count: Int) throws(Stop) -> Int {
            if bitCount < count {
                refill()
                if bitCount < count { throw .truncated }
            }
            let value = Int(truncatingIfNeeded: bits & ((1 << UInt64(count)) - 1))
            bits >>= UInt64(count)
            bitCount -= count
            return value
        }

        mutating func run(_ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(Stop) {
            var isFinal = false
            repeat {
                let header = try take(3)
                isFinal = header & 1 == 1
                switch header >> 1 {
                case 0: try storedBlock(sink)
                case 1: try compressedBlock(Inflate.fixedLiterals, Inflate.fixedDistances, sink)
                case 2:
                    let (literals, distances) = try dynamicCodes()
                    try compressedBlock(literals, distances, sink)
                default: throw .invalid("block type 3, which is reserved")
                }
            } while !isFinal
        }

        /// Hands on the bytes decoded so far but the last `keeping`, which stay as history.
        mutating func flush(keeping: Int, _ sink: (UnsafeBufferPointer<UInt8>) -> Void) {
            let handed = outputCount - keeping
            guard handed > 0 else { return }
            sink(UnsafeBufferPointer(start: output, count: handed))
            // The kept bytes lie past the handed ones (a batch is longer than the history).
            output.update(from: output + handed, count: keeping)
            outputCount = keeping
        }

        /// Makes room for one step, handing on a batch when it is full.
        @inline(__always)
        mutating func makeRoom(_ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(Stop) {
            guard outputCount >= Inflate.history + Inflate.batch else { return }
            if produced > limit { throw .limit }
            flush(keeping: Inflate.history, sink)
        }

        mutating func storedBlock(_ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(Stop) {
            _ = try take(bitCount % 8)
            let length = try take(16)
            let complement = try take(16)
            guard length == ~complement & 0xFFFF else {
                throw .invalid("a stored block whose length (\(length)) does not match its complement")
            }
            var left = length
            // Whole bytes already in the bit buffer first, then straight from the input.
            while left > 0, bitCount >= 8 {
                try makeRoom(sink)
                output[outputCount] = UInt8(truncatingIfNeeded: bits)
                bits >>= 8
                bitCount -= 8
                outputCount += 1
                produced += 1
                left -= 1
            }
            while left > 0 {
                guard position < input.count else { throw .truncated }
                try makeRoom(sink)
                let count = min(left, input.count - position, Inflate.capacity - outputCount)
                (output + outputCount).update(from: input.baseAddress! + position, count: count)
                outputCount += count
                produced += count
                position += count
                left -= count
            }
        }

        mutating func dynamicCodes() throws(Stop) -> (HuffmanCode, HuffmanCode) {
            let literalCount = try take(5) + 257
            let distanceCount = try take(5) + 1
            let codeLengthCount = try take(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else {
                throw .invalid("a dynamic block declaring \(literalCount) literal/length and \(distanceCount) distance codes (at most 286 and 30)")
            }
            var codeLengthLengths = [UInt8](repeating: 0, count: 19)
            for index in 0..<codeLengthCount { codeLengthLengths[Inflate.codeLengthOrder[index]] = UInt8(try take(3)) }
            let codeLengths = try HuffmanCode(lengths: codeLengthLengths, allowsIncomplete: false)
            var lengths = [UInt8]()
            lengths.reserveCapacity(literalCount + distanceCount)
            while lengths.count < literalCount + distanceCount {
                let symbol = try decodeSymbol(codeLengths)
                switch symbol {
                case 0..<16:
                    lengths.append(UInt8(symbol))
                    continue
                case 16:
                    guard let previous = lengths.last else { throw .invalid("a repeated code length with none before it") }
                    let repeats = try take(2) + 3
                    try appendLengths(&lengths, previous, repeats, total: literalCount + distanceCount)
                case 17: try appendLengths(&lengths, 0, try take(3) + 3, total: literalCount + distanceCount)
                default: try appendLengths(&lengths, 0, try take(7) + 11, total: literalCount + distanceCount)
                }
            }
            guard lengths[256] != 0 else { throw .invalid("a dynamic block without an end-of-block code") }
            let literals = try HuffmanCode(lengths: Array(lengths[..<literalCount]), allowsIncomplete: true)
            let distances = try HuffmanCode(lengths: Array(lengths[literalCount...]), allowsIncomplete: true)
            return (literals, distances)
        }

        func appendLengths(_ lengths: inout [UInt8], _ length: UInt8, _ repeats: Int, total: Int) throws(Stop) {
            guard lengths.count + repeats <= total else { throw .invalid("code lengths that run past the declared count") }
            lengths.append(contentsOf: repeatElement(length, count: repeats))
        }

        @inline(__always)
        mutating func decodeSymbol(_ code: HuffmanCode) throws(Stop) -> Int {
            if bitCount < 15 { refill() }
            let entry = code.fast[Int(truncatingIfNeeded: bits) & (1 << HuffmanCode.fastBits - 1)]
            if entry != 0 {
                let length = Int(entry >> 12)
                guard length <= bitCount else { throw .truncated }
                bits >>= UInt64(length)
                bitCount -= length
                return Int(entry & 0x1FF)
            }
            // Longer codes, one bit at a time (RFC 1951 §3.2.2: codes of one length are
            // consecutive values, and each length's first code follows the last one shorter).
            var value = 0
            var first = 0
            var index = 0
            for length in 1...15 {
                guard bitCount > 0 else { throw .truncated }
                value |= Int(bits & 1)
                bits >>= 1
                bitCount -= 1
                let count = Int(code.counts[length])
                if value - first < count { return Int(code.symbols[index + value - first]) }
                index += count
                first = (first + count) << 1
                value <<= 1
            }
            throw .invalid("a bit sequence that is no code of the block's Huffman code")
        }

        mutating func compressedBlock(_ literals: HuffmanCode, _ distances: HuffmanCode,
                                      _ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(Stop) {
            while true {
                try makeRoom(sink)
                let symbol = try decodeSymbol(literals)
                if symbol < 256 {
                    output[outputCount] = UInt8(symbol)
                    outputCount += 1
                    produced += 1
                    continue
                }
                if symbol == 256 { return }
                let lengthSymbol = symbol - 257
                guard lengthSymbol < 29 else { throw .invalid("length symbol \(symbol), which is not used") }
                let length = Int(Inflate.lengthBase[lengthSymbol]) + (try take(Int(Inflate.lengthExtra[lengthSymbol])))
                let distanceSymbol = try decodeSymbol(distances)
                guard distanceSymbol < 30 else { throw .invalid("distance symbol \(distanceSymbol), which is not used") }
                let distance = Int(Inflate.distanceBase[distanceSymbol]) + (try take(Int(Inflate.distanceExtra[distanceSymbol])))
                guard distance <= produced else {
                    throw .invalid("a match reaching \(distance) bytes back when only \(produced) were decoded")
                }
                // Byte by byte: a match may overlap the bytes it writes.
                var from = outputCount - distance
                for _ in 0..<length {
                    output[outputCount] = output[from]
                    outputCount += 1
                    from += 1
                }
                produced += length
            }
        }
    }
}
