import HTTPLintCore

/// The response fields whose value is an HTTP-date (Retry-After only when it is not a number
/// of seconds). Expires has a rule of its own: caches read an invalid Expires as "expired".
enum DateFields {
    static let names = ["Date", "Last-Modified", "Retry-After"]

    /// Each date field of `response` with its parsed value or why it is not a date, in field order.
    static func dates(in response: Response) -> [(field: Field, result: Result<HTTPDate, HTTPDate.Problem>)] {
        var dates: [(field: Field, result: Result<HTTPDate, HTTPDate.Problem>)] = []
        for name in names {
            for field in response.fields.named(name) {
                let value = field.rawValueBytes
                if name == "Retry-After", !value.isEmpty, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { continue }
                do throws(HTTPDate.Problem) {
                    // Folds and bare CRs read as spaces: the value a recipient sees.
                    let date = field.isFolded || value.contains(0x0D) ? try HTTPDate.parse(field.value) : try HTTPDate.parse(bytes: value)
                    dates.append((field, .success(date)))
                } catch {
                    dates.append((field, .failure(error)))
                }
            }
        }
        return dates.sorted { $0.field.nameSpan.offset < $1.field.nameSpan.offset }
    }
}
