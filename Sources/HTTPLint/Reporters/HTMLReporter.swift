/// One self-contained HTML page for people: totals and charts at the top, then every exchange
/// with its request and response bytes as they were on the wire, each finding's bytes
/// highlighted in place and the finding beside them, then the documentation of every rule that
/// found something.
///
/// The page needs nothing from the network and shows everything without JavaScript; a small
/// inline script adds the filters (severity, rule, input, status, also read from the URL's
/// fragment: `report.html#severity=error&rule=redirect-without-location`) and `j`/`k` to move
/// between findings.
///
/// Nothing from the wire, nor from any message or name, ever becomes markup: every byte is
/// escaped, and control bytes and invalid UTF-8 are shown as `\r`, `\x00` markers (as the text
/// reporter shows them) set apart from the wire's own text. Long contents are folded, binary
/// contents summarised (with the bytes around any finding in them still shown), and exchanges
/// past the first page folded into pages, so that a report of thousands of exchanges opens
/// quickly.
public struct HTMLReporter: Reporter {
    /// Exchanges per page; the pages after the first start folded.
    public var pageSize: Int

    public init(pageSize: Int = 100) {
        self.pageSize = max(1, pageSize)
    }

    public func render(_ input: InputReport) -> String { "" }

    public func finish(_ inputs: [InputReport]) -> String {
        var page = HTMLPage(pageSize: pageSize)
        page.write(inputs)
        return page.out.string
    }
}

/// The page being written.
private struct HTMLPage {
    let pageSize: Int
    var out = TextBuilder(capacity: 1 << 16)
    /// The number of the next finding (1-based over the page): ids `f7` (the finding), `m7`
    /// (its first highlighted bytes in the response), `r7` (in the request).
    private var nextFinding = 1
    /// Findings whose bytes already carry their id.
    private var anchored: Set<String> = []

    /// Content longer than this is shown folded after its first ``foldedAfter`` bytes.
    static let foldAt = 4096
    static let foldedAfter = 2048
    /// Content past this (in one exchange) is not shown at all, except around findings.
    static let shownAtMost = 256 * 1024
    /// Bytes shown around a finding in content that is not shown.
    static let windowLead = 48

    init(pageSize: Int) { self.pageSize = pageSize }

    /// One thing listed under the exchanges: an exchange, or an input that could not be read.
    private struct Entry {
        let input: Int
        let report: InputReport
        let exchange: Exchange?
        /// The bytes of the input shown for it.
        let tile: Range<Int>
        let findings: [(Finding, LocatedFinding)]
        let failure: String?
    }

