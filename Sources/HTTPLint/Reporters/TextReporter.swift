/// Renders findings the way a compiler prints diagnostics:
///
///     response.txt:1:10: error: 405 Method Not Allowed response has no Allow field … [method-not-allowed-without-allow]
///         1 | HTTP/1.1 405 Method Not Allowed
///           |          ^~~
///           fix: Send Allow with the supported methods, such as `Allow: GET, HEAD`
///           spec: RFC 9110 §15.5.6 <https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6>
///
/// Wire bytes are escaped, never printed raw; colour is used only when asked for.
public struct TextReporter: Reporter {
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    /// The findings of one input, or its error, as text (empty for a clean input).
    public func render(_ report: InputReport) -> String {
        switch report.outcome {
        case .failed(let reason):
            return paint("\(Printable.display(report.name)): ", .bold) + paint("error:", .red) + " \(Printable.display(reason))\n"
        case .linted(let result):
            // A clean input prints nothing: no need to index its lines.
            if result.findings.isEmpty { return "" }
            let index = LineIndex(result.source)
            // Names and messages hold text from the wire and from file names: escaped once, here.
            let name = Printable.display(report.part.map { "\(report.name) [\($0)]" } ?? report.name)
            // Built as bytes: appending a finding's dozen pieces to a string cost more than
            // linting a small input.
            var out = TextBuilder(capacity: 512 * result.findings.count)
            let requests = RequestsByExchange(result)
            for finding in result.findings {
                render(finding, in: name, index: index, request: finding.requestSpan.flatMap { _ in requests[finding.exchange] }, into: &out)
            }
            return out.string
        }
    }

    public func finish(_ inputs: [InputReport]) -> String { summary(RunSummary(inputs)) }

    /// The last line of a run: counts of inputs, responses and findings, and the time taken
    /// when given.
    public func summary(_ summary: RunSummary, seconds: Double? = nil) -> String {
        var inputs = plural(summary.inputs, "input")
        if summary.unreadable > 0 { inputs += " (\(summary.unreadable) could not be read)" }
        let found = Severity.allCases.reversed().map { severity in
            severity == .info ? "\(summary.count(.info)) info" : plural(summary.count(severity), severity.rawValue)
        }
        let problems = summary.counts.values.reduce(0, +) == 0 ? "no problems found" : found.joined(separator: ", ")
        let time = seconds.map { " in \(Self.format(seconds: $0))" } ?? ""
        return "httplint: \(inputs), \(plural(summary.responses, "response")): \(problems)\(time)\n"
    }

