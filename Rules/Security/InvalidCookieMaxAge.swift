import HTTPLintCore

/// A cookie's Max-Age attribute is a number of seconds.
struct InvalidCookieMaxAge: Rule {
    static let description = RuleDescription(
        id: "invalid-cookie-max-age",
        severity: .warning,
        category: .security,
        summary: "Set-Cookie Max-Age that is not a number of seconds, so browsers ignore it",
        rationale: """
            RFC 6265 §4.1.1 gives Max-Age as digits. Browsers follow RFC 6265 §5.2.2: a value \
            that is empty, or is anything but an optional `-` and digits, makes them ignore the \
            attribute, so the cookie falls back to Expires or lasts only for the session. Zero \
            and negative values are read (they expire the cookie at once) and are not reported.
            """,
        fix: "Write Max-Age as plain digits, without quotes or units: `Max-Age=3600`",
        spec: [SpecReference(rfc: 6265, section: "5.2.2"), SpecReference(rfc: 6265, section: "4.1.1")],
        fields: ["Set-Cookie"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Max-Age=3600s\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; max-age=\"3600\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Max-Age=\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Max-Age=31536000\nContent-Length: 0\n\n"),
            // Deleting a cookie with 0 or a negative number works in every browser.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=; Max-Age=0\nSet-Cookie: old=; Max-Age=-1\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Max-Age = 60 \nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for cookie in SetCookie.all(in: response) {
            for attribute in cookie.attributes where attribute.key == "max-age" && !Self.isReadable(attribute.value) {
                report.add("Set-Cookie \(cookie.displayName): Max-Age '\(Printable.escape(attribute.value))' is not a number of seconds; browsers ignore it",
                           at: cookie.field.valueSpan, status: response.status)
            }
        }
    }

    /// RFC 6265 §5.2.2: an optional "-" then one or more DIGITs, nothing else.
    static func isReadable(_ value: String) -> Bool {
        let digits = value.hasPrefix("-") ? value.dropFirst() : value[...]
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
