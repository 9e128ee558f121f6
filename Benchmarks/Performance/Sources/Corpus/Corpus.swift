/// A deterministic corpus of realistic HTTP/1.1 responses: the header sets of nginx, Apache, a
/// CDN edge and a JSON API (8–25 fields), Content-Length and chunked bodies of 0 to 64 KB, some
/// interim 1xx responses, and a share of responses with one defect each. The same seed always
/// gives the same bytes, so figures from different runs and machines compare.
public struct Corpus {
    /// Each response as its own bytes (interim responses included with their final one).
    public private(set) var responses: [[UInt8]] = []
    /// How many of them carry a deliberate defect.
    public private(set) var defective = 0
    /// How many interim (1xx) responses precede final ones.
    public private(set) var interim = 0

    public var totalBytes: Int { responses.reduce(0) { $0 + $1.count } }

    /// One stream of every response, back to back (a pipelined capture).
    public var stream: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(totalBytes)
        for response in responses { out += response }
        return out
    }

    /// Generates responses until `bytes` bytes are reached.
    public init(bytes: Int, seed: UInt64 = 1, defectRate: Double = 0.05) {
        var generator = ResponseGenerator(seed: seed, defectRate: defectRate)
        var total = 0
        while total < bytes {
            let (response, isDefective, interimCount) = generator.next()
            responses.append(response)
            total += response.count
            defective += isDefective ? 1 : 0
            interim += interimCount
        }
    }

    /// Generates `count` responses.
    public init(count: Int, seed: UInt64 = 1, defectRate: Double = 0.05) {
        var generator = ResponseGenerator(seed: seed, defectRate: defectRate)
        for _ in 0..<count {
            let (response, isDefective, interimCount) = generator.next()
            responses.append(response)
            defective += isDefective ? 1 : 0
            interim += interimCount
        }
    }
}

/// SplitMix64: small, fast and the same everywhere.
struct SeededRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func chance(_ probability: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < probability }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
