/// Renders the reports of a run in one output format.
///
/// Streaming formats (text, JSON Lines, GitHub annotations) write each input as soon as it is
/// linted; whole-run formats (JSON, SARIF, JUnit, Checkstyle, Markdown) write everything at
/// the end.
///
/// ```swift
/// let reporter = OutputFormat.sarif.reporter(useColor: false)
/// let text = reports.map(reporter.render).joined() + reporter.finish(reports)
/// ```
public protocol Reporter: Sendable {
    /// What to write as soon as `input` has been linted (empty for whole-run formats).
    func render(_ input: InputReport) -> String
    /// What to write after the last input.
    func finish(_ inputs: [InputReport]) -> String
}

/// The output formats, by the name `--format` takes.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, jsonl, sarif, junit, github, checkstyle, markdown, html

    /// Whether the format writes each input as it is linted, so a run need not keep reports.
    public var isStreaming: Bool { self == .text || self == .jsonl || self == .github }

    /// A reporter for this format.
    ///
    /// - Parameters:
    ///   - failOn: the lowest severity that fails the run (JUnit fails only those test cases);
    ///     `nil`: none does.
    ///   - standardInputName: the name to report standard input (`-`) by; `nil` keeps `-`
    ///     (SARIF shows it as `stdin`).
    public func reporter(useColor: Bool = false, failOn: Severity? = .warning, standardInputName: String? = nil) -> any Reporter {
        let reporter: any Reporter = switch self {
        case .text: TextReporter(useColor: useColor)
        case .json: JSONReporter()
        case .jsonl: JSONLinesReporter()
        case .sarif: SARIFReporter()
        case .junit: JUnitReporter(failOn: failOn)
        case .github: GitHubReporter()
        case .checkstyle: CheckstyleReporter()
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        }
        guard let standardInputName else { return reporter }
        return StandardInputNaming(reporter: reporter, name: standardInputName)
    }
}

/// A reporter that reports standard input (`-`) by another name (`--stdin-filename`).
struct StandardInputNaming: Reporter {
    let reporter: any Reporter
    let name: String

    func render(_ input: InputReport) -> String { reporter.render(renamed(input)) }

    func finish(_ inputs: [InputReport]) -> String {
        reporter.finish(inputs.contains { $0.name == "-" } ? inputs.map(renamed) : inputs)
    }

    private func renamed(_ input: InputReport) -> InputReport { input.name == "-" ? input.renamed(name) : input }
}

/// A finding with everything a report shows about it: where it starts and ends in lines and
/// columns, and the rule's documentation.
public struct LocatedFinding: Sendable {
    public let finding: Finding
    public let path: String
    /// The part of the input, when one input holds several (a HAR entry).
    public let part: String?
    /// The line of the input where ``part`` starts, when known (a HAR entry's line).
    public let partLine: Int?
    /// 1-based line and column of the first byte; the column counts bytes.
    public let line: Int
    public let column: Int
    /// 1-based line and column just past the last byte (equal to the start for an empty span).
    public let endLine: Int
    public let endColumn: Int
    /// The same columns counted in Unicode code points, for formats that ask for it (SARIF).
    public let codePointColumn: Int
    public let codePointEndColumn: Int
    /// The byte offset of the first byte in the input.
    public let offset: Int
    public let rule: RuleDescription?
    /// The finding's second place, in the request (``Finding/requestSpan``), when it has one
    /// and the request is known.
    public let request: RequestLocation?

    /// A place in a request input: its name (the request file, or the input whose entry
    /// held the request), 1-based line and column of the first byte and just past the last,
    /// and the byte offset.
    public struct RequestLocation: Sendable, Hashable {
        public let path: String
        public let line: Int
        public let column: Int
        public let endLine: Int
        public let endColumn: Int
        public let offset: Int
        public let length: Int

        /// Where `span` of `request` lies.
        public init(_ span: ByteSpan, in request: Request) {
            let index = LineIndex(request.source)
            (line, column) = index.location(of: span.offset)
            (endLine, endColumn) = index.location(of: span.end)
            path = request.source.name
            offset = span.offset
            length = span.length
        }
    }

