/// Text built as UTF-8 bytes and made a `String` once at the end.
///
/// Reports and long messages are dozens of pieces; appending each to a `String` checks and
/// grows the string piece by piece, which cost more than the linting of a small input.
public struct TextBuilder {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// The text so far.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public var isEmpty: Bool { bytes.isEmpty }

    public mutating func add(_ text: String) {
        // The string's own bytes in one copy (a walk over `utf8` appends them one by one).
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func add(byte: UInt8) { bytes.append(byte) }

    public mutating func add<C: Collection>(bytes more: C) where C.Element == UInt8 { bytes.append(contentsOf: more) }

    /// Adds `byte` `count` times (none when `count` is not positive).
    public mutating func add(repeating byte: UInt8, count: Int) {
        if count > 0 { bytes.append(contentsOf: repeatElement(byte, count: count)) }
    }

    /// Adds `number` in decimal: its digits from the last, then turned around.
    public mutating func add(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        var magnitude = number.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }
}
