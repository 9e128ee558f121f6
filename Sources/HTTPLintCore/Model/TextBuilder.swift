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
        // The string's own bytes in one copy (a walk over `utf8` appends them one by one),
        // read where they are: a native string lends its storage without a copy of the string
        // (which `withUTF8` needs, and which counted a reference up and down per piece).
        let appended: Void? = text.utf8.withContiguousStorageIfAvailable { storage.append(contentsOf: $0) }
        if appended == nil {
            var text = text
            text.withUTF8 { storage.append(contentsOf: $0) }
        }
    }

    @inlinable public mutating func add(byte: UInt8) { storage.append(byte) }

    @inlinable public mutating func add<C: Collection>(bytes more: C) where C.Element == UInt8 { storage.append(contentsOf: more) }

    /// Adds `byte` `count` times (none when `count` is not positive).
    @inlinable public mutating func add(repeating byte: UInt8, count: Int) {
        if count > 0 { storage.append(contentsOf: repeatElement(byte, count: count)) }
    }

    /// Adds `number` in decimal: its digits are written from the last into a buffer on the
    /// stack and appended in one copy (appending digit by digit checked the capacity for each).
    @inlinable public mutating func add(_ number: Int) {
        var magnitude = number.magnitude
        // 19 digits and a sign at most.
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { digits in
            var position = digits.count
            repeat {
                position -= 1
                digits[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if number < 0 {
                position -= 1
                digits[position] = UInt8(ascii: "-")
            }
            storage.append(contentsOf: UnsafeRawBufferPointer(rebasing: digits[position...]))
        }
    }
}
