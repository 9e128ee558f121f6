/// One field line (or, with obsolete line folding, several physical lines) as received.
///
/// The name and value stay byte spans into the input; ``name`` and ``value`` build strings on
/// demand. Names compare case-insensitively (RFC 9110 §5.1) through ``hasName(_:)``.
public struct Field: Sendable {
    // Positions rather than three spans and a stored name hash: 56 bytes instead of 80, so
    // that the fields of a usual response fit an allocation the allocator serves from its
    // per-thread cache (up to about 1 KB), and copies move less. The name and the line start
    // at the same byte.
    @usableFromInline let start: Int
    @usableFromInline let nameEnd: Int
    @usableFromInline let valueStart: Int
    @usableFromInline let valueEnd: Int
    @usableFromInline let lineEnd: Int
    /// Where the name's ``FieldDefinition`` is in the table, found once when the field is read.
    @usableFromInline let definitionIndex: Int32
    /// Whether the value continues on folded lines (obs-fold).
    public let isFolded: Bool
    @usableFromInline let source: SourceText

    /// The field name as written, without any whitespace before the colon.
    @inlinable public var nameSpan: ByteSpan { ByteSpan(offset: start, length: nameEnd - start) }
    /// The field value without leading and trailing whitespace; with obs-fold it runs across lines.
    @inlinable public var valueSpan: ByteSpan { ByteSpan(offset: valueStart, length: valueEnd - valueStart) }
    /// The whole field line (all its physical lines when folded), without the final line ending.
    @inlinable public var lineSpan: ByteSpan { ByteSpan(offset: start, length: lineEnd - start) }

    /// ``FieldName/hash(_:)`` of the name (made when asked: look-ups by name compare table
    /// places, or lengths and bytes).
    public var nameHash: UInt64 {
        source.bytes.withUnsafeBufferPointer { FieldName.hash(UnsafeBufferPointer(rebasing: $0[source.clamped(nameSpan)])) }
    }

    /// A field whose table index the parser found while reading the name; the line starts
    /// with the name.
    init(nameSpan: ByteSpan, valueSpan: ByteSpan, lineSpan: ByteSpan, isFolded: Bool, source: SourceText,
         definitionIndex: Int32) {
        precondition(lineSpan.offset == nameSpan.offset, "a field line starts with its name")
        self.start = nameSpan.offset
        self.nameEnd = nameSpan.offset + nameSpan.length
        self.valueStart = valueSpan.offset
        self.valueEnd = valueSpan.offset + valueSpan.length
        self.lineEnd = lineSpan.offset + lineSpan.length
        self.isFolded = isFolded
        self.source = source
        self.definitionIndex = definitionIndex
    }

    /// The same field with other spans (a folded line extends it).
    func extended(valueSpan: ByteSpan, lineSpan: ByteSpan, isFolded: Bool) -> Field {
        Field(nameSpan: nameSpan, valueSpan: valueSpan, lineSpan: lineSpan, isFolded: isFolded, source: source,
              definitionIndex: definitionIndex)
    }

    /// The field name as written on the wire.
    public var name: String { source.string(nameSpan) }

    /// The field value as a recipient reads it: each obsolete line fold becomes one space
    /// (RFC 9112 §5.2) and so does each bare CR (RFC 9112 §2.2).
    public var value: String {
        let raw = source.bytes[source.clamped(valueSpan)]
        guard isFolded || raw.contains(ASCII.cr) else { return SourceText.decode(raw) }
        return SourceText.decode(unfoldedValueBytes)
    }

    /// ``value`` as UTF-8 bytes, for scanners that read bytes: the received bytes themselves
    /// when they are plain ASCII without folds or CRs (the usual case: no string is built),
    /// otherwise the bytes of ``value`` (so that obs-text reads the same either way).
    public var valueUTF8: [UInt8] { Array(valueUTF8Slice) }

