/// Checkstyle XML, as Jenkins Warnings NG, reviewdog and many editors read it:
///
///     <checkstyle version="4.3"><file name="a.http"><error line="1" column="10" severity="error" message="…" source="httplint.method-not-allowed-without-allow"/></file></checkstyle>
///
/// An unreadable input is a file with one error whose source is `httplint.input`.
public struct CheckstyleReporter: Reporter {
    public init() {}

    public func render(_ input: InputReport) -> String { "" }

    public func finish(_ inputs: [InputReport]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for input in inputs {
            out += "  <file name=\"\(XML.escape(input.name))\">\n"
            if case .failed(let reason) = input.outcome {
                out += "    <error severity=\"error\" message=\"\(XML.escape(reason))\" source=\"httplint.input\"/>\n"
            }
            for located in LocatedFinding.all(in: input) {
                let position = located.part == nil ? "line=\"\(located.line)\" column=\"\(located.column)\" " : ""
                let message = located.part.map { "\($0): " } ?? ""
                out += "    <error \(position)severity=\"\(located.finding.severity.rawValue)\" "
                    + "message=\"\(XML.escape(message + located.finding.message))\" source=\"httplint.\(located.finding.rule)\"/>\n"
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }
}
