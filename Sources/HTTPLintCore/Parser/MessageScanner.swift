/// The byte-level machinery shared by the response and request parsers: line reading, the
/// field section, Content-Length and chunked content. It records every deviation it meets
/// and carries on.
struct MessageScanner {
    let source: SourceText
    let bytes: [UInt8]
    var position: Int
    /// Deviations recorded since the caller last took them.
    var deviations: [Deviation] = []
    /// Bare LF and bare CR are counted per message and reported once, at their first place.
    private var bareLF = Tally()
    private var bareCR = Tally()

    /// Where reading stops: the end of the input, or of the range being read.
    let end: Int
    let limits: ParserLimits
    /// Field names to table entries, fetched once per scanner.
    let names = FieldNameIndex.shared
    /// Room made for the next field section: the size of the last one, since the messages of
    /// one input tend to carry as many fields as each other. Room for a fixed count instead
    /// kept that much memory per message: a stream of a million small responses held gigabytes.
    /// The first section gets room for 16, a common count for real responses (from 8 they
    /// were made again once for most files of one response).
    private var expectedFieldCount = 16
    /// Set when a limit was passed: the rest of the input is left unread.
    private(set) var limitExceeded = false

    init(source: SourceText, range: Range<Int>? = nil, limits: ParserLimits = .default) {
        self.limits = limits
        self.source = source
        self.bytes = source.bytes
        let range = range.map { $0.clamped(to: 0..<source.bytes.count) } ?? 0..<source.bytes.count
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    var isAtEnd: Bool { position >= end }

    mutating func record(_ kind: Deviation.Kind, _ span: ByteSpan, _ message: String) {
        deviations.append(Deviation(kind, span, message))
    }

    /// Records that `what` passed a limit at `span` and stops reading the input.
    mutating func exceed(_ what: String, at span: ByteSpan) {
        // Neither the rest's size nor a too-long line's whole length is said: a streamed input
        // knows neither (its window ends first), and its findings must equal a whole read's.
        record(.limitExceeded, span, "\(what); the rest of the input is not read")
        limitExceeded = true
        position = end
    }

    /// Checks a line against the line-length limit; false (and reading stopped) when it is too long.
    mutating func withinLineLimit(_ line: Line, _ what: String) -> Bool {
        guard line.end - line.start > limits.maxLineLength else { return true }
        exceed("\(what) is longer than \(limits.maxLineLength) bytes, the limit (--max-line-length)",
               at: ByteSpan(offset: line.start, length: min(line.end - line.start, 64)))
        return false
    }

    mutating func takeDeviations() -> [Deviation] {
        defer { deviations.removeAll(keepingCapacity: true) }
        return deviations
    }

    // MARK: Lines

    enum Terminator { case crlf, lf, endOfInput }

    struct Line {
        /// First byte of the line.
        let start: Int
        /// One past the last byte of the line's content (before CR LF, LF or the end of input).
        let end: Int
        /// Where the next line starts.
        let next: Int
        let terminator: Terminator

        var span: ByteSpan { ByteSpan(start..<end) }
        var isEmpty: Bool { start == end }
    }

    /// Reads the line at `start`. RFC 9112 §2.2: lines end in CRLF; a recipient may accept a
    /// bare LF (counted here as a deviation by ``account(_:)``).
    func line(at start: Int) -> Line {
        guard let index = ByteSearch.first(ASCII.lf, in: bytes, start..<end) else {
            return Line(start: start, end: end, next: end, terminator: .endOfInput)
        }
        if index > start, bytes[index - 1] == ASCII.cr {
            return Line(start: start, end: index - 1, next: index + 1, terminator: .crlf)
        }
        return Line(start: start, end: index, next: index + 1, terminator: .lf)
    }

    /// Counts a bare LF ending and bare CRs inside a line of a message's head, chunk framing
    /// or trailers. RFC 9112 §2.2: a bare CR is not a line break; recipients treat it as SP
    /// (the callers do, by treating CR like any other byte inside a line).
    mutating func account(_ line: Line) {
        accountEnding(line)
        accountBareCRs(line)
    }

    /// The bare-LF half of ``account(_:)``.
    private mutating func accountEnding(_ line: Line) {
        if line.terminator == .lf { bareLF.add(ByteSpan(offset: line.end, length: 1)) }
    }

    /// The bare-CR half of ``account(_:)``.
    private mutating func accountBareCRs(_ line: Line) {
        var from = line.start
        while let index = ByteSearch.first(ASCII.cr, in: bytes, from..<line.end) {
            bareCR.add(ByteSpan(offset: index, length: 1))
            from = index + 1
        }
    }

    /// Records the bare LF and bare CR tallies of the message just read, once each.
    mutating func finishMessage() {
        if let first = bareLF.first {
            let count = bareLF.count
            record(.bareLF, first, count == 1
                ? "line ends in a bare LF instead of CRLF"
                : "\(count) lines end in a bare LF instead of CRLF (the first is here)")
        }
        if let first = bareCR.first {
            let count = bareCR.count
            record(.bareCR, first, count == 1
                ? "bare CR (not followed by LF) inside a line; recipients read it as a space, not a line break"
                : "\(count) bare CRs (not followed by LF) inside lines (the first is here); recipients read them as spaces")
        }
        bareLF = Tally()
        bareCR = Tally()
    }

    private struct Tally {
        var count = 0
        var first: ByteSpan?
        mutating func add(_ span: ByteSpan) {
            if first == nil { first = span }
            count += 1
        }
    }

    // MARK: Field section

    struct FieldSection {
        var fields: [Field]
        /// The empty line that ends the section, or the end of input.
        var endSpan: ByteSpan
        var isComplete: Bool
    }

    /// Reads field lines up to and including the empty line (RFC 9112 §5):
    ///
    ///     field-line   = field-name ":" OWS field-value OWS
    ///     obs-fold     = OWS CRLF RWS
    ///
    /// A missing empty line at the end of input leaves the section incomplete; the caller says so.
    mutating func readFieldSection() -> FieldSection {
        var fields: [Field] = []
        fields.reserveCapacity(expectedFieldCount)
        defer { expectedFieldCount = min(max(fields.count, 1), 64) }
        var sawFieldLine = false
        let sectionStart = position
        while true {
            guard position < end else {
                return FieldSection(fields: fields, endSpan: .at(end), isComplete: false)
            }
            let line = self.line(at: position)
            if !withinLineLimit(line, "a field line") {
                return FieldSection(fields: fields, endSpan: .at(end), isComplete: false)
            }
            let endsSection = line.isEmpty && line.terminator != .endOfInput
            if !endsSection, line.next - sectionStart > limits.maxFieldSectionSize || fields.count >= limits.maxFields {
                let what = fields.count >= limits.maxFields
                    ? "the field section has more than \(limits.maxFields) fields, the limit (--max-fields)"
                    : "the field section is larger than \(limits.maxFieldSectionSize) bytes, the limit (--max-field-section-size)"
                exceed(what, at: line.span)
                return FieldSection(fields: fields, endSpan: .at(end), isComplete: false)
            }
            position = line.next
            if line.isEmpty && line.terminator != .endOfInput {
                account(line)
                return FieldSection(fields: fields, endSpan: ByteSpan(line.start..<line.next), isComplete: true)
            }
            if ASCII.isWhitespace(bytes[line.start]) {
                account(line)
                if !sawFieldLine {
                    // RFC 9112 §2.2: a recipient consumes such a line without further processing.
                    record(.whitespaceBeforeFirstField, line.span,
                           "the first field line starts with whitespace; recipients ignore the whole line (\(preview(line.span)))")
                } else if let last = fields.popLast() {
                    record(.obsoleteLineFolding, line.span,
                           "field '\(last.name)' continues on this folded line (obs-fold)")
                    fields.append(fold(last, into: line))
                } else {
                    record(.obsoleteLineFolding, line.span,
                           "folded line continues a line that is not a field")
                }
            } else {
                sawFieldLine = true
                // It accounts for the line's ending and bare CRs itself.
                if let field = readFieldLine(line) { fields.append(field) }
            }
            if line.terminator == .endOfInput {
                return FieldSection(fields: fields, endSpan: .at(end), isComplete: false)
            }
        }
    }

    private mutating func readFieldLine(_ line: Line) -> Field? {
        // The usual line: a token name right up to the colon, hashed while it is checked.
        let (nameEnd, hash) = bytes.withUnsafeBufferPointer { buffer in
            let nameEnd = ASCII.tokenCharTable.withUnsafeBufferPointer { table in
                var index = line.start
                while index < line.end, table[Int(buffer[index])] != 0 { index += 1 }
                return index
            }
            return (nameEnd, FieldName.hash(UnsafeBufferPointer(rebasing: buffer[line.start..<nameEnd])))
        }
        accountEnding(line)
        if nameEnd > line.start, nameEnd < line.end, bytes[nameEnd] == ASCII.colon {
            let (field, printable) = field(line, name: line.start..<nameEnd, colon: nameEnd, hash: hash)
            // Past a token name and its colon, only the whitespace around the value is outside
            // the value: a line whose value is printable has no bare CR to look for.
            if !printable { accountBareCRs(line) }
            return field
        }
        accountBareCRs(line)
        return readUnusualFieldLine(line)
    }

    /// A field line whose name is empty, holds a byte outside `tchar` or is followed by
    /// whitespace, or that has no colon.
    private mutating func readUnusualFieldLine(_ line: Line) -> Field? {
        var colon = line.start
        while colon < line.end, bytes[colon] != ASCII.colon { colon += 1 }
        guard colon < line.end else {
            record(.fieldLineWithoutColon, line.span,
                   "field line has no colon; recipients drop or reject it (\(preview(line.span)))")
            return nil
        }
        var nameEnd = colon
        while nameEnd > line.start, ASCII.isWhitespace(bytes[nameEnd - 1]) { nameEnd -= 1 }
        if nameEnd < colon {
            record(.whitespaceBeforeColon, ByteSpan(nameEnd..<colon),
                   "whitespace between field name '\(SourceText.decode(bytes[line.start..<nameEnd]))' and the colon")
        }
        let nameSpan = ByteSpan(line.start..<nameEnd)
        var bad: Int?
        for index in line.start..<nameEnd where !ASCII.isTokenChar(bytes[index]) {
            bad = index
            break
        }
        let hash = bytes.withUnsafeBufferPointer { FieldName.hash(UnsafeBufferPointer(rebasing: $0[line.start..<nameEnd])) }
        if nameSpan.length == 0 {
            record(.invalidFieldName, ByteSpan(offset: line.start, length: colon + 1 - line.start),
                   "field line has an empty field name")
        } else if let bad {
            record(.invalidFieldName, ByteSpan(offset: bad, length: 1),
                   "field name '\(source.string(nameSpan))' contains \(describe(bytes[bad])), which is not allowed in a token")
        }
        return field(line, name: line.start..<nameEnd, colon: colon, hash: hash).field
    }

    /// The field of `line` once its name and colon are known: the value trimmed and checked;
    /// and whether the value is printable ASCII throughout.
    private mutating func field(_ line: Line, name: Range<Int>, colon: Int, hash: UInt64) -> (field: Field, printable: Bool) {
        let value = bytes.withUnsafeBufferPointer { buffer in
            var valueStart = colon + 1
            while valueStart < line.end, ASCII.isWhitespace(buffer[valueStart]) { valueStart += 1 }
            var valueEnd = line.end
            while valueEnd > valueStart, ASCII.isWhitespace(buffer[valueEnd - 1]) { valueEnd -= 1 }
            return valueStart..<valueEnd
        }
        let nameSpan = ByteSpan(name)
        let printable = checkValueCharacters(value, fieldName: nameSpan)
        return (Field(nameSpan: nameSpan, valueSpan: ByteSpan(value), lineSpan: line.span,
                      isFolded: false, source: source,
                      definitionIndex: names.index(hash: hash, bytes: bytes, range: name)), printable)
    }

    /// RFC 9110 §5.5: field-value = *field-content, made of VCHAR, obs-text, SP and HTAB.
    /// CR is left to the bare-CR check. Answers whether the value is printable ASCII only.
    @discardableResult
    private mutating func checkValueCharacters(_ range: Range<Int>, fieldName: ByteSpan) -> Bool {
        // Most values are printable ASCII only (0x20–0x7E); one pass proves it.
        if isPrintableASCII(range) { return true }
        for index in range where !ASCII.isFieldValueChar(bytes[index]) && bytes[index] != ASCII.cr {
            record(.invalidFieldValue, ByteSpan(offset: index, length: 1),
                   "value of field '\(source.string(fieldName))' contains \(describe(bytes[index]))")
            break
        }
        return false
    }

    /// Whether every byte in `range` is 0x20–0x7E, read eight bytes at a time.
    func isPrintableASCII(_ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            var index = range.lowerBound
            while index &+ 8 <= range.upperBound {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                // A byte below 0x20 borrows into its high bit (the lowest such byte always does).
                let control = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                // A byte of 0x7F carries into its high bit; bytes of 0x80 and above have it set.
                let high = ((word &+ 0x0101_0101_0101_0101) | word) & 0x8080_8080_8080_8080
                if control | high != 0 { return false }
                index &+= 8
            }
            while index < range.upperBound {
                if buffer[index] &- 0x20 >= 0x5F { return false }
                index &+= 1
            }
            return true
        }
    }

