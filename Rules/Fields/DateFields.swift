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

/// A date field that is not a date.
struct InvalidHTTPDate: Rule {
    static let description = RuleDescription(
        id: "invalid-http-date",
        severity: .error,
        category: .fields,
        summary: "Date, Last-Modified or Retry-After that is not an HTTP date",
        rationale: """
            RFC 9110 §5.6.7: an HTTP-date is `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate), or \
            one of two obsolete forms that recipients still accept. Anything else, including a \
            weekday that does not match the date, is invalid: caches cannot compute age or \
            freshness from it, and clients ignore it.
            """,
        fix: "Send dates as IMF-fixdate in GMT, such as `Date: Sun, 06 Nov 1994 08:49:37 GMT`",
        spec: [.rfc9110("5.6.7"), .rfc9110("6.6.1")],
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: 2026-11-21T10:00:00Z\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nDate: Mon, 21 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nLast-Modified: Sat, 31 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 503 Service Unavailable\nRetry-After: soon\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 503 Service Unavailable\nRetry-After: 120\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sunday, 06-Nov-94 08:49:37 GMT\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for (field, result) in DateFields.dates(in: response) {
            guard case .failure(let problem) = result else { continue }
            report.add("\(field.name) '\(Printable.escape(Array(field.value.utf8)))' is not an HTTP date: \(problem)",
                       at: field.valueSpan, status: response.status)
        }
    }
}

/// Dates in the obsolete RFC 850 or asctime forms.
struct ObsoleteDateFormat: Rule {
    static let description = RuleDescription(
        id: "obsolete-date-format",
        severity: .warning,
        category: .fields,
        summary: "Date in the obsolete RFC 850 or asctime form",
        rationale: """
            RFC 9110 §5.6.7: "When a sender generates a field that contains one or more \
            timestamps defined as HTTP-date, the sender MUST generate those timestamps in the \
            IMF-fixdate format." Recipients must still accept the RFC 850 form (with its \
            two-digit year) and the asctime form, so nothing breaks at once, which is why this \
            is a warning; the two-digit year is ambiguous.
            """,
        fix: "Send dates as IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`",
        spec: [.rfc9110("5.6.7")],
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sunday, 06-Nov-94 08:49:37 GMT\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nLast-Modified: Sun Nov  6 08:49:37 1994\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for (field, result) in DateFields.dates(in: response) {
            guard case .success(let date) = result, date.format != .imfFixdate else { continue }
            report.add("\(field.name) uses the obsolete \(date.format.rawValue) date form; senders must use IMF-fixdate",
                       at: field.valueSpan, status: response.status)
        }
    }
}

/// Origin servers send Date.
struct MissingDate: Rule {
    static let description = RuleDescription(
        id: "missing-date",
        severity: .warning,
        category: .fields,
        summary: "2xx, 3xx or 4xx response without a Date field",
        rationale: """
            RFC 9110 §6.6.1: "An origin server with a clock MUST generate a Date header field in \
            all 2xx (Successful), 3xx (Redirection), and 4xx (Client Error) responses". Caches \
            need it to compute the response's age (RFC 9111 §4.2.3). It is a warning because a \
            server without a clock is excused; 304 responses are reported by \
            `not-modified-missing-fields`, and a proxy's answer to CONNECT is not an origin's.
            """,
        fix: "Send `Date` with the time the response was generated, as IMF-fixdate",
        spec: [.rfc9110("6.6.1")],
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 500 Internal Server Error\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 204 No Content\nDate: Sat, 21 Nov 2026 10:00:00 GMT\n\n"),
            Example("HTTP/1.1 304 Not Modified\nETag: \"a\"\n\n"),
            Example("HTTP/1.1 200 Connection established\n\n", request: "CONNECT example.com:443 HTTP/1.1\nHost: example.com:443\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        // A proxy's answer to CONNECT opens a tunnel; it is not an origin server's response.
        guard let status = response.status, (200..<500).contains(status), status != 304,
              exchange.request?.isCONNECT != true, !response.fields.contains("Date") else { return }
        report.add("\(response.statusText) response has no Date field", about: response)
    }
}

/// Last-Modified after the response's own Date.
struct LastModifiedAfterDate: Rule {
    static let description = RuleDescription(
        id: "last-modified-after-date",
        severity: .warning,
        category: .fields,
        summary: "Last-Modified later than Date",
        rationale: """
            RFC 9110 §8.8.2.1: "An origin server SHOULD NOT send a Last-Modified date that is \
            later than the server's time of message origination (Date)", and a recipient should \
            replace such a date with the message's Date. A future modification time breaks \
            conditional requests (If-Modified-Since) and heuristic caching.
            """,
        fix: "Send the representation's real modification time, no later than Date",
        spec: [.rfc9110("8.8.2.1")],
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nLast-Modified: Sat, 21 Nov 2026 10:00:01 GMT\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nLast-Modified: Sat, 21 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nLast-Modified: Sat, 21 Nov 2026 10:00:01 GMT\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let dates = DateFields.dates(in: response)
        guard case .success(let date)? = dates.first(where: { $0.field.hasName("Date") })?.result,
              let modified = dates.first(where: { $0.field.hasName("Last-Modified") }),
              case .success(let lastModified) = modified.result, lastModified.secondsSince1970 > date.secondsSince1970 else { return }
        report.add("Last-Modified is \(lastModified.secondsSince1970 - date.secondsSince1970) seconds after the response's Date",
                   at: modified.field.valueSpan, status: response.status)
    }
}

/// Expires values such as 0 or -1.
struct InvalidExpires: Rule {
    static let description = RuleDescription(
        id: "invalid-expires",
        severity: .warning,
        category: .fields,
        summary: "Expires that is not an HTTP date, such as `0` or `-1`",
        rationale: """
            RFC 9111 §5.3: `Expires = HTTP-date`, and "a cache recipient MUST interpret invalid \
            date formats, especially the value "0", as representing a time in the past (i.e., \
            "already expired")." So `Expires: 0` works by accident of that rule; the sender \
            still breaks the grammar, and the intent is clearer with Cache-Control.
            """,
        fix: "Send `Cache-Control: no-cache` (or `max-age=0`), or an Expires date in the past as IMF-fixdate",
        spec: [SpecReference(rfc: 9111, section: "5.3")],
        triggering: [
            Example("HTTP/1.1 200 OK\nExpires: 0\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nExpires: -1\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nExpires: Thu, 01 Jan 1970 00:00:00 GMT\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named("Expires") {
            do {
                _ = try HTTPDate.parse(field.value)
            } catch {
                report.add("Expires '\(Printable.escape(Array(field.value.utf8)))' is not an HTTP date (\(error)); caches read it as already expired",
                           at: field.valueSpan, status: response.status)
            }
        }
    }
}