    mutating func write(_ inputs: [InputReport]) {
        let summary = RunSummary(inputs)
        var names: [String] = []
        var inputNumber: [String: Int] = [:]
        var entries: [Entry] = []
        var byRule: [String: Int] = [:]
        var ruleSeverity: [String: Severity] = [:]
        var statuses: Set<String> = []
        for report in inputs {
            let number: Int
            if let known = inputNumber[report.name] { number = known } else {
                number = names.count
                inputNumber[report.name] = number
                names.append(report.name)
            }
            let made = Self.entries(of: report, input: number)
            for entry in made {
                for (finding, _) in entry.findings {
                    byRule[finding.rule, default: 0] += 1
                    ruleSeverity[finding.rule] = max(ruleSeverity[finding.rule] ?? finding.severity, finding.severity)
                }
                statuses.insert(Self.status(of: entry))
            }
            entries += made
        }

        out.add("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        out.add("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        out.add("<meta name=\"generator\" content=\"httplint \(HTTPLintVersion.current)\">\n")
        out.add("<title>httplint report</title>\n<style>\n"); out.add(Self.style); out.add("</style>\n</head>\n<body>\n")
        out.add("<a class=\"skip\" href=\"#exchanges\">Skip to the exchanges</a>\n")
        out.add("<header>\n<h1>httplint report</h1>\n<p class=\"totals\">")
        out.add(Self.plural(summary.inputs, "input"))
        if summary.unreadable > 0 { out.add(" ("); out.add(summary.unreadable); out.add(" could not be read)") }
        out.add(", "); out.add(Self.plural(summary.responses, "response")); out.add(", ")
        out.add(Self.plural(entries.count { $0.exchange != nil }, "exchange")); out.add(": ")
        for (position, severity) in Severity.allCases.reversed().enumerated() {
            if position > 0 { out.add(", ") }
            out.add("<span class=\"sev-"); out.add(severity.rawValue); out.add("\">"); symbol(severity); out.add(" ")
            out.add(summary.count(severity)); out.add(" "); out.add(Self.noun(severity, summary.count(severity))); out.add("</span>")
        }
        out.add("</p>\n</header>\n<main>\n")

        writeCharts(summary: summary, byRule: byRule, ruleSeverity: ruleSeverity)
        writeFilters(names: names, rules: byRule.keys.sorted(), statuses: statuses)

        out.add("<section id=\"exchanges\" aria-labelledby=\"exchanges-heading\">\n<h2 id=\"exchanges-heading\">Exchanges</h2>\n")
        out.add("<p id=\"shown\" aria-live=\"polite\"></p>\n")
        if entries.isEmpty { out.add("<p>No inputs.</p>\n") }
        let pages = stride(from: 0, to: entries.count, by: pageSize).map { $0..<min($0 + pageSize, entries.count) }
        for (number, page) in pages.enumerated() {
            if pages.count > 1 {
                out.add("<details class=\"page\" id=\"page-"); out.add(number + 1); out.add("\"")
                if number == 0 { out.add(" open") }
                out.add("><summary>Page "); out.add(number + 1); out.add(" of "); out.add(pages.count)
                out.add(": exchanges "); out.add(page.lowerBound + 1); out.add("–"); out.add(page.upperBound)
                let counts = Dictionary(grouping: entries[page].flatMap { $0.findings.map(\.0.severity) }, by: { $0 }).mapValues(\.count)
                out.add(" ("); out.add(Self.plural(counts.values.reduce(0, +), "finding")); out.add(")</summary>\n")
            }
            var previousInput: Int?
            var previousReport: String?
            for entry in entries[page] {
                let label = entry.report.name + (entry.report.part.map { " [\($0)]" } ?? "")
                if entry.input != previousInput || label != previousReport && entry.report.part != nil {
                    if previousInput != nil { out.add("</section>\n") }
                    out.add("<section class=\"input\" data-input=\""); out.add(entry.input); out.add("\">\n<h3>")
                    text(entry.report.name)
                    if let part = entry.report.part { out.add(" <span class=\"part\">"); text(part); out.add("</span>") }
                    out.add("</h3>\n")
                    previousInput = entry.input
                    previousReport = label
                }
                writeEntry(entry)
            }
            if previousInput != nil { out.add("</section>\n") }
            if pages.count > 1 { out.add("</details>\n") }
        }
        out.add("</section>\n")
        writeRules(byRule.keys.sorted())
        out.add("</main>\n<script>\n"); out.add(Self.script); out.add("</script>\n</body>\n</html>\n")
    }

    // MARK: Entries

    /// The exchanges of `report`, each with the bytes it covers (the input cut at the start of
    /// each exchange, so every byte is shown once) and its findings.
    private static func entries(of report: InputReport, input: Int) -> [Entry] {
        switch report.outcome {
        case .failed(let reason):
            return [Entry(input: input, report: report, exchange: nil, tile: 0..<0, findings: [], failure: reason)]
        case .linted(let result):
            let located = LocatedFinding.all(in: report)
            let pairs = Array(zip(result.findings, located))
            let exchanges = result.exchanges.sorted { $0.index < $1.index }
            let count = result.source.bytes.count
            guard !exchanges.isEmpty else {
                return [Entry(input: input, report: report, exchange: nil, tile: 0..<count, findings: pairs, failure: nil)]
            }
            var starts = exchanges.map { exchange in exchange.responses.map(\.span.offset).min() ?? 0 }
            starts[0] = 0
            for index in starts.indices.dropFirst() { starts[index] = min(max(starts[index], starts[index - 1]), count) }
            var position: [Int: Int] = [:]
            for (index, exchange) in exchanges.enumerated() { position[exchange.index] = index }
            var grouped = [[(Finding, LocatedFinding)]](repeating: [], count: exchanges.count)
            for pair in pairs {
                // A finding about an exchange the input does not hold (none should be) goes with the last.
                grouped[position[pair.0.exchange] ?? exchanges.count - 1].append(pair)
            }
            return exchanges.indices.map { index in
                let end = index + 1 < starts.count ? starts[index + 1] : count
                return Entry(input: input, report: report, exchange: exchanges[index], tile: starts[index]..<end,
                             findings: grouped[index], failure: nil)
            }
        }
    }

    private static func status(of entry: Entry) -> String {
        entry.exchange?.response.status.map(String.init) ?? "none"
    }

    private mutating func writeEntry(_ entry: Entry) {
        let severities = Severity.allCases.reversed().filter { severity in entry.findings.contains { $0.0.severity == severity } }
        let worst = entry.failure != nil ? Severity.error : severities.first
        out.add("<details class=\"exchange"); if let worst { out.add(" worst-"); out.add(worst.rawValue) }
        out.add("\" data-input=\""); out.add(entry.input); out.add("\" data-status=\""); out.add(Self.status(of: entry))
        out.add("\" data-findings=\"")
        if entry.failure != nil { out.add("error:unreadable") }
        for (position, (finding, _)) in entry.findings.enumerated() {
            if position > 0 { out.add(" ") }
            out.add(finding.severity.rawValue); out.add(":"); out.add(finding.rule)
        }
        out.add("\"")
        if worst != nil { out.add(" open") }
        out.add(">\n<summary><h4>")
        if let failure = entry.failure {
            out.add("<span class=\"badge sev-error\">"); symbol(.error); out.add(" unreadable</span> ")
            text(failure)
            out.add("</h4></summary>\n<p class=\"failure\">This input could not be read: "); text(failure); out.add("</p>\n</details>\n")
            return
        }
        if severities.isEmpty {
            out.add("<span class=\"badge clean\">✓ clean</span> ")
        }
        for severity in severities {
            let count = entry.findings.count { $0.0.severity == severity }
            out.add("<span class=\"badge sev-"); out.add(severity.rawValue); out.add("\">"); symbol(severity); out.add(" ")
            out.add(count); out.add(" "); out.add(Self.noun(severity, count)); out.add("</span> ")
        }
        if let exchange = entry.exchange {
            out.add("<span class=\"exchange-number\">#"); out.add(exchange.index + 1); out.add("</span> ")
            if let request = exchange.request, request.hasRequestLine {
                out.add("<code>"); text(Self.cut(request.method + " " + request.target)); out.add("</code> → ")
            }
            let response = exchange.response
            out.add("<code>")
            if response.statusLineSpan.length > 0 {
                text(Self.cut(Printable.escape(response.source.bytes[response.source.clamped(response.statusLineSpan)])))
            } else {
                out.add("no response")
            }
            out.add("</code>")
        } else {
            out.add("no exchange")
        }
        out.add("</h4></summary>\n<div class=\"body\">\n<div class=\"wire-column\">\n")

        let numbered = entry.findings.map { pair -> Numbered in
            defer { nextFinding += 1 }
            return Numbered(number: nextFinding, finding: pair.0, located: pair.1)
        }
        if let exchange = entry.exchange, let request = exchange.request {
            var range = request.span
            var marks: [Highlight] = []
            for item in numbered {
                guard let span = item.finding.requestSpan, item.located.request != nil else { continue }
                let clamped = request.source.clamped(span)
                marks.append(Highlight(number: item.number, range: clamped, severity: item.finding.severity, rule: item.finding.rule))
                range = ByteSpan(min(range.offset, clamped.lowerBound)..<max(range.end, clamped.upperBound))
            }
            let shown = request.source.clamped(range)
            if !shown.isEmpty || !marks.isEmpty {
                out.add("<h5>Request <span class=\"where\">")
                text(request.source.name); out.add("</span></h5>\n")
                let bodyStart = request.contentSpan.length > 0 ? request.contentSpan.offset : shown.upperBound
                var wire = Wire(source: request.source, marks: marks, prefix: "r", isLastTile: true)
                region(shown, bodyStart: bodyStart, wire: &wire)
            }
        }
        out.add("<h5>Response</h5>\n")
        let source: SourceText? = {
            if case .linted(let result) = entry.report.outcome { return result.source }
            return nil
        }()
        if let source {
            let marks = numbered.map { item in
                Highlight(number: item.number, range: source.clamped(item.finding.span), severity: item.finding.severity, rule: item.finding.rule)
            }
            var bodyStart = entry.tile.upperBound
            if let response = entry.exchange?.response, response.isHeaderComplete {
                bodyStart = min(max(response.headerEndSpan.end, entry.tile.lowerBound), entry.tile.upperBound)
            } else if entry.exchange?.response.status == nil {
                bodyStart = entry.tile.lowerBound
            }
            var wire = Wire(source: source, marks: marks, prefix: "m", isLastTile: entry.tile.upperBound == source.bytes.count)
            region(entry.tile, bodyStart: bodyStart, wire: &wire)
        }
        out.add("</div>\n")
        if !numbered.isEmpty {
            out.add("<ol class=\"findings\">\n")
            for item in numbered { writeFinding(item) }
            out.add("</ol>\n")
        }
        out.add("</div>\n</details>\n")
    }

    private struct Numbered {
        let number: Int
        let finding: Finding
        let located: LocatedFinding
    }

    private mutating func writeFinding(_ item: Numbered) {
        let finding = item.finding
        out.add("<li class=\"finding sev-"); out.add(finding.severity.rawValue); out.add("\" id=\"f"); out.add(item.number)
        out.add("\" tabindex=\"-1\" data-severity=\""); out.add(finding.severity.rawValue)
        out.add("\" data-rule=\""); text(finding.rule); out.add("\">\n<p class=\"head\"><span class=\"badge sev-")
        out.add(finding.severity.rawValue); out.add("\">"); symbol(finding.severity); out.add(" "); out.add(finding.severity.rawValue)
        out.add("</span> <a class=\"rule\" href=\"#rule-"); text(finding.rule); out.add("\"><code>"); text(finding.rule)
        out.add("</code></a> <a class=\"at\" href=\"#m"); out.add(item.number); out.add("\">line ")
        out.add(item.located.line); out.add(":"); out.add(item.located.column); out.add("</a>")
        if let request = item.located.request {
            out.add(" <a class=\"at\" href=\"#r"); out.add(item.number); out.add("\">request line ")
            out.add(request.line); out.add(":"); out.add(request.column); out.add("</a>")
        }
        out.add("</p>\n<p class=\"message\">"); text(finding.message); out.add("</p>\n")
        if let rule = item.located.rule {
            out.add("<p class=\"fix\"><strong>Fix:</strong> "); plain(rule.fix); out.add("</p>\n")
            if !rule.spec.isEmpty {
                out.add("<p class=\"spec\">")
                for (position, spec) in rule.spec.enumerated() {
                    if position > 0 { out.add(", ") }
                    out.add("<a href=\""); text(spec.url); out.add("\">"); text(spec.description); out.add("</a>")
                }
                out.add("</p>\n")
            }
        }
        out.add("</li>\n")
    }

    // MARK: Wire bytes

    /// A finding's bytes in one source.
    private struct Highlight {
        let number: Int
        let range: Range<Int>
        let severity: Severity
        let rule: String
    }

    /// The source being shown and the findings' bytes in it.
    private struct Wire {
        let source: SourceText
        let index: LineIndex
        let marks: [Highlight]
        /// `m` in a response, `r` in a request.
        let prefix: String
        /// Whether nothing after the bytes shown is shown elsewhere: an empty span at the end
        /// of the last region is then shown there (otherwise the next tile shows it).
        let isLastTile: Bool

        init(source: SourceText, marks: [Highlight], prefix: String, isLastTile: Bool) {
            self.source = source
            self.index = LineIndex(source)
            self.marks = marks
            self.prefix = prefix
            self.isLastTile = isLastTile
        }
    }

    /// The bytes of `range`: the head in full, the content (from `bodyStart`) folded when
    /// long and summarised when binary.
    private mutating func region(_ range: Range<Int>, bodyStart: Int, wire: inout Wire) {
        // A head too long to read (a 70 KB target) is folded like content after its start.
        let split = min(max(bodyStart, range.lowerBound), range.upperBound, range.lowerBound + 2 * Self.foldAt)
        let head = range.lowerBound..<split
        let body = split..<range.upperBound
        out.add("<pre class=\"wire\">")
        emit(head, wire: wire, endsRegion: body.isEmpty)
        if body.isEmpty {
            out.add("</pre>\n")
            return
        }
        if Self.isBinary(wire.source.bytes[body]) {
            out.add("</pre>\n<p class=\"note\">Binary content, "); out.add(Self.plural(body.count, "byte")); out.add(", not shown")
            out.add(wire.marks.contains { Self.touches($0.range, body) } ? "; the bytes around each finding:</p>\n" : ".</p>\n")
            windows(in: body, wire: wire)
            return
        }
        if body.count <= Self.foldAt {
            emit(body, wire: wire, endsRegion: true)
            out.add("</pre>\n")
            return
        }
        // Cut after a line break within the first bytes, when there is one.
        var cut = body.lowerBound + Self.foldedAfter
        if let newline = wire.source.bytes[body.lowerBound..<cut].lastIndex(of: 0x0A), newline > body.lowerBound { cut = newline + 1 }
        emit(body.lowerBound..<cut, wire: wire, endsRegion: false)
        out.add("</pre>\n")
        let folded = cut..<min(body.upperBound, body.lowerBound + Self.shownAtMost)
        out.add("<details class=\"fold\"><summary>"); out.add(Self.plural(folded.count, "more byte")); out.add(" of content")
        let foldedMarks = wire.marks.count { Self.touches($0.range, folded) }
        if foldedMarks > 0 { out.add(", with "); out.add(Self.plural(foldedMarks, "highlighted finding")) }
        out.add("</summary><pre class=\"wire\">")
        emit(folded, wire: wire, endsRegion: folded.upperBound == range.upperBound)
        out.add("</pre></details>\n")
        let rest = folded.upperBound..<body.upperBound
        if !rest.isEmpty {
            out.add("<p class=\"note\">"); out.add(Self.plural(rest.count, "more byte")); out.add(" of content not shown")
            out.add(wire.marks.contains { Self.touches($0.range, rest) } ? "; the bytes around each finding:</p>\n" : ".</p>\n")
            windows(in: rest, wire: wire)
        }
    }

    /// The bytes around each finding in `range` (content not shown), each window once.
    private mutating func windows(in range: Range<Int>, wire: Wire) {
        var windows: [Range<Int>] = []
        for mark in wire.marks.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where Self.touches(mark.range, range) {
            let from = max(range.lowerBound, mark.range.lowerBound - Self.windowLead)
            let to = min(range.upperBound, min(mark.range.upperBound, mark.range.lowerBound + 512) + Self.windowLead)
            if let last = windows.last, last.upperBound >= from {
                windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, to)
            } else {
                windows.append(from..<max(from, to))
            }
        }
        for window in windows {
            out.add("<p class=\"window\">Bytes "); out.add(window.lowerBound); out.add("–"); out.add(window.upperBound)
            out.add(" of the input:</p>\n<pre class=\"wire excerpt\">")
            emit(window, wire: wire, endsRegion: window.upperBound == range.upperBound)
            out.add("</pre>\n")
        }
    }

