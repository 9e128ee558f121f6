/// A brotli decoder (RFC 7932) made to check compressed content rather than keep it, like
/// ``Inflate``: the decoded bytes go to a sink a piece at a time, and only a ring buffer of the
/// stream's window (at most 16 MB, less when the limit is lower) stays in memory.
///
/// Every read of the input and of the window is bounds-checked, so that any input ends in an
/// outcome rather than a trap. Where RFC 7932 says a stream "should be rejected", this decoder
/// rejects it as the reference decoder does (non-zero padding bits, a meta-block length with a
/// needless zero nibble, a copy running past the meta-block's length, …); it does not insist on
/// what decoders in use let pass (a context map whose values skip a prefix code).
public enum Brotli {
    /// How decoding ended: the same outcomes as DEFLATE's (`complete` once the last meta-block
    /// ended, `truncated` when the input ends before it does).
    public typealias Outcome = Inflate.Outcome

    /// Decodes the brotli stream at `start` in `input`, handing the decoded bytes to `sink` in
    /// order; stops once more than `limit` bytes are decoded.
    ///
    /// - Returns: how decoding ended and how many bytes were decoded (all handed to `sink`).
    public static func decode(_ input: UnsafeBufferPointer<UInt8>, from start: Int = 0, limit: Int = .max,
                              sink: (UnsafeBufferPointer<UInt8>) -> Void) -> (outcome: Outcome, produced: Int) {
        var decoder = Decoder(input: input, position: max(0, min(start, input.count)), limit: max(0, limit))
        defer { decoder.release() }
        do throws(Stop) {
            let end = try decoder.run(sink)
            decoder.flush(sink)
            return (.complete(end: end), decoder.produced)
        } catch {
            decoder.flush(sink)
            switch error {
            case .truncated: return (.truncated, decoder.produced)
            case .limit: return (.limitReached, decoder.produced)
            case .invalid(let reason): return (.invalid(reason, offset: max(start, decoder.lastByteRead)), decoder.produced)
            }
        }
    }

    /// ``decode(_:from:limit:sink:)`` for an array.
    public static func decode(_ input: [UInt8], from start: Int = 0, limit: Int = .max,
                              sink: (UnsafeBufferPointer<UInt8>) -> Void) -> (outcome: Outcome, produced: Int) {
        input.withUnsafeBufferPointer { decode($0, from: start, limit: limit, sink: sink) }
    }

    typealias Stop = Inflate.Stop

    // MARK: Tables of RFC 7932

