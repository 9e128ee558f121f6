import HTTPLintCore

/// A cookie bigger than the size user agents are asked to support.
struct CookieTooLarge: Rule {
    static let description = RuleDescription(
        id: "cookie-too-large",
        severity: .info,
        category: .security,
        summary: "Set-Cookie whose name, value and attributes add up to more than 4096 bytes",
        rationale: """
            RFC 6265 §6.1 asks user agents to support at least 4096 bytes per cookie, \
            measured as the sum of the lengths of its name, value and attributes, and tells \
            servers to use as few and as small cookies as they can. A bigger cookie is beyond \
            what every user agent promises to keep and may be dropped, losing the state it \
            was meant to carry (current browsers refuse a cookie whose name and value alone \
            pass 4096 bytes, and cap each attribute value at 1024). \
            The size here counts the name, the value and each attribute's name and value, \
            without the separators, so it never overstates the cookie.
            """,
        fix: "Keep large state on the server and put only an identifier in the cookie",
        spec: [SpecReference(rfc: 6265, section: "6.1")],
        fields: ["Set-Cookie"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: state=\(String(repeating: "a", count: 4100)); Path=/\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: state=\(String(repeating: "a", count: 4000)); Path=/; Secure; HttpOnly\nContent-Length: 0\n\n"),
        ]
    )

    static let limit = 4096

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.setCookie) where field.value.utf8.count > Self.limit {
            let cookie = SetCookie(field)
            let size = cookie.name.utf8.count + cookie.value.utf8.count
                + cookie.attributes.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count }
            guard size > Self.limit else { continue }
            report.add("Set-Cookie \(cookie.displayName) is \(size) bytes, more than the 4096 bytes per cookie browsers are asked to support (RFC 6265 §6.1); it may be dropped",
                       at: field.valueSpan, status: response.status)
        }
    }
}
