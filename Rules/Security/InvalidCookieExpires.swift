import HTTPLintCore

/// A cookie's Expires attribute is an IMF-fixdate.
struct InvalidCookieExpires: Rule {
    static let description = RuleDescription(
        id: "invalid-cookie-expires",
        severity: .warning,
        category: .security,
        summary: "Set-Cookie Expires that is not an IMF-fixdate, or that browsers cannot read at all",
        rationale: """
            RFC 6265 §4.1.1: `expires-av = "Expires=" sane-cookie-date`, an rfc1123-date (the \
            IMF-fixdate of RFC 9110 §5.6.7, as RFC 6265bis §4.1.1 says), and servers SHOULD use \
            it because user agents read two-digit years differently. Browsers parse Expires \
            with a lenient algorithm (RFC 6265 §5.1.1); when even that fails they ignore the \
            attribute (§5.2.1), and without Max-Age the cookie then lives only until the \
            browser closes instead of until the intended date.
            """,
        fix: "Write Expires as IMF-fixdate (`Expires=Wed, 21 Oct 2026 07:28:00 GMT`), or use Max-Age",
        spec: [SpecReference(rfc: 6265, section: "4.1.1"), SpecReference(rfc: 6265, section: "5.1.1"),
               SpecReference(rfc: 6265, section: "5.2.1")],
        fields: ["Set-Cookie"],
        runsWhen: .anyFieldPresent,
        triggering: [
            // Browsers cannot read it: the cookie becomes a session cookie.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Expires=2026-10-21T07:28:00Z\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Expires=0\nContent-Length: 0\n\n", line: 3),
            // Readable by browsers, but not the form the grammar asks for.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; expires=Wed, 21-Oct-26 07:28:00 GMT\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; expires=Wed, 21-Oct-2026 07:28:00 GMT\nContent-Length: 0\n\n", line: 3),
            // The weekday does not match the date.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Expires=Mon, 21 Oct 2026 07:28:00 GMT\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Path=/\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=; expires=Thu, 01 Jan 1970 00:00:00 GMT\nContent-Length: 0\n\n"),
            // A cookie value that looks like an attribute is not one.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: expires=soon\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for cookie in SetCookie.all(in: response) {
            for attribute in cookie.attributes where attribute.key == "expires" {
                guard var problem = Self.problem(with: attribute.value) else { continue }
                if cookie.has("Max-Age") { problem = problem.replacing("and the cookie expires when the session ends", with: "(Max-Age still sets the lifetime)") }
                report.add("Set-Cookie \(cookie.displayName): Expires '\(Printable.escape(attribute.value))' \(problem)",
                           at: cookie.field.valueSpan, status: response.status)
            }
        }
    }

    static func problem(with value: String) -> String? {
        let http: HTTPDate?
        var imfProblem: String?
        do {
            http = try HTTPDate.parse(value)
        } catch {
            http = nil
            // Shaped like an IMF-fixdate but wrong inside (a weekday that does not match, say).
            let parts = value.split(separator: " ")
            if parts.count == 6, parts[0].hasSuffix(","), parts[5] == "GMT" { imfProblem = error.description }
        }
        if http?.format == .imfFixdate { return nil }
        guard let lenient = CookieDate.parse(value) else {
            return "is not a date browsers can read; they ignore the attribute and the cookie expires when the session ends"
        }
        if let imfProblem { return "is not a valid IMF-fixdate: \(imfProblem)" }
        var problem = "is not an IMF-fixdate such as 'Wed, 21 Oct 2026 07:28:00 GMT'"
        if let http { problem += " (it uses the obsolete \(http.format.rawValue) form)" }
        if lenient.twoDigitYear { problem += "; its two-digit year is read differently by some browsers" }
        return problem
    }
}
