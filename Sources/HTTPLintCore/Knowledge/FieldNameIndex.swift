/// Finds a received field name's entry in the field table while the parser reads it: an
/// open-addressing table keyed by ``FieldName/hash(_:)``, then a byte comparison of the name,
/// so that no string is built for a name. A class: each scanner holds the shared index with
/// one reference rather than one per array.
final class FieldNameIndex: Sendable {
    /// Power of two, at least twice the table's entries, so that probes stay short.
    private let mask: Int
    private let keys: [UInt64]
    private let slots: [Int32]
    /// Every entry's name in lower case, one after the other, and where each one starts (by
    /// table index, plus the end): one buffer to compare against instead of one per name.
    private let lowercasedNames: [UInt8]
    private let nameStarts: [Int]

    static let shared = FieldNameIndex(FieldDefinition.all.map(\.name))

    init(_ names: [String]) {
        var size = 64
        while size < names.count * 2 { size <<= 1 }
        var keys = [UInt64](repeating: 0, count: size)
        var slots = [Int32](repeating: -1, count: size)
        for (index, name) in names.enumerated() {
            let hash = FieldName.hash(name)
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[slot] >= 0 {
                if keys[slot] == hash { break }  // a repeated name keeps its first entry
                slot = (slot + 1) & (size - 1)
            }
            if slots[slot] < 0 {
                keys[slot] = hash
                slots[slot] = Int32(index)
            }
        }
        self.mask = size - 1
        self.keys = keys
        self.slots = slots
        self.lowercasedNames = names.flatMap { $0.utf8.map(ASCII.lowercased) }
        self.nameStarts = names.reduce(into: [0]) { starts, name in starts.append(starts.last! + name.utf8.count) }
    }

    /// The table index of the name in `bytes[range]` whose hash is `hash`, or -1.
    func index(hash: UInt64, bytes: [UInt8], range: Range<Int>) -> Int32 {
        bytes.withUnsafeBufferPointer { index(hash: hash, name: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The table index of the name `name` (any case) whose hash is `hash`, or -1.
    func index(hash: UInt64, name: UnsafeBufferPointer<UInt8>) -> Int32 {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let found = slots[slot]
            if found < 0 { return -1 }
            if keys[slot] == hash { return matches(Int(found), name) ? found : -1 }
            slot = (slot + 1) & mask
        }
    }

    /// The table index of `name` (any case), or `nil`.
    func index(of name: String) -> Int? {
        var name = name
        let found = name.withUTF8 { index(hash: FieldName.hash($0), name: $0) }
        return found < 0 ? nil : Int(found)
    }

    private func matches(_ index: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = nameStarts[index]
        guard nameStarts[index + 1] - start == name.count else { return false }
        return lowercasedNames.withUnsafeBufferPointer { names in
            guard let inputBase = name.baseAddress, let namesBase = names.baseAddress else { return name.isEmpty }
            return FieldName.equalIgnoringCase(inputBase, namesBase + start, count: name.count)
        }
    }
}
