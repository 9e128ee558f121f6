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

    /// Adds `number` in decimal: room for its digits is made once, and they are written from
    /// the last (appending digit by digit checked the capacity for each).
    @inlinable public mutating func add(_ number: Int) {
        if number < 0 { storage.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        // An Int's magnitude is below 10^19, which a UInt holds: the limit never overflows.
        var digits = 1
        var limit: UInt = 10
        while magnitude >= limit {
            digits += 1
            limit *= 10
        }
        let end = storage.count + digits
        storage.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        storage.withUnsafeMutableBufferPointer { buffer in
            var position = end
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
        }
    }
}