    private mutating func fold(_ field: Field, into line: Line) -> Field {
        var contentStart = line.start
        while contentStart < line.end, ASCII.isWhitespace(bytes[contentStart]) { contentStart += 1 }
        var contentEnd = line.end
        while contentEnd > contentStart, ASCII.isWhitespace(bytes[contentEnd - 1]) { contentEnd -= 1 }
        checkValueCharacters(contentStart..<contentEnd, fieldName: field.nameSpan)
        guard contentStart < contentEnd else {
            return field.extended(valueSpan: field.valueSpan, lineSpan: ByteSpan(field.lineSpan.offset..<line.end),
                                  isFolded: field.isFolded)
        }
        let valueStart = field.valueSpan.length == 0 ? contentStart : field.valueSpan.offset
        return field.extended(valueSpan: ByteSpan(valueStart..<contentEnd), lineSpan: ByteSpan(field.lineSpan.offset..<line.end),
                              isFolded: field.valueSpan.length != 0 || field.isFolded)
    }

    // MARK: Content-Length

    /// The common case: the value of a Content-Length field of 1 to 18 digits and nothing
    /// else, which needs no check; `nil` for any other value.
    func plainContentLength(_ field: Field) -> Int? {
        guard !field.isFolded, (1...18).contains(field.valueSpan.length) else { return nil }
        var value = 0
        for index in field.valueSpan.range {
            let byte = bytes[index]
            guard ASCII.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// The length that frames the content, from every Content-Length field (RFC 9110 §8.6):
    ///
    ///     Content-Length = 1*DIGIT
    ///
    /// `nil` when no usable value exists. Invalid, conflicting and repeated values are recorded.
    mutating func contentLength(of fields: [Field]) -> Int? {
        if fields.count == 1, let value = plainContentLength(fields[0]) { return value }
        var values: [(value: Int, span: ByteSpan)] = []
        var elementCount = 0
        for field in fields {
            let raw = field.unfoldedValueBytes
            let elements = ListSyntax.elementRanges(of: raw)
            if elements.isEmpty {
                record(.invalidContentLength, field.lineSpan, "Content-Length is empty")
                continue
            }
            // Only an identical repeat ("42, 42") is tolerated; an empty member ("2," or ",2")
            // is not (RFC 9110 §8.6), and parsers disagree on it.
            if raw.split(separator: ASCII.comma, omittingEmptySubsequences: false)
                .contains(where: { $0.allSatisfy(ASCII.isWhitespace) }) {
                record(.invalidContentLength, field.valueSpan,
                       "Content-Length '\(SourceText.decode(raw))' has an empty list member")
            }
            for element in elements {
                elementCount += 1
                let digits = raw[element]
                let text = SourceText.decode(digits)
                let span = field.isFolded ? field.valueSpan : ByteSpan(offset: field.valueSpan.offset + element.lowerBound, length: element.count)
                guard digits.allSatisfy(ASCII.isDigit) else {
                    record(.invalidContentLength, span, "Content-Length '\(text)' is not a decimal number of bytes")
                    continue
                }
                // Any number of digits is valid (RFC 9110 §8.6); a value beyond any input saturates.
                let significant = digits.drop { $0 == 0x30 }
                let value = significant.count > 18 ? Int.max : significant.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                values.append((value, span))
            }
        }
        guard let first = values.first else { return nil }
        if let other = values.first(where: { $0.value != first.value }) {
            record(.conflictingContentLength, other.span,
                   "Content-Length \(other.value) conflicts with Content-Length \(first.value); the content is read with the first")
        } else if elementCount > 1, values.count == elementCount {
            record(.duplicateContentLength, values[1].span,
                   "Content-Length \(first.value) is sent \(values.count) times; send it once")
        }
        return first.value
    }

    // MARK: Transfer-Encoding

    /// RFC 9112 §6.1: transfer-coding = token *( OWS ";" OWS transfer-parameter ); chunked
    /// must come last and at most once. Records what is wrong; answers whether chunked frames
    /// the content.
    mutating func isChunkedLast(_ fields: [Field], inRequest: Bool) -> Bool {
        // `Transfer-Encoding: chunked` alone, nearly always: nothing to record.
        if fields.count == 1, fields[0].rawValueBytes.elementsEqual("chunked".utf8, by: { ASCII.lowercased($0) == $1 }) { return true }
        let consequence = inRequest ? "the request's length cannot be determined: a server must answer 400 and close the connection (RFC 9112 §6.3)"
            : "the content runs until the connection closes"
        var codings: [(name: String, span: ByteSpan)] = []
        for field in fields {
            let elements = field.unfoldedValueBytes
            let ranges = ListSyntax.elementRanges(of: elements)
            // RFC 9110 §5.6.1.1: senders must not generate empty list elements; in
            // Transfer-Encoding, parsers that read "chunked, " differently desynchronise.
            if !ranges.isEmpty, Self.hasEmptyMember(elements) {
                record(.invalidTransferEncoding, field.valueSpan,
                               "Transfer-Encoding '\(SourceText.decode(elements))' has an empty list member")
            }
            for range in ranges {
                let element = elements[range]
                let name = element.prefix(while: ASCII.isTokenChar)
                let rest = element.dropFirst(name.count).drop(while: ASCII.isWhitespace)
                let text = SourceText.decode(element)
                guard !name.isEmpty, rest.isEmpty || rest.first == ASCII.semicolon else {
                    // Not a coding at all, so certainly not chunked: `chunked abc`, `"chunked"`.
                    record(.invalidTransferEncoding, field.valueSpan, "transfer coding '\(text)' is not a token with optional parameters")
                    codings.append((text, field.valueSpan))
                    continue
                }
                let coding = SourceText.decode(name.map(ASCII.lowercased))
                if coding == "chunked", !rest.isEmpty {
                    // RFC 9112 §7.1: the chunked coding defines no parameters.
                    record(.invalidTransferEncoding, field.valueSpan, "transfer coding '\(text)': chunked takes no parameters")
                }
                codings.append((coding, field.valueSpan))
            }
        }
        let chunkedCount = codings.filter { $0.name == "chunked" }.count
        if chunkedCount > 1 {
            record(.invalidTransferEncoding, codings.last { $0.name == "chunked" }!.span,
                "chunked is applied \(chunkedCount) times; it may be applied only once")
        }
        guard let final = codings.last else {
            record(.transferEncodingNotChunkedLast, fields[0].lineSpan,
                "Transfer-Encoding is empty, so chunked is not the final coding and \(consequence)")
            return false
        }
        if final.name != "chunked" {
            let list = codings.map(\.name).joined(separator: ", ")
            record(.transferEncodingNotChunkedLast, final.span,
                "Transfer-Encoding '\(list)' does not end in chunked, so \(consequence)")
            return false
        }
        return true
    }

    /// Whether a piece of `bytes` between commas (quotes not considered) is empty or only
    /// whitespace.
    static func hasEmptyMember(_ bytes: [UInt8]) -> Bool {
        var pieceHasContent = false
        for byte in bytes {
            if byte == ASCII.comma {
                if !pieceHasContent { return true }
                pieceHasContent = false
            } else if !ASCII.isWhitespace(byte) {
                pieceHasContent = true
            }
        }
        return !pieceHasContent
    }

    // MARK: Chunked content

    struct ChunkedContent {
        var chunks: [ByteSpan] = []
        var length = 0
        var trailers: [Field] = []
        var isTruncated = false
    }

    /// Reads chunked content (RFC 9112 §7.1):
    ///
    ///     chunked-body   = *chunk last-chunk trailer-section CRLF
    ///     chunk          = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
    ///     chunk-size     = 1*HEXDIG
    ///     last-chunk     = 1*("0") [ chunk-ext ] CRLF
    ///
    /// When a chunk size cannot be read the framing is lost, and the rest of the input is
    /// taken as content, as a recipient that carried on would have to.
    mutating func readChunked() -> ChunkedContent {
        var result = ChunkedContent()
        while true {
            guard position < end else {
                record(.truncatedContent, .at(end), "the input ends before the last chunk (size 0) of the chunked content")
                result.isTruncated = true
                return result
            }
            let line = self.line(at: position)
            guard withinLineLimit(line, "a chunk-size line") else { return result }
            account(line)
            guard line.terminator != .endOfInput else {
                record(.truncatedContent, line.span, "the input ends inside a chunk size line")
                position = end
                result.isTruncated = true
                return result
            }
            // RFC 9112 §7.1: recipients must expect long hexadecimal numerals (leading zeros
            // included) and must not overflow; a size beyond any input saturates.
            var index = line.start
            var size = 0
            var significantDigits = 0
            while index < line.end, let digit = ASCII.hexValue(bytes[index]) {
                if significantDigits > 0 || digit != 0 { significantDigits += 1 }
                size = significantDigits > 15 ? Int.max : size * 16 + digit
                index += 1
            }
            let digitCount = index - line.start
            let stopsAtGoodByte = index == line.end || ASCII.isWhitespace(bytes[index]) || bytes[index] == ASCII.semicolon
            if digitCount == 0 || !stopsAtGoodByte {
                record(.invalidChunkSize, line.span,
                       "chunk size '\(preview(line.span))' is not hexadecimal digits; the chunk framing is lost from here, so the rest of the input is read as content")
                position = end
                return result
            }
            // Only data chunks count: the last-chunk (size 0) after exactly the limit is fine.
            guard size == 0 || result.chunks.count < limits.maxChunks else {
                exceed("the content has more than \(limits.maxChunks) chunks, the limit (--max-chunks)", at: line.span)
                return result
            }
            checkChunkExtensions(index..<line.end, sizeEnd: index)
            position = line.next
            if size == 0 {
                let trailer = readFieldSection()
                result.trailers = trailer.fields
                if !trailer.isComplete {
                    record(.truncatedContent, trailer.endSpan, "the input ends inside the trailer section, before the final empty line")
                    result.isTruncated = true
                }
                return result
            }
            guard size <= end - position else {
                let present = end - position
                let declared = size == Int.max ? "0x" + preview(ByteSpan(line.start..<index)) : String(size)
                record(.truncatedContent, ByteSpan(position..<end),
                       "the input ends inside a chunk: \(present) of its \(declared) bytes are present")
                result.chunks.append(ByteSpan(position..<end))
                result.length += present
                result.isTruncated = true
                position = end
                return result
            }
            result.chunks.append(ByteSpan(offset: position, length: size))
            result.length += size
            position += size
            if position + 1 < end, bytes[position] == ASCII.cr, bytes[position + 1] == ASCII.lf {
                position += 2
            } else if position < end, bytes[position] == ASCII.lf {
                bareLF.add(ByteSpan(offset: position, length: 1))
                position += 1
            } else if position >= end || (position + 1 == end && bytes[position] == ASCII.cr) {
                record(.truncatedContent, .at(end), "the input ends after chunk data, before the CRLF that ends the chunk")
                result.isTruncated = true
                position = end
                return result
            } else {
                let found = self.line(at: position)
                record(.invalidChunkTerminator, ByteSpan(offset: position, length: max(1, min(found.end - position, 16))),
                       "chunk data of \(size) bytes is not followed by CRLF (found '\(preview(ByteSpan(offset: position, length: min(found.end - position, 16))))'); the chunk size is probably wrong")
                position = found.next
            }
        }
    }

    /// chunk-ext      = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
    /// chunk-ext-name = token
    /// chunk-ext-val  = token / quoted-string
    private mutating func checkChunkExtensions(_ range: Range<Int>, sizeEnd: Int) {
        guard !range.isEmpty else { return }
        var index = range.lowerBound
        func skipWhitespace() { while index < range.upperBound, ASCII.isWhitespace(bytes[index]) { index += 1 } }
        func token() -> Bool {
            let start = index
            while index < range.upperBound, ASCII.isTokenChar(bytes[index]) { index += 1 }
            return index > start
        }
        func quoted() -> Bool {
            guard index < range.upperBound, bytes[index] == ASCII.dquote else { return false }
            index += 1
            while index < range.upperBound {
                let byte = bytes[index]
                if byte == ASCII.dquote { index += 1; return true }
                if byte == ASCII.backslash { index += 2; continue }
                if !ASCII.isQuotedTextChar(byte) { return false }
                index += 1
            }
            return false
        }
        var valid = true
        repeat {
            skipWhitespace()
            guard index < range.upperBound, bytes[index] == ASCII.semicolon else { valid = false; break }
            index += 1
            skipWhitespace()
            guard token() else { valid = false; break }
            skipWhitespace()
            if index < range.upperBound, bytes[index] == ASCII.equals {
                index += 1
                skipWhitespace()
                guard token() || quoted() else { valid = false; break }
                skipWhitespace()
            }
        } while index < range.upperBound
        if !valid {
            let span = ByteSpan(range)
            let text = preview(span)
            let message = text.allSatisfy({ $0 == " " || $0 == "\t" })
                ? "whitespace after the chunk size without a chunk extension"
                : "chunk extension '\(text)' does not follow the grammar ';name=value'"
            record(.invalidChunkExtension, span, message)
        }
    }

    // MARK: Text for messages

    /// Up to 60 bytes of `span` as printable text, for messages.
    func preview(_ span: ByteSpan) -> String {
        let range = source.clamped(span)
        let limited = range.lowerBound..<min(range.upperBound, range.lowerBound + 60)
        var text = Printable.escape(bytes[limited])
        if limited.upperBound < range.upperBound { text += "…" }
        return text
    }

    func describe(_ byte: UInt8) -> String { Printable.describe(byte) }
}
