import HTTPLintCore

/// The response fields whose value is an HTTP-date, each parsed once per response for every
/// rule that reads dates (``FindingReporter/reading(_:of:)``).
struct DateFields: ResponseReading {
    typealias Parsed = (field: Field, result: Result<HTTPDate, HTTPDate.Problem>)

    /// The fields checked as dates (Retry-After only when it is not a number of seconds).
    /// Expires is not among them: caches read an invalid Expires as "expired", and it has a
    /// rule of its own.
    static let names = ["Date", "Last-Modified", "Retry-After"]

    /// Each field of ``names`` with its date or why it is not one, in field order.
    let checked: [Parsed]
    /// Each Expires field with its date or why it is not one, in field order.
    let expires: [Parsed]
    /// The first Date, Last-Modified and Expires fields and their dates, for ``first(_:)``.
    private let firstDate, firstLastModified, firstExpires: Parsed?

    init(_ response: Response) {
        var checked: [Parsed] = []
        for name in Self.names {
            for field in response.fields.named(name) {
                let value = field.rawValueBytes
                if name == "Retry-After", !value.isEmpty, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { continue }
                checked.append(Self.parse(field))
            }
        }
        self.checked = checked.sorted { $0.field.nameSpan.offset < $1.field.nameSpan.offset }
        self.expires = response.fields.named("Expires").map(Self.parse)
        self.firstDate = checked.first { $0.field.hasName("Date") }
        self.firstLastModified = checked.first { $0.field.hasName("Last-Modified") }
        self.firstExpires = expires.first
    }

    enum FirstDate { case date, lastModified, expires }

    /// The first `name` field and its date; `nil` when there is none or the first one is not an
    /// HTTP-date.
    func first(_ name: FirstDate) -> (field: Field, date: HTTPDate)? {
        let first = switch name {
        case .date: firstDate
        case .lastModified: firstLastModified
        case .expires: firstExpires
        }
        guard let first, case .success(let date) = first.result else { return nil }
        return (first.field, date)
    }

    private static func parse(_ field: Field) -> Parsed {
        let value = field.rawValueBytes
        do throws(HTTPDate.Problem) {
            // Folds and bare CRs read as spaces: the value a recipient sees.
            let date = field.isFolded || value.contains(0x0D) ? try HTTPDate.parse(field.value) : try HTTPDate.parse(bytes: value)
            return (field, .success(date))
        } catch {
            return (field, .failure(error))
        }
    }
}