    /// ``valueUTF8`` as a slice: the received bytes in place when they are plain ASCII without
    /// folds or CRs (no copy at all), otherwise the bytes of ``value``. Index it from its
    /// `startIndex`, not 0.
    public var valueUTF8Slice: ArraySlice<UInt8> {
        let raw = rawValueBytes
        if !isFolded, raw.withContiguousStorageIfAvailable({ buffer in
            var combined: UInt8 = 0
            for byte in buffer { combined |= byte | (byte == ASCII.cr ? 0x80 : 0) }
            return combined < 0x80
        }) == true {
            return raw
        }
        return ArraySlice(value.utf8)
    }

    /// The value bytes with each obs-fold (`[CR] LF 1*(SP / HTAB)`) and each bare CR replaced
    /// by one SP.
    public var unfoldedValueBytes: [UInt8] {
        let raw = source.bytes[source.clamped(valueSpan)]
        guard isFolded || raw.contains(ASCII.cr) else { return Array(raw) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            let next = index + 1 < raw.endIndex ? raw[index + 1] : nil
            if byte == ASCII.lf || (byte == ASCII.cr && next == ASCII.lf) {
                index += byte == ASCII.cr ? 2 : 1
                while index < raw.endIndex, ASCII.isWhitespace(raw[index]) { index += 1 }
                if out.last != ASCII.sp { out.append(ASCII.sp) }
                continue
            }
            out.append(byte == ASCII.cr ? ASCII.sp : byte)
            index += 1
        }
        return out
    }

    /// The value's list elements, split at commas outside quoted strings and trimmed
    /// (RFC 9110 §5.6.1); empty elements dropped.
    public var listElements: [String] { ListSyntax.elements(of: readValueBytes) }

    /// The value bytes a recipient reads: the received bytes themselves when there is no fold
    /// or bare CR (no copy), otherwise ``unfoldedValueBytes``.
    public var readValueBytes: ArraySlice<UInt8> {
        let raw = rawValueBytes
        return isFolded || raw.contains(ASCII.cr) ? ArraySlice(unfoldedValueBytes) : raw
    }

    /// Whether ``listElements`` include `token` (given in lowercase), ignoring ASCII case:
    /// read in place, without a string per element.
    public func listContains(_ token: String) -> Bool {
        let value = readValueBytes
        var found = false
        var token = token
        token.withUTF8 { wanted in
            ListSyntax.forEachElement(of: value) { range in
                if !found, range.count == wanted.count,
                   zip(value[range], wanted).allSatisfy({ ASCII.lowercased($0) == $1 }) { found = true }
            }
        }
        return found
    }

    /// Whether the value is empty (after removing surrounding whitespace).
    @inlinable public var isEmptyValue: Bool { valueSpan.length == 0 }

    /// The value bytes exactly as received, without the surrounding whitespace (folds and bare
    /// CRs kept: see ``unfoldedValueBytes`` for the value a recipient reads).
    @inlinable public var rawValueBytes: ArraySlice<UInt8> { source.bytes[source.clamped(valueSpan)] }

    /// Whether this field's name equals `name`, ignoring ASCII case.
    ///
    /// - Parameter name: the name to compare with, in any case.
    public func hasName(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { hasName(bytes: $0) }
    }

    /// ``hasName(_:)`` for a name given as its bytes.
    func hasName(bytes wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        guard nameEnd - start == wanted.count else { return false }
        return source.bytes.withUnsafeBufferPointer { bytes in
            guard start >= 0, start + wanted.count <= bytes.count, let base = bytes.baseAddress else { return wanted.isEmpty }
            guard let other = wanted.baseAddress else { return true }
            return FieldName.equalIgnoringCase(base + start, other, count: wanted.count)
        }
    }
}

/// The fields of a header or trailer section, in the order received, duplicates kept.
public struct Fields: Sendable, RandomAccessCollection {
    @usableFromInline let storage: [Field]

    init(_ storage: [Field]) { self.storage = storage }

    public static let empty = Fields([])

    @inlinable public var startIndex: Int { storage.startIndex }
    @inlinable public var endIndex: Int { storage.endIndex }
    @inlinable public subscript(position: Int) -> Field { storage[position] }

