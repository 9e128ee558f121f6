import HTTPLintCore

/// Checks for fields whose value is a list of tokens (`#token`, RFC 9110 §5.6.1, §5.6.2).
enum TokenLists {
    /// Reports every member of the `name` fields that is not a token; answers the fields and
    /// all their members, for a rule that checks more of them.
    @discardableResult
    static func report(_ name: String, what: String, in response: Response,
                       _ report: inout FindingReporter) -> (lines: FieldLines, members: [String]) {
        let lines = response.fields.named(name)
        var all: [String] = []
        for field in lines {
            let members = field.listElements
            for member in members where !member.isHTTPToken {
                report.add("\(name) member '\(Printable.escape(member))' is not a \(what)", at: field.valueSpan, status: response.status)
            }
            all += members
        }
        return (lines, all)
    }
}