    /// Whether a finding's bytes (or, for an empty span, its place) lie in `range`.
    private static func touches(_ mark: Range<Int>, _ range: Range<Int>) -> Bool {
        mark.isEmpty ? range.contains(mark.lowerBound) || mark.lowerBound == range.upperBound && mark.lowerBound == range.lowerBound
                     : mark.overlaps(range)
    }

    /// Content is binary when more than one byte in ten of its start is neither text nor UTF-8.
    private static func isBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        let sample = bytes.prefix(1024)
        guard !sample.isEmpty else { return false }
        var odd = 0
        var index = sample.startIndex
        while index < sample.endIndex {
            let byte = sample[index]
            if byte >= 0x80 {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if byte >= 0xC2, byte <= 0xF4, index + length <= bytes.endIndex,
                   String(validating: bytes[index..<index + length], as: UTF8.self) != nil {
                    index += length
                    continue
                }
                odd += 1
            } else if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F {
                odd += 1
            }
            index += 1
        }
        return odd * 10 > sample.count
    }

    /// The bytes of `range`, escaped, with the findings' bytes marked. An empty span is marked
    /// where it points; one at the end of `range` only when `endsRegion`.
    private mutating func emit(_ range: Range<Int>, wire: Wire, endsRegion: Bool) {
        let marks = wire.marks.filter { Self.touches($0.range, range) || $0.range.isEmpty && $0.range.lowerBound == range.upperBound }
        var bounds = [range.lowerBound, range.upperBound]
        for mark in marks {
            if range.contains(mark.range.lowerBound) { bounds.append(mark.range.lowerBound) }
            if range.contains(mark.range.upperBound) { bounds.append(mark.range.upperBound) }
        }
        bounds = Array(Set(bounds)).sorted()
        var atLineStart = range.lowerBound == 0 || wire.source.bytes[range.lowerBound - 1] == 0x0A
        for (position, from) in bounds.enumerated() {
            let isEnd = position == bounds.count - 1
            // Empty spans here: a marker between the bytes.
            for mark in marks where mark.range.isEmpty && mark.range.lowerBound == from {
                if isEnd && !(endsRegion && wire.isLastTile) { continue }
                let first = anchorsBefore([mark], wire: wire)
                out.add("<mark class=\"point sev-"); out.add(mark.severity.rawValue); out.add("\"")
                anchor([mark], first: first, wire: wire)
                out.add(" title=\""); text(mark.rule); out.add("\"></mark>")
            }
            if isEnd { break }
            let to = bounds[position + 1]
            let active = marks.filter { !$0.range.isEmpty && $0.range.lowerBound <= from && $0.range.upperBound > from }
            if active.isEmpty {
                bytes(from..<to, wire: wire, atLineStart: &atLineStart)
                continue
            }
            let worst = active.map(\.severity).max() ?? .info
            let first = anchorsBefore(active, wire: wire)
            out.add("<mark class=\"sev-"); out.add(worst.rawValue); out.add("\"")
            anchor(active, first: first, wire: wire)
            out.add(" title=\"")
            for (index, mark) in active.enumerated() {
                if index > 0 { out.add(", ") }
                text(mark.rule)
            }
            out.add("\">")
            bytes(from..<to, wire: wire, atLineStart: &atLineStart)
            out.add("</mark>")
        }
    }

    /// Empty anchors (`m7`, `r7`) for the findings whose bytes start here, but the first,
    /// which the mark that follows carries (an element has one id).
    private mutating func anchorsBefore(_ marks: [Highlight], wire: Wire) -> Int? {
        var first: Int?
        for mark in marks where !anchored.contains(wire.prefix + String(mark.number)) {
            anchored.insert(wire.prefix + String(mark.number))
            if first == nil {
                first = mark.number
            } else {
                out.add("<span class=\"anchor\" id=\""); out.add(wire.prefix); out.add(mark.number); out.add("\"></span>")
            }
        }
        return first
    }

    /// `data-f` naming the findings, and the id of the first whose bytes start here.
    private mutating func anchor(_ marks: [Highlight], first: Int?, wire: Wire) {
        out.add(" data-f=\"")
        for (index, mark) in marks.enumerated() {
            if index > 0 { out.add(" ") }
            out.add(mark.number)
        }
        out.add("\"")
        if let first { out.add(" id=\""); out.add(wire.prefix); out.add(first); out.add("\"") }
    }

    /// Wire bytes as text: printable ASCII and UTF-8 as themselves (HTML-escaped), everything
    /// else as an escape marker; each line starts with its line number (shown by the style
    /// sheet, not part of the text).
    private mutating func bytes(_ range: Range<Int>, wire: Wire, atLineStart: inout Bool) {
        let slice = wire.source.bytes[range]
        var index = slice.startIndex
        while index < slice.endIndex {
            if atLineStart {
                out.add("<span class=\"ln\" data-n=\""); out.add(wire.index.inputLocation(of: index).line); out.add("\"></span>")
                atLineStart = false
            }
            let byte = slice[index]
            if byte >= 0x20 && byte < 0x7F {
                switch byte {
                case UInt8(ascii: "&"): out.add("&amp;")
                case UInt8(ascii: "<"): out.add("&lt;")
                case UInt8(ascii: ">"): out.add("&gt;")
                default: out.add(byte: byte)
                }
                index += 1
                continue
            }
            if byte == 0x0A {
                out.add("<span class=\"esc eol\">\\n</span>\n")
                atLineStart = true
                index += 1
                continue
            }
            let (shown, consumed) = TextReporter.display(slice, at: index)
            if consumed > 1, let scalar = shown.unicodeScalars.first, !Self.isInvisible(scalar) {
                out.add(shown)
            } else if consumed > 1 {
                out.add("<span class=\"esc\">")
                for byte in slice[index..<index + consumed] { out.add("\\x"); out.add(Printable.hex(byte)) }
                out.add("</span>")
            } else {
                out.add(byte == 0x0D ? "<span class=\"esc eol\">" : "<span class=\"esc\">"); out.add(shown); out.add("</span>")
            }
            index += max(consumed, 1)
        }
    }

    /// Characters that change how text around them is shown without being seen themselves:
    /// bidirectional overrides and isolates, zero-width characters, line and paragraph
    /// separators. They are shown as their bytes.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFF9...0xFFFB: true
        default: false
        }
    }

    // MARK: Overview

    private mutating func writeCharts(summary: RunSummary, byRule: [String: Int], ruleSeverity: [String: Severity]) {
        out.add("<section id=\"overview\" aria-labelledby=\"overview-heading\">\n<h2 id=\"overview-heading\">Findings at a glance</h2>\n")
        let severities = Severity.allCases.reversed().map { severity in
            (label: severity.rawValue, count: summary.count(severity), severity: severity, link: String?.none)
        }
        let rules = byRule.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var rows = rules.prefix(20).map { rule in
            (label: rule.key, count: rule.value, severity: ruleSeverity[rule.key] ?? .info, link: Optional("#rule-" + rule.key))
        }
        if rules.count > 20 {
            rows.append((label: "\(rules.count - 20) other rules", count: rules.dropFirst(20).reduce(0) { $0 + $1.value },
                         severity: .info, link: nil))
        }
        out.add("<div class=\"charts\">\n<figure>\n<figcaption>Per severity</figcaption>\n")
        chart(severities, labelWidth: 90, title: "Findings per severity")
        out.add("</figure>\n<figure>\n<figcaption>Per rule")
        if rules.count > 20 { out.add(" (the 20 most frequent)") }
        out.add("</figcaption>\n")
        if rows.isEmpty { out.add("<p>No findings.</p>\n") } else { chart(rows, labelWidth: 330, title: "Findings per rule") }
        out.add("</figure>\n</div>\n</section>\n")
    }

    /// A horizontal bar chart: a row per item with its label (and severity symbol, so colour
    /// is not the only sign) and its count written out.
    private mutating func chart(_ rows: [(label: String, count: Int, severity: Severity, link: String?)], labelWidth: Int, title: String) {
        let rowHeight = 22
        let barWidth = 300
        let width = labelWidth + barWidth + 70
        let height = rows.count * rowHeight + 4
        let most = max(rows.map(\.count).max() ?? 0, 1)
        out.add("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 "); out.add(width); out.add(" "); out.add(height)
        out.add("\" width=\""); out.add(width); out.add("\" height=\""); out.add(height); out.add("\" aria-label=\"")
        text(title); out.add(": ")
        for (index, row) in rows.enumerated() {
            if index > 0 { out.add(", ") }
            text(row.label); out.add(" "); out.add(row.count)
        }
        out.add("\">\n")
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 2
            if let link = row.link { out.add("<a href=\""); text(link); out.add("\">") }
            out.add("<text class=\"label\" x=\""); out.add(labelWidth - 6); out.add("\" y=\""); out.add(y + 15)
            out.add("\" text-anchor=\"end\">"); symbol(row.severity, tag: "tspan"); out.add(" "); text(row.label); out.add("</text>")
            if row.link != nil { out.add("</a>") }
            let length = row.count == 0 ? 0 : max(2, row.count * barWidth / most)
            out.add("<rect class=\"bar sev-"); out.add(row.severity.rawValue); out.add("\" x=\""); out.add(labelWidth)
            out.add("\" y=\""); out.add(y + 3); out.add("\" width=\""); out.add(length); out.add("\" height=\""); out.add(rowHeight - 6)
            out.add("\"></rect><text class=\"count\" x=\""); out.add(labelWidth + length + 6); out.add("\" y=\""); out.add(y + 15)
            out.add("\">"); out.add(row.count); out.add("</text>\n")
        }
        out.add("</svg>\n")
    }

    /// The filter form, hidden until the script shows it (it does nothing without it).
    private mutating func writeFilters(names: [String], rules: [String], statuses: Set<String>) {
        out.add("<form id=\"filters\" hidden aria-labelledby=\"filters-heading\">\n<h2 id=\"filters-heading\">Filters</h2>\n")
        out.add("<fieldset><legend>Severity</legend>\n")
        for severity in Severity.allCases.reversed() {
            out.add("<label><input type=\"checkbox\" name=\"severity\" value=\""); out.add(severity.rawValue); out.add("\" checked> ")
            symbol(severity); out.add(" "); out.add(severity.rawValue); out.add("</label>\n")
        }
        out.add("<label><input type=\"checkbox\" name=\"severity\" value=\"clean\" checked> ✓ clean</label>\n</fieldset>\n")
        out.add("<label>Rule <select name=\"rule\"><option value=\"\">any rule</option>")
        for rule in rules { out.add("<option>"); text(rule); out.add("</option>") }
        out.add("</select></label>\n<label>Input <select name=\"input\"><option value=\"\">any input</option>")
        for (index, name) in names.enumerated() {
            out.add("<option value=\""); out.add(index); out.add("\">"); text(Self.cut(name)); out.add("</option>")
        }
        out.add("</select></label>\n<label>Status <select name=\"status\"><option value=\"\">any status</option>")
        let classes = Set(statuses.compactMap { $0 == "none" ? nil : $0.first.map { "\($0)xx" } })
        for status in classes.sorted() + statuses.sorted() { out.add("<option>"); text(status); out.add("</option>") }
        out.add("</select></label>\n<p class=\"keys\">Keys: <kbd>j</kbd> next finding, <kbd>k</kbd> previous.</p>\n</form>\n")
    }

    private mutating func writeRules(_ ids: [String]) {
        guard !ids.isEmpty else { return }
        out.add("<section id=\"rules\" aria-labelledby=\"rules-heading\">\n<h2 id=\"rules-heading\">Rules that found something</h2>\n")
        for id in ids {
            out.add("<section class=\"rule\" id=\"rule-"); text(id); out.add("\">\n<h3><code>"); text(id); out.add("</code>")
            guard let rule = RuleCatalogue.description(of: id) else {
                out.add("</h3>\n</section>\n")
                continue
            }
            out.add(" <span class=\"badge sev-"); out.add(rule.severity.rawValue); out.add("\">"); symbol(rule.severity); out.add(" ")
            out.add(rule.severity.rawValue); out.add("</span></h3>\n<p class=\"summary\">"); plain(rule.summary); out.add("</p>\n<p>")
            plain(rule.rationale); out.add("</p>\n<p><strong>Fix:</strong> "); plain(rule.fix); out.add("</p>\n")
            if !rule.spec.isEmpty {
                out.add("<ul class=\"spec\">")
                for spec in rule.spec {
                    out.add("<li><a href=\""); text(spec.url); out.add("\">"); text(spec.description); out.add("</a></li>")
                }
                out.add("</ul>\n")
            }
            out.add("</section>\n")
        }
        out.add("</section>\n")
    }

    // MARK: Text

    /// `text` safe in HTML text and attribute values: control characters shown as escapes
    /// (``Printable``), markup characters as entities.
    private mutating func text(_ text: String) {
        let needsPrintable = text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 >= 0xC2 }
        let printable = needsPrintable ? Printable.display(text) : text
        for byte in printable.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.add("&amp;")
            case UInt8(ascii: "<"): out.add("&lt;")
            case UInt8(ascii: ">"): out.add("&gt;")
            case UInt8(ascii: "\""): out.add("&quot;")
            case UInt8(ascii: "'"): out.add("&#39;")
            default: out.add(byte: byte)
            }
        }
    }

    /// Our own text (rule documentation), which may hold line breaks: markup characters as
    /// entities, nothing else changed.
    private mutating func plain(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.add("&amp;")
            case UInt8(ascii: "<"): out.add("&lt;")
            case UInt8(ascii: ">"): out.add("&gt;")
            case UInt8(ascii: "\""): out.add("&quot;")
            default: out.add(byte: byte)
            }
        }
    }

    /// The symbol that goes with a severity wherever its colour does.
    /// In SVG, `tag` is `tspan`: an HTML element there would end the SVG.
    private mutating func symbol(_ severity: Severity, tag: String = "span") {
        out.add("<"); out.add(tag); out.add(" class=\"symbol\" aria-hidden=\"true\">")
        switch severity {
        case .error: out.add("✖")
        case .warning: out.add("▲")
        case .info: out.add("●")
        }
        out.add("</"); out.add(tag); out.add(">")
    }

    private static func noun(_ severity: Severity, _ count: Int) -> String {
        severity == .info ? "info" : severity.rawValue + (count == 1 ? "" : "s")
    }

    private static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// At most 200 characters of `text`, for a heading or a menu.
    private static func cut(_ text: String) -> String { text.count > 200 ? String(text.prefix(200)) + "…" : text }
}

