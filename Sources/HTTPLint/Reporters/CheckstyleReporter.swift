/// Checkstyle XML, as Jenkins Warnings NG, reviewdog and many editors read it: one `<file>`
/// per input file (a HAR archive's entries under their one file), every `<error>` with a line
/// (a HAR entry's line in the archive, 1 when there is none) and the rule id as its source:
///
///     <checkstyle version="4.3"><file name="a.http"><error line="1" column="10" severity="error" message="…" source="method-not-allowed-without-allow"/></file></checkstyle>
///
/// An unreadable input is a file with one error on line 1 whose source is `httplint.input`.
public struct CheckstyleReporter: Reporter {
    public init() {}

    public func render(_ input: InputReport) -> String { "" }

    public func finish(_ inputs: [InputReport]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for (name, reports) in groupedByFile(inputs) {
            out += "  <file name=\"\(XML.escape(Printable.display(name)))\">\n"
            for input in reports {
                if case .failed(let reason) = input.outcome {
                    out += "    <error line=\"1\" severity=\"error\" message=\"\(XML.escape(Printable.display(reason)))\" source=\"httplint.input\"/>\n"
                }
                for located in LocatedFinding.all(in: input) {
                    let position = located.part == nil ? "line=\"\(located.line)\" column=\"\(located.column)\" " : "line=\"\(located.partLine ?? 1)\" "
                    let message = located.part.map { "\($0): " } ?? ""
                    out += "    <error \(position)severity=\"\(located.finding.severity.rawValue)\" "
                        + "message=\"\(XML.escape(Printable.display(message + located.finding.message)))\" source=\"\(located.finding.rule)\"/>\n"
                }
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }
}
