import HTTPLintCore

/// The response fields whose value is an HTTP-date, each parsed once per response for every
/// rule that reads dates (``FindingReporter/reading(_:of:)``).
final class DateFields: ResponseReading {
    /// One date field and its date or why it is not one. A class rather than a tuple or a
    /// struct: copies of a tuple holding a `Result` went through the runtime's generic copy,
    /// and each copy of a struct retained every reference in its field; a class is one retain.
    final class Parsed {
        let field: Field
        let result: Result<HTTPDate, HTTPDate.Problem>

        init(field: Field, result: Result<HTTPDate, HTTPDate.Problem>) {
            self.field = field
            self.result = result
        }
    }

    /// Each Date, Last-Modified and Retry-After field (Retry-After only when it is not a number
    /// of seconds) with its date or why it is not one, in field order. Expires is not among
    /// them: caches read an invalid Expires as "expired", and it has a rule of its own.
    let checked: [Parsed]
    /// Each Expires field with its date or why it is not one, in field order.
    let expires: [Parsed]
    /// Where in ``checked`` the first Date and Last-Modified fields are, for ``first(_:)``
    /// (places rather than copies: a copy of a field changes its input's reference count).
    private let firstDate, firstLastModified: Int?
    /// The dates of the first Date, Last-Modified and Expires fields, for ``date(_:)``: read
    /// without copying a parsed field.
    private let dateOfFirstDate, dateOfFirstLastModified, dateOfFirstExpires: HTTPDate?


    init(_ response: Response) {
        // One walk over the fields, in their order, picking out the four by table place.
        var checked: [Parsed] = []
        // Date and Last-Modified, usually: room for both at once rather than growing from one.
        checked.reserveCapacity(3)
        var expires: [Parsed] = []
        var firstDate, firstLastModified: Int?
        let date = TableField.date, lastModified = TableField.lastModified, retryAfter = TableField.retryAfter,
            expiresField = TableField.expires
        response.fields.forEach { field in
            if field.is(date) || field.is(lastModified) {
                if field.is(date) { firstDate = firstDate ?? checked.count } else { firstLastModified = firstLastModified ?? checked.count }
                checked.append(Self.parse(field))
            } else if field.is(retryAfter) {
                let value = field.rawValueBytes
                if !value.isEmpty, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return }
                checked.append(Self.parse(field))
            } else if field.is(expiresField) {
                expires.append(Self.parse(field))
            }
        }
        self.checked = checked
        self.expires = expires
        self.firstDate = firstDate
        self.firstLastModified = firstLastModified
        func success(_ parsed: Parsed?) -> HTTPDate? {
            guard let parsed, case .success(let date) = parsed.result else { return nil }
            return date
        }
        dateOfFirstDate = success(firstDate.map { checked[$0] })
        dateOfFirstLastModified = success(firstLastModified.map { checked[$0] })
        dateOfFirstExpires = success(expires.first)
    }

    enum FirstDate { case date, lastModified, expires }

    /// The date of the first `name` field; `nil` when there is none or the first one is not an
    /// HTTP-date.
    func date(_ name: FirstDate) -> HTTPDate? {
        switch name {
        case .date: dateOfFirstDate
        case .lastModified: dateOfFirstLastModified
        case .expires: dateOfFirstExpires
        }
    }

    /// The first `name` field and its date; `nil` when there is none or the first one is not an
    /// HTTP-date.
    func first(_ name: FirstDate) -> (field: Field, date: HTTPDate)? {
        let first = switch name {
        case .date: firstDate.map { checked[$0] }
        case .lastModified: firstLastModified.map { checked[$0] }
        case .expires: expires.first
        }
        guard let first, case .success(let date) = first.result else { return nil }
        return (first.field, date)
    }

    private static func parse(_ field: Field) -> Parsed {
        let value = field.rawValueBytes
        do throws(HTTPDate.Problem) {
            // Folds and bare CRs read as spaces: the value a recipient sees.
            let date = field.isFolded || value.contains(0x0D) ? try HTTPDate.parse(field.value) : try HTTPDate.parse(bytes: value)
            return Parsed(field: field, result: .success(date))
        } catch {
            return Parsed(field: field, result: .failure(error))
        }
    }
}
