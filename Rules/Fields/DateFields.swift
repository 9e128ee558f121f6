import HTTPLintCore

/// The response fields whose value is an HTTP-date (Retry-After only when it is not a number
/// of seconds). Expires has a rule of its own: caches read an invalid Expires as "expired".
enum DateFields {
    static let names = ["Date", "Last-Modified", "Retry-After"]

    /// Each date field of `response` with its parsed value or why it is not a date.
    static func dates(in response: Response) -> [(field: Field, result: Result<HTTPDate, HTTPDate.Problem>)] {
        response.fields.compactMap { field -> (field: Field, result: Result<HTTPDate, HTTPDate.Problem>)? in
            guard let name = names.first(where: field.hasName) else { return nil }
            let value = field.value.trimmingWhitespace()
            if name == "Retry-After", !value.isEmpty, value.allSatisfy(\.isNumber) { return nil }
            do throws(HTTPDate.Problem) {
                return (field, .success(try HTTPDate.parse(field.value)))
            } catch {
                return (field, .failure(error))
            }
        }
    }
}
