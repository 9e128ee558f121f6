/// Text built as UTF-8 bytes and made a `String` once at the end.
///
/// Reports and long messages are dozens of pieces; appending each to a `String` checks and
/// grows the string piece by piece, which cost more than the linting of a small input.
public struct TextBuilder {
    /// The text so far, as UTF-8.
    public var bytes: [UInt8] { Array(storage[..<count]) }

    // The bytes live in a buffer of zeros made ahead (`storage`), of which the first `count`
    // hold the text: a piece is then one copy into the buffer, without the capacity checks and
    // generic paths of `Array.append(contentsOf:)` (about half the cost per piece).
    @usableFromInline var storage: [UInt8]
    @usableFromInline var count = 0

    // Inlinable throughout: rules and reporters in other modules add a dozen short pieces per
    // message, and a call into this module for each cost more than the copy itself.
    @inlinable public init(capacity: Int = 256) { storage = [UInt8](repeating: 0, count: max(capacity, 16)) }

    /// The text so far.
    @inlinable public var string: String {
        storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[..<count]), as: UTF8.self) }
    }

    @inlinable public var isEmpty: Bool { count == 0 }

    /// Copies `piece` after the text, making room first when the buffer is full.
    @inlinable @inline(__always) mutating func append(_ piece: UnsafeRawBufferPointer) {
        guard let source = piece.baseAddress, !piece.isEmpty else { return }
        let end = count + piece.count
        if end > storage.count { grow(to: end) }
        let start = count
        storage.withUnsafeMutableBytes { buffer in
            (buffer.baseAddress! + start).copyMemory(from: source, byteCount: piece.count)
        }
        count = end
    }

    /// Room for at least `needed` bytes, at least twice the room there was.
    @usableFromInline mutating func grow(to needed: Int) {
        storage.append(contentsOf: repeatElement(0, count: max(needed, storage.count * 2) - storage.count))
    }

    @inlinable public mutating func add(_ text: String) {
        // The string's own bytes in one copy (a walk over `utf8` appends them one by one),
        // read where they are: a native string lends its storage without a copy of the string
        // (which `withUTF8` needs, and which counted a reference up and down per piece).
        let appended: Void? = text.utf8.withContiguousStorageIfAvailable { append(UnsafeRawBufferPointer($0)) }
        if appended == nil {
            var text = text
            text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
        }
    }

    @inlinable public mutating func add(byte: UInt8) {
        if count == storage.count { grow(to: count + 1) }
        storage[count] = byte
        count += 1
    }

    @inlinable public mutating func add<C: Collection>(bytes more: C) where C.Element == UInt8 {
        let appended: Void? = more.withContiguousStorageIfAvailable { append(UnsafeRawBufferPointer($0)) }
        if appended == nil { Array(more).withUnsafeBytes { append($0) } }
    }

    /// Adds `byte` `count` times (none when `count` is not positive).
    @inlinable public mutating func add(repeating byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        let end = count + repeats
        if end > storage.count { grow(to: end) }
        let start = count
        storage.withUnsafeMutableBufferPointer { buffer in
            for index in start..<end { buffer[index] = byte }
        }
        count = end
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
            append(UnsafeRawBufferPointer(rebasing: digits[position...]))
        }
    }
}
