import HTTPLintCore

/// Checks for fields whose value is a list of tokens (`#token`, RFC 9110 §5.6.1, §5.6.2).
enum TokenLists {
    /// Reports every member of the `tableField` fields that is not a token; answers the fields
    /// and whether any member is `*` and how many members there are, for a rule that checks more.
    ///
    /// Members are read in place: text is built only for the message of a member that is not
    /// a token.
    @discardableResult
    static func report(_ tableField: TableField, what: String, in response: Response,
                       _ report: inout FindingReporter) -> (lines: FieldLines, memberCount: Int, hasStar: Bool) {
        let lines = response.fields.named(tableField)
        var count = 0
        var hasStar = false
        for field in lines {
            let value = field.readValueBytes
            ListSyntax.forEachElement(of: value) { range in
                count += 1
                let member = value[range]
                if member.count == 1, member.first == UInt8(ascii: "*") { hasStar = true }
                if !member.allSatisfy(\.isHTTPTokenCharacter) {
                    report.add("\(tableField.name) member '\(Printable.escape(SourceText.decode(member)))' is not a \(what)",
                               at: field.valueSpan, status: response.status)
                }
            }
        }
        return (lines, count, hasStar)
    }
}
