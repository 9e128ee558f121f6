/// GitHub Actions workflow commands, one annotation per finding:
///
///     ::error file=a.http,line=1,col=10,endColumn=13,title=httplint method-not-allowed-without-allow::405 …
///
/// Errors become `::error`, warnings `::warning`, info `::notice`; an unreadable input is an
/// `::error` on the file. GitHub shows at most 10 annotations of each kind per step, so pair
/// this with the `sarif` or `markdown` format for the full list.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ input: InputReport) -> String {
        if case .failed(let reason) = input.outcome {
            return "::error file=\(property(input.name)),title=httplint::\(data(reason))\n"
        }
        return LocatedFinding.all(in: input).map { located in
            let command = switch located.finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            let title = "title=\(property("httplint \(located.finding.rule)"))"
            if let part = located.part {
                return "::\(command) file=\(property(located.path)),\(title)::\(data(part + ": " + located.finding.message))\n"
            }
            let properties = "file=\(property(located.path)),line=\(located.line),col=\(located.column),"
                + "endColumn=\(located.underlineEndColumn),\(title)"
            return "::\(command) \(properties)::\(data(located.finding.message))\n"
        }.joined()
    }

    public func finish(_ inputs: [InputReport]) -> String { "" }

    /// The message part: controls and hidden characters shown as escapes (the text is from the
    /// wire or a file name), then `%`, CR and LF escaped.
    private func data(_ text: String) -> String {
        Self.percentEncoding(Printable.display(text), [0x25, 0x0D, 0x0A])
    }

    /// A property value: also `:` and `,`.
    private func property(_ text: String) -> String {
        Self.percentEncoding(Printable.display(text), [0x25, 0x0D, 0x0A, 0x3A, 0x2C])
    }

    /// `text` with each of the ASCII `bytes` as `%XX`, in one pass (most text has none).
    private static func percentEncoding(_ text: String, _ bytes: [UInt8]) -> String {
        guard text.utf8.contains(where: bytes.contains) else { return text }
        var out = ""
        var runStart = text.utf8.startIndex
        var index = runStart
        while index != text.utf8.endIndex {
            let byte = text.utf8[index]
            if bytes.contains(byte) {
                out += text[runStart..<index]
                out += "%" + Printable.hex(byte)
                runStart = text.utf8.index(after: index)
            }
            index = text.utf8.index(after: index)
        }
        return out + text[runStart..<index]
    }
}