    /// `0.042 s`, `12.3 s`.
    static func format(seconds: Double) -> String {
        let milliseconds = Int((seconds * 1000).rounded())
        if milliseconds < 10_000 {
            let fraction = String(milliseconds % 1000)
            return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) s"
        }
        return "\(milliseconds / 1000) s"
    }

    /// One finding; with its request, the request bytes it points at are shown too, as a note.
    func render(_ finding: Finding, in name: String, index: LineIndex, request: Request? = nil, into out: inout TextBuilder) {
        let (line, column) = index.location(of: finding.span.offset)
        let (inputLine, inputColumn) = index.inputLocation(of: finding.span.offset)
        let rule = RuleCatalogue.description(of: finding.rule)
        start(.bold, &out)
        out.add(name); out.add(byte: colon); out.add(inputLine); out.add(byte: colon); out.add(inputColumn); out.add(": ")
        end(&out)
        start(color(finding.severity), &out)
        out.add(finding.severity.rawValue); out.add(byte: colon)
        end(&out)
        out.add(byte: space); out.add(Printable.display(finding.message)); out.add(byte: space)
        start(.dim, &out)
        out.add(byte: UInt8(ascii: "[")); out.add(finding.rule); out.add(byte: UInt8(ascii: "]"))
        end(&out)
        out.add(byte: newline)
        let gutter = digitCount(inputLine)
        let (text, caretStart, caretWidth) = Self.excerpt(index.lineBytes(line), column: column, length: finding.span.length)
        out.add("    "); out.add(inputLine); out.add(" | "); out.add(bytes: text); out.add(byte: newline)
        out.add("    "); out.add(repeating: space, count: gutter); out.add(" | "); out.add(repeating: space, count: caretStart)
        start(.green, &out)
        out.add(byte: UInt8(ascii: "^")); out.add(repeating: UInt8(ascii: "~"), count: caretWidth - 1)
        end(&out)
        out.add(byte: newline)
        if let request, let span = finding.requestSpan {
            let requestIndex = LineIndex(request.source)
            let (requestLine, requestColumn) = requestIndex.location(of: span.offset)
            out.add("    "); out.add(repeating: space, count: gutter); out.add("   ")
            start(.bold, &out)
            out.add(Printable.display(request.source.name)); out.add(byte: colon); out.add(requestLine); out.add(byte: colon); out.add(requestColumn)
            out.add(": ")
            end(&out)
            out.add("note: in the request\n")
            let requestGutter = digitCount(requestLine)
            let (text, caretStart, caretWidth) = Self.excerpt(requestIndex.lineBytes(requestLine), column: requestColumn,
                                                              length: span.length)
            out.add("    "); out.add(requestLine); out.add(" | "); out.add(bytes: text); out.add(byte: newline)
            out.add("    "); out.add(repeating: space, count: requestGutter); out.add(" | ")
            out.add(repeating: space, count: caretStart)
            start(.green, &out)
            out.add(byte: UInt8(ascii: "^")); out.add(repeating: UInt8(ascii: "~"), count: caretWidth - 1)
            end(&out)
            out.add(byte: newline)
        }
        if let rule {
            out.add("    "); out.add(repeating: space, count: gutter); out.add("   fix: ")
            out.add(finding.fix.map(Printable.display) ?? rule.fix); out.add(byte: newline)
            if let spec = rule.spec.first {
                out.add("    "); out.add(repeating: space, count: gutter); out.add("   spec: "); spec.writeDescription(into: &out)
                out.add(" <"); spec.writeURL(into: &out); out.add(">\n")
            }
        }
    }

    private var colon: UInt8 { UInt8(ascii: ":") }
    private var space: UInt8 { UInt8(ascii: " ") }
    private var newline: UInt8 { UInt8(ascii: "\n") }

    private func digitCount(_ number: Int) -> Int {
        var count = 1
        var rest = number.magnitude
        while rest >= 10 { rest /= 10; count += 1 }
        return number < 0 ? count + 1 : count
    }

    /// The line as printable text, with the display column and width of the caret under the
    /// span (which may run past the end of the line). A long line is cut to a window around the
    /// span, marked with `…`, so that every finding prints in bounded space and time: up to
    /// ``leadWidth`` columns before the span and ``excerptWidth`` in all. The bounds are display
    /// columns, not bytes: a byte shown as `\xNN` takes four.
    static func excerpt(_ line: ArraySlice<UInt8>, column: Int, length: Int) -> ([UInt8], Int, Int) {
        let start = min(line.startIndex + column - 1, line.endIndex)
        // Back from the span while the bytes before it fit the lead (a byte that is not
        // printable ASCII counted at its widest, four columns).
        var from = start
        var lead = 0
        while from > line.startIndex {
            let byte = line[from - 1]
            let columns = byte >= 0x20 && byte < 0x7F ? 1 : 4
            if lead + columns > leadWidth { break }
            lead += columns
            from -= 1
        }
        // On a line cut in front, a span running past the line's end is underlined to its end.
        let underlined = from > line.startIndex ? min(length, line.endIndex - start) : length
        let shown = window(line[from...], column: start - from + 1, length: underlined, maxWidth: excerptWidth)
        let ellipsis = Array("…".utf8)
        let head = from > line.startIndex ? ellipsis : []
        let tail = shown.end < line.endIndex ? ellipsis : []
        return (head + shown.text + tail, shown.caret + (head.isEmpty ? 0 : 1), shown.width)
    }

    /// Display columns shown before a finding's span on a long line, and in all.
    static let leadWidth = 60
    static let excerptWidth = 160

    /// `bytes` as printable text up to `maxWidth` columns: the text, the caret's column and
    /// width (to the end of the text when the span runs past where the text stops), and where
    /// the shown bytes end.
    private static func window(_ bytes: ArraySlice<UInt8>, column: Int, length: Int, maxWidth: Int)
        -> (text: [UInt8], caret: Int, width: Int, end: Int) {
        let start = bytes.startIndex + column - 1
        let end = start + max(length, 1)
        var text: [UInt8] = []
        text.reserveCapacity(min(bytes.count, maxWidth) + 8)
        var caretStart: Int?
        var caretEnd: Int?
        var width = 0
        var index = bytes.startIndex
        func mark() {
            if index == start { caretStart = width }
            if index == end { caretEnd = width }
        }
        while index < bytes.endIndex {
            mark()
            let byte = bytes[index]
            // Printable ASCII, nearly every byte: shown as itself, one column wide.
            if byte >= 0x20 && byte < 0x7F {
                if width + 1 > maxWidth { break }
                text.append(byte)
                width += 1
                index += 1
                continue
            }
            var (shown, consumed) = display(bytes, at: index)
            // A character that reorders or hides text (a bidi control) is shown as its bytes.
            if consumed > 1, let scalar = shown.unicodeScalars.first, Printable.isHidden(scalar) {
                shown = bytes[index..<index + consumed].map { "\\x" + Printable.hex($0) }.joined()
            }
            let count = shown.unicodeScalars.count
            if width + count > maxWidth { break }
            text.append(contentsOf: shown.utf8)
            for step in 1..<max(consumed, 1) where index + step == start { caretStart = width + count }
            width += count
            index += max(consumed, 1)
        }
        mark()
        let from = caretStart ?? width
        let stoppedEarly = index < bytes.endIndex
        let to = max(caretEnd ?? (stoppedEarly && caretStart != nil ? width : from + 1), from + 1)
        return (text, from, min(to - from, max(width - from, 1)), index)
    }

    /// One byte, or one UTF-8 character, as printable text, and how many bytes it took.
    static func display(_ bytes: ArraySlice<UInt8>, at index: Int) -> (String, Int) {
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x7F { return (String(UnicodeScalar(byte)), 1) }
        if byte >= 0xC2 && byte <= 0xF4 {
            let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            if index + length <= bytes.endIndex,
               let text = String(validating: bytes[index..<index + length], as: UTF8.self),
               !text.unicodeScalars.contains(where: { $0.value < 0xA0 }) {
                return (text, length)
            }
        }
        return (Printable.escape([byte]), 1)
    }

    private enum Style: String {
        case bold = "1", red = "1;31", yellow = "1;33", cyan = "1;36", green = "32", dim = "2"
    }

    private func color(_ severity: Severity) -> Style {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .info: .cyan
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        useColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// ``paint(_:_:)`` for text being built: the escape that starts `style`, when in colour.
    private func start(_ style: Style, _ out: inout TextBuilder) {
        guard useColor else { return }
        out.add("\u{1B}["); out.add(style.rawValue); out.add(byte: UInt8(ascii: "m"))
    }

    /// The escape that ends a style started by ``start(_:_:)``.
    private func end(_ out: inout TextBuilder) {
        if useColor { out.add("\u{1B}[0m") }
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