// MARK: Style sheet and script

extension HTMLPage {
    /// Light and dark colours; severities differ in underline style and symbol as well as
    /// colour; line numbers come from `data-n` so that copied wire text has none.
    static let style = #"""
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1f24; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --error: #b3261e; --error-bg: #ffd7d3; --warning: #8a5a00; --warning-bg: #ffe8a3; --info: #0b57d0; --info-bg: #d3e3fd; --ok: #1a7f37; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
  --error: #ff8a80; --error-bg: #5c1a16; --warning: #f2cc60; --warning-bg: #4d3800; --info: #8ab4f8; --info-bg: #0f2d5c; --ok: #56d364; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 110rem; padding: 0 1rem 3rem; font: 15px/1.45 system-ui, sans-serif; background: var(--bg); color: var(--fg); }
a { color: var(--info); }
code, pre, kbd { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.skip { position: absolute; left: -100rem; } .skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .3rem; }
h1 { margin: 1rem 0 .2rem; } h2 { margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--line); }
.totals { font-size: 1.1rem; margin: 0; }
.sev-error { --sev: var(--error); --sev-bg: var(--error-bg); --sev-line: solid; }
.sev-warning { --sev: var(--warning); --sev-bg: var(--warning-bg); --sev-line: dashed; }
.sev-info { --sev: var(--info); --sev-bg: var(--info-bg); --sev-line: dotted; }
.totals > span, .badge { color: var(--sev, var(--fg)); font-weight: 600; }
.badge { border: 1px solid currentColor; border-radius: .8rem; padding: 0 .45rem; font-size: .85rem; white-space: nowrap; }
.badge.clean { color: var(--ok); }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; } figure { margin: 0; } figcaption { font-weight: 600; }
svg.chart { max-width: 100%; height: auto; font: 12px ui-monospace, monospace; }
svg.chart text { fill: var(--fg); } svg.chart a text { fill: var(--info); text-decoration: underline; }
svg.chart rect.bar { fill: var(--sev); }
#filters { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; position: sticky; top: 0; z-index: 2;
  background: var(--panel); border: 1px solid var(--line); padding: .4rem .8rem; margin-top: 1rem; }
