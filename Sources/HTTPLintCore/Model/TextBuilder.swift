/// Text built as UTF-8 bytes and made a `String` once at the end.
///
/// Reports and long messages are dozens of pieces; appending each to a `String` checks and
/// grows the string piece by piece, which cost more than the linting of a small input.
public struct TextBuilder {
    /// The text so far, as UTF-8.
    public var bytes: [UInt8] { storage }
    @usableFromInline var storage: [UInt8] = []

    // Inlinable throughout: rules and reporters in other modules add a dozen short pieces per
    // message, and a call into this module for each cost more than the copy itself.
    @inlinable public init(capacity: Int = 256) { storage.reserveCapacity(capacity) }

    /// The text so far.
    @inlinable public var string: String { String(decoding: storage, as: UTF8.self) }

    @inlinable public var isEmpty: Bool { storage.isEmpty }

    @inlinable public mutating func add(_ text: String) {
        // The string's own bytes in one copy (a walk over `utf8` appends them one by one).
        var text = text
        text.withUTF8 { storage.append(contentsOf: $0) }
    }

    @inlinable public mutating func add(byte: UInt8) { storage.append(byte) }

    @inlinable public mutating func add<C: Collection>(bytes more: C) where C.Element == UInt8 { storage.append(contentsOf: more) }

    /// Adds `byte` `count` times (none when `count` is not positive).
    @inlinable public mutating func add(repeating byte: UInt8, count: Int) {
        if count > 0 { storage.append(contentsOf: repeatElement(byte, count: count)) }
    }

    /// Adds `number` in decimal, its digits from the first (turning a slice of the array
    /// around in place copied the array).
    @inlinable public mutating func add(_ number: Int) {
        if number < 0 { storage.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        repeat {
            storage.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }
}
