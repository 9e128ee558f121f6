import HTTPLintCore

/// Checks for fields whose value is a list of tokens (`#token`, RFC 9110 §5.6.1, §5.6.2).
enum TokenLists {
    /// The members of `field` that are not tokens.
    static func nonTokens(in field: Field) -> [String] {
        field.listElements.filter { !$0.isHTTPToken }
    }

    /// Reports every member of the `name` fields that is not a token.
    static func report(_ name: String, what: String, in response: Response, _ report: inout FindingReporter) {
        for field in response.fields.named(name) {
            for member in nonTokens(in: field) {
                report.add("\(name) member '\(Printable.escape(member))' is not a \(what)", at: field.valueSpan, status: response.status)
            }
        }
    }
}
