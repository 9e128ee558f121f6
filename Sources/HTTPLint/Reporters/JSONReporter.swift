/// Renders a whole run as one JSON document. The schema is documented in the README and
/// kept stable: fields are added, never renamed or removed, and `schemaVersion` changes if
/// that promise is ever broken.
public struct JSONReporter: Reporter {
    public static let schemaVersion = 1

    public init() {}

    public func render(_ input: InputReport) -> String { "" }

    public func finish(_ reports: [InputReport]) -> String {
        let summary = RunSummary(reports)
        let document: JSON = .object([
            ("schemaVersion", .number(Self.schemaVersion)),
            ("tool", .object([("name", .string("httplint")), ("version", .string(HTTPLintVersion.current))])),
            ("inputs", .array(reports.map(input))),
            ("findings", .array(reports.flatMap(findings))),
            ("summary", .object(Self.summaryMembers(summary))),
        ])
        return document.rendered() + "\n"
    }

    /// The run's totals, as the `summary` object (and the JSON Lines summary record) has them.
    static func summaryMembers(_ summary: RunSummary) -> [(String, JSON)] {
        [
            ("inputs", .number(summary.inputs)),
            ("unreadable", .number(summary.unreadable)),
            ("responses", .number(summary.responses)),
            ("errors", .number(summary.count(.error))),
            ("warnings", .number(summary.count(.warning))),
            ("info", .number(summary.count(.info))),
        ]
    }

    private func input(_ report: InputReport) -> JSON {
        switch report.outcome {
        case .linted:
            .object([("path", Self.text(report.name)), ("entry", report.part.map(JSON.string) ?? .null),
                     ("responses", .number(report.responseCount)), ("findings", .number(report.findings.count))])
        case .failed(let reason):
            .object([("path", Self.text(report.name)), ("error", Self.text(reason))])
        }
    }

    private func findings(_ report: InputReport) -> [JSON] {
        LocatedFinding.all(in: report).map(Self.object)
    }

    /// A file name or a reason naming one, with the bytes of a name that is not UTF-8 shown as
    /// `\\xFF`, as messages show them (JSON strings hold text, not bytes).
    static func text(_ string: String) -> JSON { .string(Printable.showingUndecodedBytes(string)) }

    /// One finding as the JSON object the README documents (shared with JSON Lines).
    static func object(_ located: LocatedFinding) -> JSON {
        let finding = located.finding
        return .object([
            ("path", Self.text(located.path)),
            ("entry", located.part.map(JSON.string) ?? .null),
            ("exchange", .number(finding.exchange)),
            ("status", finding.status.map(JSON.number) ?? .null),
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(Printable.showingUndecodedBytes(finding.message))),
            ("line", .number(located.line)),
            ("column", .number(located.column)),
            ("offset", .number(located.offset)),
            ("length", .number(finding.span.length)),
            ("spec", located.rule?.spec.first.map { .string($0.description) } ?? .null),
            ("specURL", located.rule?.spec.first.map { .string($0.url) } ?? .null),
            ("fix", (finding.fix ?? located.rule?.fix).map(JSON.string) ?? .null),
            ("request", located.request.map { request in .object([
                ("path", Self.text(request.path)), ("line", .number(request.line)), ("column", .number(request.column)),
                ("offset", .number(request.offset)), ("length", .number(request.length)),
            ]) } ?? .null),
        ])
    }
}

/// A JSON value whose object keys keep the order they were given in.
enum JSON: Sendable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    /// On one line, for JSON Lines.
    func compact() -> String {
        var out = ""
        write(into: &out, indent: nil)
        return out
    }

    /// Pretty-printed with two-space indentation.
    func rendered(indent: Int = 0) -> String {
        var out = ""
        write(into: &out, indent: indent)
        return out
    }

    /// Appends the value to `out`, pretty-printed at `indent`, or on one line when `nil`: one
    /// string for the whole document, so that time is linear in its size.
    private func write(into out: inout String, indent: Int?) {
        switch self {
        case .string(let text): Self.quote(text, into: &out)
        case .number(let number): out += String(number)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard let indent else {
                out += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { out += "," }
                    item.write(into: &out, indent: nil)
                }
                out += "]"
                return
            }
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                if index > 0 { out += ",\n" }
                Self.pad(&out, indent + 1)
                item.write(into: &out, indent: indent + 1)
            }
            out += "\n"; Self.pad(&out, indent); out += "]"
        case .object(let members):
            guard let indent else {
                out += "{"
                for (index, member) in members.enumerated() {
                    if index > 0 { out += "," }
                    Self.quote(member.0, into: &out); out += ":"
                    member.1.write(into: &out, indent: nil)
                }
                out += "}"
                return
            }
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, member) in members.enumerated() {
                if index > 0 { out += ",\n" }
                Self.pad(&out, indent + 1)
                Self.quote(member.0, into: &out); out += ": "
                member.1.write(into: &out, indent: indent + 1)
            }
            out += "\n"; Self.pad(&out, indent); out += "}"
        }
    }

    private static func pad(_ out: inout String, _ indent: Int) {
        for _ in 0..<indent { out += "  " }
    }

    static func quoted(_ text: String) -> String {
        var out = ""
        quote(text, into: &out)
        return out
    }

    /// Appends `text` as a JSON string: runs of bytes that need no escape in one piece (every
    /// byte to escape is ASCII, so a run never splits a character).
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F {
                index = utf8.index(after: index)
                continue
            }
            out += text[runStart..<index]
            switch byte {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            default: out += "\\u00" + Printable.hex(byte)
            }
            index = utf8.index(after: index)
            runStart = index
        }
        out += text[runStart..<index]
        out += "\""
    }
}
