import HTTPLintCore

/// Checks shared by the Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy rules:
/// both fields are structured-field Items whose bare item must be one of a few tokens
/// (HTML, "obtain a cross-origin opener policy" and "obtain an embedder policy").
enum CrossOriginPolicyItems {
    /// Reports each field of `names` whose value parses as an Item but is not one of `allowed`.
    /// Values that do not parse are left to invalid-structured-field.
    static func report(_ names: [String], allowed: [String], in response: Response, _ report: inout FindingReporter) {
        for name in names {
            let lines = response.fields.named(name)
            guard !lines.isEmpty,
                  let item = try? StructuredFields.parseItem(lines.map(\.value).joined(separator: ", ")) else { continue }
            let span = lines.count == 1 ? lines[0].valueSpan : lines[0].lineSpan
            let expected = allowed.joined(separator: ", ")
            switch item.bare {
            case .token(let token) where allowed.contains(token):
                continue
            case .token(let token) where allowed.contains(token.asciiLowercased()):
                report.add("\(name) '\(token)' is not one of \(expected): the values are case-sensitive, so browsers ignore the field",
                           at: span, status: response.status)
            case .token(let token):
                report.add("\(name) '\(token)' is not one of \(expected); browsers ignore the field", at: span, status: response.status)
            case .string(let string):
                report.add("\(name) is the quoted string \"\(Printable.escape(string))\"; the value must be a bare token (\(expected)), or browsers ignore the field",
                           at: span, status: response.status)
            default:
                report.add("\(name) is not a token (\(expected)); browsers ignore the field", at: span, status: response.status)
            }
        }
    }
}
