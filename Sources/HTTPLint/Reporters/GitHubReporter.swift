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

    /// The message part: `%`, CR and LF are escaped.
    private func data(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// A property value: also `:` and `,`.
    private func property(_ text: String) -> String {
        data(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