#filters[hidden] { display: none; }
#filters h2 { font-size: 1rem; border: 0; margin: 0; } #filters fieldset { border: 0; padding: 0; margin: 0; }
#filters legend { float: left; margin-right: .5rem; } #filters select { max-width: 22rem; } .keys { margin: 0; color: var(--muted); }
section.input > h3 { margin: 1.2rem 0 .3rem; font-size: 1rem; word-break: break-all; } .part { color: var(--muted); font-weight: 400; }
details.page > summary { font-weight: 600; padding: .4rem 0; cursor: pointer; }
details.exchange { border: 1px solid var(--line); border-left: 4px solid var(--sev, var(--line)); border-radius: 4px; margin: .4rem 0;
  content-visibility: auto; contain-intrinsic-size: auto 3rem; }
details.exchange.worst-error { --sev: var(--error); border-left-style: solid; }
details.exchange.worst-warning { --sev: var(--warning); border-left-style: dashed; }
details.exchange.worst-info { --sev: var(--info); border-left-style: dotted; }
details.exchange > summary { padding: .3rem .6rem; cursor: pointer; background: var(--panel); }
details.exchange > summary h4 { display: inline; font-size: .95rem; font-weight: 400; margin: 0; word-break: break-all; }
.exchange-number { color: var(--muted); }
.body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 1rem; padding: .5rem .8rem; }
@media (max-width: 60rem) { .body { grid-template-columns: 1fr; } }
h5 { margin: .3rem 0; font-size: .85rem; color: var(--muted); } .where { font-weight: 400; }
pre.wire { margin: 0 0 .5rem; padding: .4rem .5rem .4rem 3.6rem; background: var(--panel); border: 1px solid var(--line);
  white-space: pre-wrap; overflow-wrap: anywhere; position: relative; }