    /// Every finding of `input`, located, in input order.
    public static func all(in input: InputReport) -> [LocatedFinding] {
        guard case .linted(let result) = input.outcome, !result.findings.isEmpty else { return [] }
        let index = LineIndex(result.source)
        let requests = RequestsByExchange(result)
        var codePoints = CodePointColumns(index)
        return result.findings.map { finding in
            let (line, column) = index.location(of: finding.span.offset)
            let (endLine, endColumn) = index.location(of: finding.span.end)
            // The columns of a window's first line continue those of the window before.
            let shift = result.source.columnShift + (line == 1 ? result.source.origin.column - 1 : 0)
            let endShift = result.source.columnShift + (endLine == 1 ? result.source.origin.column - 1 : 0)
            let (inputLine, inputColumn) = index.inputLocation(of: finding.span.offset)
            let (inputEndLine, inputEndColumn) = index.inputLocation(of: finding.span.end)
            return LocatedFinding(
                finding: finding, path: input.name, part: input.part, partLine: input.partLine, line: inputLine, column: inputColumn,
                endLine: inputEndLine, endColumn: inputEndColumn,
                codePointColumn: codePoints.count(line: line, before: column) + 1 + shift,
                codePointEndColumn: codePoints.count(line: endLine, before: endColumn) + 1 + endShift,
                offset: result.source.origin.offset + finding.span.offset, rule: RuleCatalogue.description(of: finding.rule),
                request: finding.requestSpan.flatMap { span in requests[finding.exchange].map { RequestLocation(span, in: $0) } })
        }
    }

    /// Code points before a byte column, counted in time independent of the line's length:
    /// a long line gets a table of counts every ``stride`` bytes the first time a finding is on
    /// it, so that many findings on one long line (a 16 MB field value) cost a pass over the
    /// line, not one each.
    struct CodePointColumns {
        private let index: LineIndex
        /// For each long line seen: code points before byte `k * stride` of the line.
        private var checkpoints: [Int: [Int]] = [:]
        private static let stride = 64

        init(_ index: LineIndex) { self.index = index }

        /// Characters in the first `column - 1` bytes of `line` (bytes that do not continue a
        /// UTF-8 sequence); columns past the end of the line (its line break) are not counted.
        mutating func count(line: Int, before column: Int) -> Int {
            let bytes = index.lineBytes(line)
            let length = min(max(column - 1, 0), bytes.count)
            guard bytes.count > 4 * Self.stride else { return Self.characters(bytes.prefix(length)) }
            if checkpoints[line] == nil {
                var table = [0]
                table.reserveCapacity(bytes.count / Self.stride + 1)
                var counted = 0
                var from = bytes.startIndex
                while from + Self.stride <= bytes.endIndex {
                    counted += Self.characters(bytes[from..<from + Self.stride])
                    table.append(counted)
                    from += Self.stride
                }
                checkpoints[line] = table
            }
            let table = checkpoints[line]!
            let whole = length / Self.stride
            let start = bytes.startIndex + whole * Self.stride
            return table[whole] + Self.characters(bytes[start..<bytes.startIndex + length])
        }

        private static func characters(_ bytes: ArraySlice<UInt8>) -> Int {
            bytes.reduce(0) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
        }
    }

    /// The column just past the span on its first line, at least one past the start: for
    /// formats that underline within one line.
    public var underlineEndColumn: Int { endLine == line ? max(endColumn, column + 1) : column + 1 }

    /// A stable identity for the finding across runs: rule, the input's file name (its last
    /// path component, so that neither the working directory nor the way the path was typed
    /// changes it), the part (HAR entry), exchange and message; not the line, so that it
    /// survives edits above it. 16 hex digits (FNV-1a).
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf29ce484222325
        let file = path.split(separator: "/").last.map(String.init) ?? path
        for byte in "\(finding.rule)|\(file)|\(part ?? "")|\(finding.exchange)|\(finding.message)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Escaping for XML text and attribute values; control characters XML cannot carry become
/// `\xNN` escapes.
enum XML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\r", "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\\x" + Printable.hex(UInt8(truncatingIfNeeded: scalar.value))
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The request of each exchange of a lint result, by exchange index (which need not start at 0
/// in a streamed window).
struct RequestsByExchange {
    private let requests: [Int: Request]

    init(_ result: LintResult) {
        var requests: [Int: Request] = [:]
        if result.findings.contains(where: { $0.requestSpan != nil }) {
            for exchange in result.exchanges { requests[exchange.index] = exchange.request }
        }
        self.requests = requests
    }

    subscript(exchange: Int) -> Request? { requests[exchange] }
}
