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
            ("summary", .object([
                ("inputs", .number(summary.inputs)),
                ("unreadable", .number(summary.unreadable)),
                ("responses", .number(summary.responses)),
                ("errors", .number(summary.count(.error))),
                ("warnings", .number(summary.count(.warning))),
                ("info", .number(summary.count(.info))),
            ])),
        ])
        return document.rendered() + "\n"
    }

    private func input(_ report: InputReport) -> JSON {
        switch report.outcome {
        case .linted:
            .object([("path", .string(report.name)), ("entry", report.part.map(JSON.string) ?? .null),
                     ("responses", .number(report.responseCount)), ("findings", .number(report.findings.count))])
        case .failed(let reason):
            .object([("path", .string(report.name)), ("error", .string(reason))])
        }
    }

    private func findings(_ report: InputReport) -> [JSON] {
        LocatedFinding.all(in: report).map(Self.object)
    }

    /// One finding as the JSON object the README documents (shared with JSON Lines).
    static func object(_ located: LocatedFinding) -> JSON {
        let finding = located.finding
        return .object([
            ("path", .string(located.path)),
            ("entry", located.part.map(JSON.string) ?? .null),
            ("exchange", .number(finding.exchange)),
            ("status", finding.status.map(JSON.number) ?? .null),
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            ("line", .number(located.line)),
            ("column", .number(located.column)),
            ("offset", .number(located.offset)),
            ("length", .number(finding.span.length)),
            ("spec", located.rule?.spec.first.map { .string($0.description) } ?? .null),
            ("specURL", located.rule?.spec.first.map { .string($0.url) } ?? .null),
            ("fix", located.rule.map { .string($0.fix) } ?? .null),
            ("request", located.request.map { request in .object([
                ("path", .string(request.path)), ("line", .number(request.line)), ("column", .number(request.column)),
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
        switch self {
        case .string(let text): return Self.quoted(text)
        case .number(let number): return String(number)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map { $0.compact() }.joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { Self.quoted($0.0) + ":" + $0.1.compact() }.joined(separator: ",") + "}"
        }
    }

    /// Pretty-printed with two-space indentation.
    func rendered(indent: Int = 0) -> String {
        let inner = String(repeating: "  ", count: indent + 1)
        let outer = String(repeating: "  ", count: indent)
        switch self {
        case .string(let text): return Self.quoted(text)
        case .number(let number): return String(number)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n\(outer)]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { inner + Self.quoted($0.0) + ": " + $0.1.rendered(indent: indent + 1) }
                .joined(separator: ",\n") + "\n\(outer)}"
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u00" + Printable.hex(UInt8(scalar.value))
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