    /// Calls `body` with each field, in order, read in place: a `for` loop over the fields
    /// copies each one, and a copy retains the input; walks over every field use this.
    @inlinable public func forEach(_ body: (Field) throws -> Void) rethrows {
        try storage.withUnsafeBufferPointer { fields in
            for index in fields.indices { try body(fields[index]) }
        }
    }

    /// Every field called `name` (case-insensitive), in order.
    public func named(_ name: String) -> FieldLines {
        withMatcher(name) { lines(where: $0) }
    }

    /// The first field called `name` (case-insensitive).
    public func first(named name: String) -> Field? {
        withMatcher(name) { firstPosition(where: $0) }.map { storage[$0] }
    }

    /// Whether a field called `name` is present (case-insensitive).
    public func contains(_ name: String) -> Bool { withMatcher(name) { firstPosition(where: $0) } != nil }

    /// Calls `body` with a test for fields called `name`. A name in the field table is looked
    /// up there once, and the test compares table places (each field's was found when it was
    /// read); another name can only be that of a field outside the table, compared by bytes.
    private func withMatcher<T>(_ name: String, _ body: ((Field) -> Bool) -> T) -> T {
        var name = name
        return name.withUTF8 { wanted in
            let index = FieldNameIndex.shared.index(hash: FieldName.hash(wanted), name: wanted)
            if index >= 0 { return body { $0.definitionIndex == index } }
            return body { $0.definitionIndex < 0 && $0.hasName(bytes: wanted) }
        }
    }

    /// The lines of the fields that `matches` accepts; the fields are read in place: a look-up
    /// copies no field.
    func lines(where matches: (Field) -> Bool) -> FieldLines {
        var first = -1
        var all: [Int] = []
        storage.withUnsafeBufferPointer { fields in
            for index in fields.indices where matches(fields[index]) {
                if first < 0 {
                    first = index
                } else {
                    if all.isEmpty { all.append(first) }
                    all.append(index)
                }
            }
        }
        return FieldLines(storage: storage, first: first, all: all)
    }

    /// The position of the first field that `matches` accepts, the fields read in place
    /// (`Collection.firstIndex(where:)` would copy each one).
    func firstPosition(where matches: (Field) -> Bool) -> Int? {
        storage.withUnsafeBufferPointer { fields in fields.indices.first { matches(fields[$0]) } }
    }

    /// The list elements of every field called `name`, split at commas and trimmed
    /// (RFC 9110 §5.6.1), empty elements dropped. Quoted strings are not split.
    public func listElements(named name: String) -> [String] { Self.listElements(of: named(name)) }

    /// The list elements of `lines`, in order.
    static func listElements(of lines: FieldLines) -> [String] {
        // One line (the usual case): its elements as they are, without a second array.
        if lines.count == 1 { return lines[0].listElements }
        return lines.flatMap(\.listElements)
    }
}

/// The lines of one field name in a section, in order, as ``Fields/named(_:)`` finds them.
///
/// It refers to the section's fields rather than copying them: a name sent once (the usual
/// case) or not at all costs no allocation.
public struct FieldLines: Sendable, RandomAccessCollection {
    @usableFromInline let storage: [Field]
    /// The position of the only line when there is one; -1 when there is none.
    @usableFromInline let first: Int
    /// The positions of every line when there are two or more; empty otherwise.
    @usableFromInline let all: [Int]

    init(storage: [Field], first: Int, all: [Int]) {
        self.storage = storage
        self.first = first
        self.all = all
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { all.isEmpty ? (first < 0 ? 0 : 1) : all.count }
    @inlinable public subscript(position: Int) -> Field { storage[all.isEmpty ? first + position : all[position]] }
}

extension Array where Element == Field {
    /// The fields at `definitionIndex` in the field table, in order. The others are looked at
    /// in place, not copied (a copy of a field retains its input).
    func all(at definitionIndex: Int32) -> [Field] {
        withUnsafeBufferPointer { fields in
            var found: [Field] = []
            for index in fields.indices where fields[index].definitionIndex == definitionIndex {
                found.append(fields[index])
            }
            return found
        }
    }
}