.ln::before { content: attr(data-n); position: absolute; left: 0; width: 3rem; text-align: right; color: var(--muted); user-select: none; }
.esc { color: var(--muted); background: color-mix(in srgb, var(--muted) 15%, transparent); border-radius: 2px; font-style: italic; }
.esc.eol { background: none; opacity: .7; }
mark { color: inherit; background: var(--sev-bg); text-decoration: underline var(--sev-line) var(--sev) 2px; text-underline-offset: 3px; }
mark.point::before { content: "⁁"; color: var(--sev); font-weight: 700; }
mark:target, li.finding:target, li.finding:focus { outline: 2px solid var(--sev); outline-offset: 1px; }
.note, .window, .failure { margin: .2rem 0; color: var(--muted); }
details.fold > summary { cursor: pointer; color: var(--info); margin-bottom: .3rem; }
ol.findings { list-style: none; margin: 0; padding: 0; }
li.finding { border-left: 3px var(--sev-line) var(--sev); padding: .1rem .6rem; margin-bottom: .6rem; }
li.finding p { margin: .15rem 0; } li.finding .message { font-weight: 600; } a.at { font-size: .85rem; }
.fix, .spec { font-size: .9rem; }
section.rule { border-top: 1px solid var(--line); } section.rule h3 { font-size: 1rem; }
[hidden] { display: none !important; }
@media print {
  #filters, .skip { display: none; } body { max-width: none; font-size: 11px; }
  details.exchange { content-visibility: visible; break-inside: avoid-page; } .body { grid-template-columns: 1fr; }
  a { color: inherit; }
}