    /// §6: the base value and extra bits of each block count symbol (0–25).
    static let blockCountBase: [Int32] = [1, 5, 9, 13, 17, 25, 33, 41, 49, 65, 81, 97, 113, 145, 177, 209, 241, 305, 369, 497,
                                          753, 1265, 2289, 4337, 8433, 16625]
    static let blockCountExtra: [UInt8] = [2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 7, 8, 9, 10, 11, 12, 13, 24]
    /// §5: the base value and extra bits of each insert length code (0–23) and copy length code (0–23).
    static let insertBase: [Int32] = [0, 1, 2, 3, 4, 5, 6, 8, 10, 14, 18, 26, 34, 50, 66, 98, 130, 194, 322, 578, 1090, 2114, 6210, 22594]
    static let insertExtra: [UInt8] = [0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10, 12, 14, 24]
    static let copyBase: [Int32] = [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 18, 22, 30, 38, 54, 70, 102, 134, 198, 326, 582, 1094, 2118]
    static let copyExtra: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10, 24]
    /// §5: for each 64 insert-and-copy symbols, the first insert length code and copy length code.
    static let cellInsert: [UInt8] = [0, 0, 0, 0, 8, 8, 0, 16, 8, 16, 16]
    static let cellCopy: [UInt8] = [0, 8, 0, 8, 0, 8, 16, 0, 16, 8, 16]
    /// §3.5: the order in which the code lengths of the code length alphabet come.
    static let codeLengthOrder: [Int] = [1, 2, 3, 4, 0, 5, 17, 6, 16, 7, 8, 9, 10, 11, 12, 13, 14, 15]

    /// §7.1: the context lookup tables Lut0, Lut1 and Lut2 (their CRC-32s are checked in the tests).
    static let lut0: [UInt8] = {
        let ascii: [UInt8] = [
            0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 0, 0, 4, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            8, 12, 16, 12, 12, 20, 12, 16, 24, 28, 12, 12, 32, 12, 36, 12,
            44, 44, 44, 44, 44, 44, 44, 44, 44, 44, 32, 32, 24, 40, 28, 12,
            12, 48, 52, 52, 52, 48, 52, 52, 52, 48, 52, 52, 52, 52, 52, 48,
            52, 52, 52, 52, 52, 48, 52, 52, 52, 52, 52, 24, 12, 28, 12, 12,
            12, 56, 60, 60, 60, 56, 60, 60, 60, 56, 60, 60, 60, 60, 60, 56,
            60, 60, 60, 60, 60, 56, 60, 60, 60, 60, 60, 24, 12, 28, 12, 0,
        ]
        // Then UTF-8 continuation bytes (0x80–0xBF) alternate 0, 1 and lead bytes 2, 3.
        return ascii + (128..<256).map { UInt8($0 & 1) | ($0 >= 192 ? 2 : 0) }
    }()
    static let lut1: [UInt8] = (0..<256).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x30...0x39, 0x41...0x5A: 2
        case 0x61...0x7A: 3
        case 0x21...0x7E: 1
        case 0xE0...0xFF: 2
        default: 0
        }
    }
    static let lut2: [UInt8] = (0..<256).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0: 0
        case 1..<16: 1
        case 16..<64: 2
        case 64..<128: 3
        case 128..<192: 4
        case 192..<240: 5
        case 240..<255: 6
        default: 7
        }
    }

    /// §8 and Appendix A: the bit depth (log2 of the number of words) of each word length.
    static let dictionaryBits: [Int] = [0, 0, 0, 0, 10, 10, 11, 11, 10, 10, 10, 10, 10, 9, 9, 8, 7, 7, 8, 7, 7, 6, 6, 5, 5]
    /// §8: where the words of each length start in the dictionary.
    static let dictionaryOffsets: [Int] = {
        var offsets = [0]
        for length in 0..<24 { offsets.append(offsets[length] + (length < 4 ? 0 : length << dictionaryBits[length])) }
        return offsets
    }()
    /// The static dictionary, decoded once from ``dictionaryBase64``.
    static let dictionary: [UInt8] = base64Decoded(dictionaryBase64)

    /// Appendix B: the 121 word transforms as prefix, elementary transform and suffix. The
    /// elementary transforms are numbered as in Appendix B's check value: 0 identity,
    /// 1 uppercase first, 2 uppercase all, 3–11 omit the first 1–9 bytes, 12–20 omit the last 1–9.
    static let transformList: [(prefix: String, kind: UInt8, suffix: String)] = [
        ("", 0, ""), ("", 0, " "), (" ", 0, " "), ("", 3, ""), ("", 1, " "), ("", 0, " the "), (" ", 0, ""), ("s ", 0, " "),
        ("", 0, " of "), ("", 1, ""), ("", 0, " and "), ("", 4, ""), ("", 12, ""), (", ", 0, " "), ("", 0, ", "), (" ", 1, " "),
        ("", 0, " in "), ("", 0, " to "), ("e ", 0, " "), ("", 0, "\""), ("", 0, "."), ("", 0, "\">"), ("", 0, "\n"), ("", 14, ""),
        ("", 0, "]"), ("", 0, " for "), ("", 5, ""), ("", 13, ""), ("", 0, " a "), ("", 0, " that "), (" ", 1, ""), ("", 0, ". "),
        (".", 0, ""), (" ", 0, ", "), ("", 6, ""), ("", 0, " with "), ("", 0, "'"), ("", 0, " from "), ("", 0, " by "), ("", 7, ""),
        ("", 8, ""), (" the ", 0, ""), ("", 15, ""), ("", 0, ". The "), ("", 2, ""), ("", 0, " on "), ("", 0, " as "), ("", 0, " is "),
        ("", 18, ""), ("", 12, "ing "), ("", 0, "\n\t"), ("", 0, ":"), (" ", 0, ". "), ("", 0, "ed "), ("", 11, ""), ("", 9, ""),
        ("", 17, ""), ("", 0, "("), ("", 1, ", "), ("", 19, ""), ("", 0, " at "), ("", 0, "ly "), (" the ", 0, " of "), ("", 16, ""),
        ("", 20, ""), (" ", 1, ", "), ("", 1, "\""), (".", 0, "("), ("", 2, " "), ("", 1, "\">"), ("", 0, "=\""), (" ", 0, "."),
        (".com/", 0, ""), (" the ", 0, " of the "), ("", 1, "'"), ("", 0, ". This "), ("", 0, ","), (".", 0, " "), ("", 1, "("),
        ("", 1, "."), ("", 0, " not "), (" ", 0, "=\""), ("", 0, "er "), (" ", 2, " "), ("", 0, "al "), (" ", 2, ""), ("", 0, "='"),
        ("", 2, "\""), ("", 1, ". "), (" ", 0, "("), ("", 0, "ful "), (" ", 1, ". "), ("", 0, "ive "), ("", 0, "less "), ("", 2, "'"),
        ("", 0, "est "), (" ", 1, "."), ("", 2, "\">"), (" ", 0, "='"), ("", 1, ","), ("", 0, "ize "), ("", 2, "."),
        ("\u{A0}", 0, ""), (" ", 0, ","), ("", 1, "=\""), ("", 2, "=\""), ("", 0, "ous "), ("", 2, ", "), ("", 1, "='"), (" ", 1, ","),
        (" ", 2, "=\""), (" ", 2, ", "), ("", 2, ","), ("", 2, "("), ("", 2, ". "), (" ", 2, "."), ("", 2, "='"), (" ", 2, ". "),
        (" ", 1, "=\""), (" ", 2, "='"), (" ", 1, "='"),
    ]

    /// A word transform's parts as bytes.
    struct Transform {
        let prefix: [UInt8]
        let kind: Int
        let suffix: [UInt8]
    }

    static let transforms: [Transform] = transformList.map {
        Transform(prefix: Array($0.prefix.utf8), kind: Int($0.kind), suffix: Array($0.suffix.utf8))
    }

    /// The bytes a base64 text stands for (characters outside the alphabet, such as line breaks, are skipped).
    static func base64Decoded(_ text: String) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(text.utf8.count / 4 * 3)
        var group: UInt32 = 0
        var count = 0
        for character in text.utf8 {
            let value: UInt32
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(character - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(character - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(character - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            default: continue
            }
            group = group << 6 | value
            count += 1
            if count == 4 {
                output.append(UInt8(truncatingIfNeeded: group >> 16))
                output.append(UInt8(truncatingIfNeeded: group >> 8))
                output.append(UInt8(truncatingIfNeeded: group))
                group = 0
                count = 0
            }
        }
        if count == 3 {
            output.append(UInt8(truncatingIfNeeded: group >> 10))
            output.append(UInt8(truncatingIfNeeded: group >> 2))
        } else if count == 2 {
            output.append(UInt8(truncatingIfNeeded: group >> 4))
        }
        return output
    }

    // MARK: Prefix codes

    /// A set of prefix codes over one alphabet (§3.2), each decoded through a table of its
    /// codes up to ``fastBits`` long and, for longer ones, code length by code length.
    struct PrefixCodes {
        static let fastBits = 10
        /// An entry of the table: set when the next bits start a short code (or the code has one symbol).
        static let known: UInt32 = 1 << 31
        /// The alphabet's size: how many symbols each code keeps room for.
        let stride: Int
        /// For each code and each value of the next `fastBits` input bits: `known | length << 16 | symbol`, or 0.
        var table: [UInt32] = []
        /// For each code, how many codes each length (0–15) has.
        var counts: [UInt16] = []
        /// For each code, its symbols in code order.
        var symbols: [UInt16] = []

        init(alphabetSize: Int) {
            stride = alphabetSize
        }

        /// Adds the code with the given length for each symbol (0: not used), which the caller
        /// has checked to be complete, or the code of one symbol (`single`) that takes no bits.
        mutating func add(lengths: [UInt8], single: Int?) {
            let tableBase = table.count
            table.append(contentsOf: repeatElement(0, count: 1 << Self.fastBits))
            let countBase = counts.count
            counts.append(contentsOf: repeatElement(0, count: 16))
            let symbolBase = symbols.count
            symbols.append(contentsOf: repeatElement(0, count: stride))
            if let single {
                for index in tableBase..<table.count { table[index] = Self.known | UInt32(single) }
                return
            }
            for length in lengths where length > 0 { counts[countBase + Int(length)] += 1 }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + Int(counts[countBase + length]) }
            var next = [Int](repeating: 0, count: 16)
            var code = 0
            for length in 1...15 {
                code = (code + (length > 1 ? Int(counts[countBase + length - 1]) : 0)) << 1
                next[length] = code
            }
            for (symbol, length) in lengths.enumerated() where length > 0 {
                let length = Int(length)
                symbols[symbolBase + offsets[length]] = UInt16(symbol)
                offsets[length] += 1
                let value = next[length]
                next[length] += 1
                guard length <= Self.fastBits else { continue }
                // The input gives a code's first bit in the lowest bit: enter it reversed.
                var reversed = 0
                for bit in 0..<length where value & (1 << (length - 1 - bit)) != 0 { reversed |= 1 << bit }
                var index = reversed
                while index < 1 << Self.fastBits {
                    table[tableBase + index] = Self.known | UInt32(length) << 16 | UInt32(symbol)
                    index += 1 << length
                }
            }
        }
    }

    // MARK: Decoder

    /// The state of one of the three block categories (§6): literals, insert-and-copy lengths, distances.
    struct BlockCategory {
        var typeCount = 1
        var type = 0
        var previousType = 1
        /// How many more elements the current block has (never runs out with one block type).
        var left = Int.max
    }

    struct Decoder {
        let input: UnsafeBufferPointer<UInt8>
        var position: Int
        let limit: Int
        /// Input bits not yet used, the next one lowest.
        var bits: UInt64 = 0
        var bitCount = 0

        /// The last `ringSize` decoded bytes; `produced` counts all of them, `handed` those given to the sink.
        var ring: UnsafeMutablePointer<UInt8>? = nil
        var ringSize = 0
        var ringMask = 0
        var produced = 0
        var handed = 0
        /// Where the next check for the limit and a full ring is due.
        var checkpoint = 0
        /// (1 << WBITS) - 16 (§9.1).
        var window = 0

        /// The four last distances, the last at `distanceIndex & 3` (§4).
        var distances: [Int] = [16, 15, 11, 4]
        var distanceIndex = 3

        init(input: UnsafeBufferPointer<UInt8>, position: Int, limit: Int) {
            self.input = input
            self.position = position
            self.limit = limit
        }

        mutating func release() {
            ring?.deallocate()
            ring = nil
        }

        /// The index of the input byte that holds the last bit read.
        var lastByteRead: Int { max(0, (position * 8 - bitCount - 1) >> 3) }

        // MARK: Bits

        @inline(__always)
        mutating func refill() {
            while bitCount <= 56, position < input.count {
                bits |= UInt64(input[position]) << UInt64(bitCount)
                position += 1
                bitCount += 8
            }
        }

        @inline(__always)
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

        /// Skips to the next byte boundary; the bits skipped must be zero.
        mutating func alignToByte(_ what: String) throws(Stop) {
            let skipped = bitCount & 7
            guard try take(skipped) == 0 else { throw .invalid("non-zero padding bits \(what)") }
        }

        /// The index of the next input byte, at a byte boundary (whole bytes in `bits` go back).
        var bytePosition: Int { position - bitCount / 8 }

        @inline(__always)
        mutating func symbol(_ codes: PrefixCodes, _ code: Int) throws(Stop) -> Int {
            if bitCount < 15 { refill() }
            let entry = codes.table[code << PrefixCodes.fastBits | Int(truncatingIfNeeded: bits) & (1 << PrefixCodes.fastBits - 1)]
            if entry & PrefixCodes.known != 0 {
                let length = Int(entry >> 16 & 0xF)
                guard length <= bitCount else { throw .truncated }
                bits >>= UInt64(length)
                bitCount -= length
                return Int(entry & 0xFFFF)
            }
            // Longer codes, one bit at a time: codes of one length are consecutive values, and
            // each length's first code follows the last one shorter (§3.2).
            var value = 0
            var first = 0
            var index = 0
            let countBase = code * 16
            for length in 1...15 {
                guard bitCount > 0 else { throw .truncated }
                value |= Int(bits & 1)
                bits >>= 1
                bitCount -= 1
                let count = Int(codes.counts[countBase + length])
                if value - first < count { return Int(codes.symbols[code * codes.stride + index + value - first]) }
                index += count
                first = (first + count) << 1
                value <<= 1
            }
            throw .invalid("a bit sequence that is no code of its prefix code")
        }

        // MARK: Output

        /// Hands on the bytes not yet handed on.
        mutating func flush(_ sink: (UnsafeBufferPointer<UInt8>) -> Void) {
            guard let ring else { return }
            while handed < produced {
                let start = handed & ringMask
                let count = min(produced - handed, ringSize - start)
                sink(UnsafeBufferPointer(start: ring + start, count: count))
                handed += count
            }
        }

        /// Called when `produced` reaches `checkpoint`: stops past the limit, hands on a full ring.
        mutating func reachCheckpoint(_ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(Stop) {
            if produced > limit { throw .limit }
            if produced - handed >= ringSize { flush(sink) }
            checkpoint = min(handed + ringSize, limit == .max ? .max : limit + 1)
        }

        @inline(__always)
        mutating func emit(_ byte: UInt8, _ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(Stop) {
            ring.unsafelyUnwrapped[produced & ringMask] = byte
            produced += 1
            if produced == checkpoint { try reachCheckpoint(sink) }
        }

        /// The byte `distance` back (1: the last one), or 0 before the start of the stream.
        @inline(__always)
        func byte(back distance: Int) -> UInt8 {
            distance <= produced ? ring.unsafelyUnwrapped[(produced - distance) & ringMask] : 0
        }

        // MARK: Stream

        /// Decodes the whole stream; returns the index of the first input byte after it.
        mutating func run(_ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(Stop) -> Int {
            let windowBits = try readWindowBits()
            window = (1 << windowBits) - 16
            // The ring holds the window, or everything up to just past the limit when that is less.
            var ringBits = windowBits
            while ringBits > 10, limit < (1 << (ringBits - 1)) - 2 { ringBits -= 1 }
            ringSize = 1 << ringBits
            ringMask = ringSize - 1
            ring = .allocate(capacity: ringSize)
            checkpoint = min(ringSize, limit == .max ? .max : limit + 1)
            while true {
                let isLast = try take(1) == 1
                if isLast, try take(1) == 1 { break }
                try metaBlock(isLast: isLast, sink)
                if isLast { break }
            }
            try alignToByte("after the last meta-block")
            return bytePosition
        }

        /// §9.1: WBITS.
        mutating func readWindowBits() throws(Stop) -> Int {
            if try take(1) == 0 { return 16 }
            let high = try take(3)
            if high != 0 { return 17 + high }
            let low = try take(3)
            if low == 1 { throw .invalid("the window size code 0010001, which is not used") }
            return low == 0 ? 17 : 8 + low
        }

        /// §9.2: the 1–11 bit code of NBLTYPESx and NTREESx (1–256).
        mutating func readCount256() throws(Stop) -> Int {
            if try take(1) == 0 { return 1 }
            let bitCount = try take(3)
            if bitCount == 0 { return 2 }
            return (1 << bitCount) + (try take(bitCount)) + 1
        }

        /// One meta-block after its ISLAST bit (and ISLASTEMPTY when set).
        mutating func metaBlock(isLast: Bool, _ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(Stop) {
            let nibbleCode = try take(2)
            if nibbleCode == 3 {
                // Metadata: skipped, neither output nor window.
                guard try take(1) == 0 else { throw .invalid("the reserved bit of a metadata block set") }
                let byteCount = try take(2)
                var length = 0
                for index in 0..<byteCount {
                    let byte = try take(8)
                    if index == byteCount - 1, byteCount > 1, byte == 0 {
                        throw .invalid("a metadata length with a needless zero byte")
                    }
                    length |= byte << (8 * index)
                }
                if byteCount > 0 { length += 1 }
                try alignToByte("before metadata")
                try skipBytes(length)
                return
            }
            let nibbles = nibbleCode + 4
            var length = 0
            for index in 0..<nibbles {
                let nibble = try take(4)
                if index == nibbles - 1, nibbles > 4, nibble == 0 {
                    throw .invalid("a meta-block length with a needless zero nibble")
                }
                length |= nibble << (4 * index)
            }
            length += 1
            if !isLast, try take(1) == 1 {
                try alignToByte("before an uncompressed meta-block")
                try copyUncompressed(length, sink)
                return
            }
            try compressedMetaBlock(length: length, sink)
        }

        /// Skips `count` whole bytes (at a byte boundary).
        mutating func skipBytes(_ count: Int) throws(Stop) {
            var left = count
            while left > 0, bitCount >= 8 {
                _ = try take(8)
                left -= 1
            }
            guard input.count - position >= left else {
                position = input.count
                throw .truncated
            }
            position += left
        }

        mutating func copyUncompressed(_ count: Int, _ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(Stop) {
            var left = count
            while left > 0, bitCount >= 8 {
                try emit(UInt8(try take(8)), sink)
                left -= 1
            }
            while left > 0 {
                guard position < input.count else { throw .truncated }
                try emit(input[position], sink)
                position += 1
                left -= 1
            }
        }

        // MARK: Prefix code descriptions (§3.4, §3.5)

        /// Reads one prefix code over an alphabet of `alphabetSize` symbols into `codes`.
        mutating func readPrefixCode(_ alphabetSize: Int, into codes: inout PrefixCodes) throws(Stop) {
            let kind = try take(2)
            if kind == 1 {
                try readSimpleCode(alphabetSize, into: &codes)
            } else {
                try readComplexCode(alphabetSize, skip: kind, into: &codes)
            }
        }

        mutating func readSimpleCode(_ alphabetSize: Int, into codes: inout PrefixCodes) throws(Stop) {
            let symbolCount = try take(2) + 1
            let symbolBits = Int.bitWidth - (alphabetSize - 1).leadingZeroBitCount
            var symbols: [Int] = []
            for _ in 0..<symbolCount {
                let symbol = try take(symbolBits)
                guard symbol < alphabetSize else {
                    throw .invalid("a simple prefix code with symbol \(symbol) in an alphabet of \(alphabetSize)")
                }
                guard !symbols.contains(symbol) else { throw .invalid("a simple prefix code naming symbol \(symbol) twice") }
                symbols.append(symbol)
            }
            if symbolCount == 1 {
                codes.add(lengths: [], single: symbols[0])
                return
            }
            let lengths: [UInt8]
            switch symbolCount {
            case 2: lengths = [1, 1]
            case 3: lengths = [1, 2, 2]
            default: lengths = try take(1) == 0 ? [2, 2, 2, 2] : [1, 2, 3, 3]
            }
            var all = [UInt8](repeating: 0, count: alphabetSize)
            for (symbol, length) in zip(symbols, lengths) { all[symbol] = length }
            codes.add(lengths: all, single: nil)
        }

        mutating func readComplexCode(_ alphabetSize: Int, skip: Int, into codes: inout PrefixCodes) throws(Stop) {
            // The code lengths of the code length alphabet, in their own fixed code.
            var lengthLengths = [Int](repeating: 0, count: 18)
            var space = 32
            var used = 0
            for index in skip..<18 {
                if bitCount < 4 { refill() }
                let peek = Int(truncatingIfNeeded: bits & 0xF)
                let (value, width): (Int, Int) = switch peek & 3 {
                case 0: (0, 2)
                case 2: (3, 2)
                case 1: (4, 2)
                default: peek & 4 == 0 ? (2, 3) : (peek & 8 == 0 ? (1, 4) : (5, 4))
                }
                _ = try take(width)
                lengthLengths[Self.codeLengthOrderTable[index]] = value
                if value != 0 {
                    space -= 32 >> value
                    used += 1
                    if space <= 0 { break }
                }
            }
            guard used == 1 || space == 0 else { throw .invalid("code length code lengths that are no complete prefix code") }
            var lengthCode = PrefixCodes(alphabetSize: 18)
            if used == 1, let single = lengthLengths.firstIndex(where: { $0 != 0 }) {
                lengthCode.add(lengths: [], single: single)
            } else {
                lengthCode.add(lengths: lengthLengths.map { UInt8($0) }, single: nil)
            }
            // The code lengths of the alphabet (§3.5).
            var lengths = [UInt8](repeating: 0, count: alphabetSize)
            var symbol = 0
            var previous = 8
            var repeatCount = 0
            var repeatLength = 0
            var codeSpace = 32768
            while symbol < alphabetSize, codeSpace > 0 {
                let code = try self.symbol(lengthCode, 0)
                if code < 16 {
                    repeatCount = 0
                    lengths[symbol] = UInt8(code)
                    if code != 0 {
                        previous = code
                        codeSpace -= 32768 >> code
                    }
                    symbol += 1
                    continue
                }
                let extraBits = code == 16 ? 2 : 3
                let length = code == 16 ? previous : 0
                if repeatLength != length {
                    repeatCount = 0
                    repeatLength = length
                }
                let before = repeatCount
                if repeatCount > 0 { repeatCount = (repeatCount - 2) << extraBits }
                repeatCount += try take(extraBits) + 3
                let added = repeatCount - before
                guard symbol + added <= alphabetSize else {
                    throw .invalid("code lengths repeated past the alphabet's \(alphabetSize) symbols")
                }
                for index in symbol..<symbol + added { lengths[index] = UInt8(length) }
                if length != 0 { codeSpace -= added * (32768 >> length) }
                symbol += added
            }
            guard codeSpace == 0 else { throw .invalid("code lengths that are no complete prefix code") }
            codes.add(lengths: lengths, single: nil)
        }

        static let codeLengthOrderTable = Brotli.codeLengthOrder

        // MARK: Compressed meta-block (§9.2, §9.3)

        mutating func readBlockCount(_ codes: PrefixCodes, _ category: Int) throws(Stop) -> Int {
            let code = try symbol(codes, category)
            return Int(Brotli.blockCountBase[code]) + (try take(Int(Brotli.blockCountExtra[code])))
        }

        mutating func readContextMap(size: Int, trees: Int) throws(Stop) -> [UInt8] {
            var runLengthMax = 0
            if try take(1) == 1 { runLengthMax = try take(4) + 1 }
            var codes = PrefixCodes(alphabetSize: trees + runLengthMax)
            try readPrefixCode(trees + runLengthMax, into: &codes)
            var map = [UInt8](repeating: 0, count: size)
            var index = 0
            while index < size {
                let code = try symbol(codes, 0)
                if code == 0 {
                    index += 1
                } else if code <= runLengthMax {
                    let run = (1 << code) + (try take(code))
                    guard index + run <= size else { throw .invalid("a context map whose run of zeros goes past its \(size) entries") }
                    index += run
                } else {
                    map[index] = UInt8(code - runLengthMax)
                    index += 1
                }
            }
            if try take(1) == 1 {
                // Inverse move-to-front (§7.3).
                var order = [UInt8](0...255)
                for index in 0..<size {
                    let position = Int(map[index])
                    let value = order[position]
                    map[index] = value
                    if position > 0 {
                        for shift in stride(from: position, to: 0, by: -1) { order[shift] = order[shift - 1] }
                        order[0] = value
                    }
                }
            }
            return map
        }

        mutating func switchBlock(_ category: inout BlockCategory, _ codes: PrefixCodes, _ index: Int) throws(Stop) {
            let code = try symbol(codes, index * 2)
            var type = switch code {
            case 0: category.previousType
            case 1: category.type + 1
            default: code - 2
            }
            if type >= category.typeCount { type -= category.typeCount }
            category.previousType = category.type
            category.type = type
            category.left = try readBlockCount(codes, index * 2 + 1)
        }

        mutating func compressedMetaBlock(length: Int, _ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(Stop) {
            // Block types and counts of literals, insert-and-copy lengths and distances: codes
            // 2i (types) and 2i + 1 (counts) in `blockCodes`.
            var categories = [BlockCategory](repeating: BlockCategory(), count: 3)
            var blockCodes = PrefixCodes(alphabetSize: 258)
            for index in 0..<3 {
                let typeCount = try readCount256()
                categories[index].typeCount = typeCount
                if typeCount >= 2 {
                    var typeCode = PrefixCodes(alphabetSize: typeCount + 2)
                    try readPrefixCode(typeCount + 2, into: &typeCode)
                    var countCode = PrefixCodes(alphabetSize: 26)
                    try readPrefixCode(26, into: &countCode)
                    blockCodes.append(typeCode)
                    blockCodes.append(countCode)
                    categories[index].left = try readBlockCount(blockCodes, index * 2 + 1)
                } else {
                    blockCodes.append(PrefixCodes.empty)
                    blockCodes.append(PrefixCodes.empty)
                }
            }
            let postfixBits = try take(2)
            let direct = try take(4) << postfixBits
            let postfixMask = (1 << postfixBits) - 1
            var modes = [UInt8](repeating: 0, count: categories[0].typeCount)
            for index in modes.indices { modes[index] = UInt8(try take(2)) }
            let literalTrees = try readCount256()
            let literalMap = literalTrees >= 2
                ? try readContextMap(size: 64 * categories[0].typeCount, trees: literalTrees)
                : [UInt8](repeating: 0, count: 64 * categories[0].typeCount)
            let distanceTrees = try readCount256()
            let distanceMap = distanceTrees >= 2
                ? try readContextMap(size: 4 * categories[2].typeCount, trees: distanceTrees)
                : [UInt8](repeating: 0, count: 4 * categories[2].typeCount)
            var literalCodes = PrefixCodes(alphabetSize: 256)
            for _ in 0..<literalTrees { try readPrefixCode(256, into: &literalCodes) }
            var commandCodes = PrefixCodes(alphabetSize: 704)
            for _ in 0..<categories[1].typeCount { try readPrefixCode(704, into: &commandCodes) }
            let distanceAlphabet = 16 + direct + (48 << postfixBits)
            var distanceCodes = PrefixCodes(alphabetSize: distanceAlphabet)
            for _ in 0..<distanceTrees { try readPrefixCode(distanceAlphabet, into: &distanceCodes) }

            var literals = categories[0]
            var commands = categories[1]
            var distanceBlocks = categories[2]
            var left = length
            while left > 0 {
                if commands.left == 0 { try switchBlock(&commands, blockCodes, 1) }
                commands.left -= 1
                let command = try symbol(commandCodes, commands.type)
                let cell = command >> 6
                let insertCode = Int(Brotli.cellInsert[cell]) + (command >> 3 & 7)
                let copyCode = Int(Brotli.cellCopy[cell]) + (command & 7)
                let insertLength = Int(Brotli.insertBase[insertCode]) + (try take(Int(Brotli.insertExtra[insertCode])))
                let copyLength = Int(Brotli.copyBase[copyCode]) + (try take(Int(Brotli.copyExtra[copyCode])))
                guard insertLength <= left else {
                    throw .invalid("a command inserting \(insertLength) literals where the meta-block has \(left) bytes left")
                }
                if insertLength > 0 {
                    var p1 = byte(back: 1)
                    var p2 = byte(back: 2)
                    for _ in 0..<insertLength {
                        if literals.left == 0 { try switchBlock(&literals, blockCodes, 0) }
                        literals.left -= 1
                        let type = literals.type
                        let context = switch modes[type] {
                        case 0: Int(p1 & 0x3F)
                        case 1: Int(p1 >> 2)
                        case 2: Int(Brotli.lut0[Int(p1)] | Brotli.lut1[Int(p2)])
                        default: Int(Brotli.lut2[Int(p1)] << 3 | Brotli.lut2[Int(p2)])
                        }
                        let literal = UInt8(truncatingIfNeeded: try symbol(literalCodes, Int(literalMap[type << 6 | context])))
                        try emit(literal, sink)
                        p2 = p1
                        p1 = literal
                    }
                    left -= insertLength
                    if left == 0 { break }
                }
                // The distance (§4).
                var distance: Int
                var isLastDistance = command < 128
                if isLastDistance {
                    distance = distances[distanceIndex & 3]
                } else {
                    if distanceBlocks.left == 0 { try switchBlock(&distanceBlocks, blockCodes, 2) }
                    distanceBlocks.left -= 1
                    let context = copyLength > 4 ? 3 : copyLength - 2
                    let code = try symbol(distanceCodes, Int(distanceMap[distanceBlocks.type << 2 | context]))
                    if code < 16 {
                        isLastDistance = code == 0
                        let base = distances[(distanceIndex - (code < 4 ? code : code < 10 ? 0 : 1)) & 3]
                        distance = base + Brotli.shortCodeDelta[code]
                        guard distance > 0 else { throw .invalid("distance code \(code) giving a distance of \(distance)") }
                    } else if code < 16 + direct {
                        distance = code - 15
                    } else {
                        let value = code - direct - 16
                        let extraBits = 1 + (value >> (postfixBits + 1))
                        let high = value >> postfixBits
                        let offset = ((2 + (high & 1)) << extraBits) - 4
                        distance = ((offset + (try take(extraBits))) << postfixBits) + (value & postfixMask) + direct + 1
                    }
                }
                let reach = min(window, produced)
                if distance > reach {
                    try dictionaryWord(distance: distance, reach: reach, length: copyLength, left: &left, sink)
                    continue
                }
                if !isLastDistance {
                    distanceIndex += 1
                    distances[distanceIndex & 3] = distance
                }
                guard copyLength <= left else {
                    throw .invalid("a copy of \(copyLength) bytes where the meta-block has \(left) bytes left")
                }
                for _ in 0..<copyLength { try emit(ring.unsafelyUnwrapped[(produced - distance) & ringMask], sink) }
                left -= copyLength
            }
        }

        /// §8: a reference past the window is a word of the static dictionary, transformed.
        mutating func dictionaryWord(distance: Int, reach: Int, length: Int, left: inout Int,
                                     _ sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(Stop) {
            guard length >= 4, length <= 24 else {
                throw .invalid("a distance of \(distance) past the \(reach) bytes within reach with a copy length of \(length), which no dictionary word has")
            }
            let wordID = distance - reach - 1
            let bits = Brotli.dictionaryBits[length]
            let index = wordID & ((1 << bits) - 1)
            let transformID = wordID >> bits
            guard transformID < Brotli.transforms.count else {
                throw .invalid("a dictionary reference with transform \(transformID) (there are 121)")
            }
            let transform = Brotli.transforms[transformID]
            let start = Brotli.dictionaryOffsets[length] + index * length
            var word = Array(Brotli.dictionary[start..<start + length])
            switch transform.kind {
            case 3...11: word.removeFirst(min(word.count, transform.kind - 2))
            case 12...20: word.removeLast(min(word.count, transform.kind - 11))
            case 1: Self.uppercase(&word, at: 0)
            case 2:
                var position = 0
                while position < word.count { position += Self.uppercase(&word, at: position) }
            default: break
            }
            let total = transform.prefix.count + word.count + transform.suffix.count
            guard total <= left else {
                throw .invalid("a dictionary word of \(total) bytes where the meta-block has \(left) bytes left")
            }
            for byte in transform.prefix { try emit(byte, sink) }
            for byte in word { try emit(byte, sink) }
            for byte in transform.suffix { try emit(byte, sink) }
            left -= total
        }

        /// §8: uppercases the character at `position` of a word, as the RFC defines it for
        /// ASCII and the two- and three-byte forms of UTF-8; returns how many bytes it took.
        @discardableResult
        static func uppercase(_ word: inout [UInt8], at position: Int) -> Int {
            guard position < word.count else { return 1 }
            let byte = word[position]
            if byte < 192 {
                if byte >= 97, byte <= 122 { word[position] = byte ^ 32 }
                return 1
            }
            if byte < 224 {
                if position + 1 < word.count { word[position + 1] ^= 32 }
                return 2
            }
            if position + 2 < word.count { word[position + 2] ^= 5 }
            return 3
        }
    }

    /// §4: what the short distance codes 0–15 add to the distance they start from.
    static let shortCodeDelta: [Int] = [0, 0, 0, 0, -1, 1, -2, 2, -3, 3, -1, 1, -2, 2, -3, 3]
}

extension Brotli.PrefixCodes {
    /// No codes (for a block category with one block type).
    static let empty = Brotli.PrefixCodes(alphabetSize: 0)

    /// Appends the codes of another set (over an alphabet no larger than this one's).
    mutating func append(_ other: Brotli.PrefixCodes) {
        let count = other.table.count >> Self.fastBits
        if count == 0 {
            table.append(contentsOf: repeatElement(0, count: 1 << Self.fastBits))
            counts.append(contentsOf: repeatElement(0, count: 16))
            symbols.append(contentsOf: repeatElement(0, count: stride))
            return
        }
        table.append(contentsOf: other.table)
        counts.append(contentsOf: other.counts)
        for code in 0..<count {
            let base = code * other.stride
            symbols.append(contentsOf: other.symbols[base..<base + other.stride])
            symbols.append(contentsOf: repeatElement(0, count: stride - other.stride))
        }
    }
}