"""#

    /// The filters (also read from and written to the URL's fragment), the count of what is
    /// shown, `j`/`k` between findings, and every fold opened for printing.
    static let script = #"""
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var exchanges = Array.prototype.slice.call(document.querySelectorAll("details.exchange"));
  var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var pages = Array.prototype.slice.call(document.querySelectorAll("details.page"));
  var shown = document.getElementById("shown");
  form.hidden = false;
  function state() {
    var severities = {};
    Array.prototype.forEach.call(form.elements.severity, function (box) { severities[box.value] = box.checked; });
    return { severities: severities, rule: form.elements.rule.value, input: form.elements.input.value, status: form.elements.status.value };
  }
  function statusMatches(wanted, status) {
    if (!wanted) return true;
    if (/^[1-9]xx$/.test(wanted)) return status.charAt(0) === wanted.charAt(0) && status.length === 3;
    return status === wanted;
  }
  function apply(fromHash) {
    var s = state(), count = 0, visibleFindings = 0;
    findings.forEach(function (li) {
      var hide = !s.severities[li.dataset.severity] || (s.rule && li.dataset.rule !== s.rule);
      li.hidden = hide;
    });
    exchanges.forEach(function (x) {
      var ok = (!s.input || x.dataset.input === s.input) && statusMatches(s.status, x.dataset.status);
      if (ok) {
        var pairs = x.dataset.findings ? x.dataset.findings.split(" ") : [];
        if (pairs.length === 0) ok = !!s.severities.clean && !s.rule;
        else ok = pairs.some(function (pair) {
          var at = pair.indexOf(":"), severity = pair.slice(0, at), rule = pair.slice(at + 1);
          return s.severities[severity] && (!s.rule || rule === s.rule);
        });
      }
      x.hidden = !ok;
      if (ok) count += 1;
    });
    pages.forEach(function (page) { page.hidden = !page.querySelector("details.exchange:not([hidden])"); });
    findings.forEach(function (li) { if (!li.hidden && !li.closest("[hidden]")) visibleFindings += 1; });
    shown.textContent = "Showing " + count + " of " + exchanges.length + " exchanges and " + visibleFindings + " of " + findings.length + " findings.";
    if (!fromHash) {
      var parts = [];
      var off = Object.keys(s.severities).filter(function (k) { return !s.severities[k]; });
      if (off.length) parts.push("severity=" + Object.keys(s.severities).filter(function (k) { return s.severities[k]; }).join(","));
      ["rule", "input", "status"].forEach(function (k) { if (s[k]) parts.push(k + "=" + encodeURIComponent(s[k])); });
      history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
    }
  }
  function readHash() {
    var hash = location.hash.slice(1);
    if (hash.indexOf("=") < 0) return false;
    hash.split("&").forEach(function (part) {
      var at = part.indexOf("="), key = part.slice(0, at), value = decodeURIComponent(part.slice(at + 1));
      if (key === "severity") {
        var on = value.split(",");
        Array.prototype.forEach.call(form.elements.severity, function (box) { box.checked = on.indexOf(box.value) >= 0; });
      } else if (form.elements[key] && form.elements[key].tagName === "SELECT") {
        form.elements[key].value = value;
      }
    });
    return true;
  }
  form.addEventListener("change", function () { apply(false); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply(readHash());
  window.addEventListener("hashchange", function () { if (readHash()) apply(true); });
  function go(step) {
    var visible = findings.filter(function (li) { return !li.hidden && !li.closest("[hidden]"); });
    if (!visible.length) return;
    var at = visible.indexOf(document.activeElement);
    var next = visible[at < 0 ? (step > 0 ? 0 : visible.length - 1) : (at + step + visible.length) % visible.length];
    for (var open = next.parentElement; open; open = open.parentElement) if (open.tagName === "DETAILS") open.open = true;
    next.focus();
    next.scrollIntoView({ block: "center" });
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName)) return;
    if (event.key === "j") go(1);
    if (event.key === "k") go(-1);
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();

"""#
}
