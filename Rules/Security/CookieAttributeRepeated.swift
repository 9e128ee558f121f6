import HTTPLintCore

/// One Set-Cookie line should name each attribute once.
struct CookieAttributeRepeated: Rule {
    static let description = RuleDescription(
        id: "cookie-attribute-repeated",
        severity: .warning,
        category: .security,
        summary: "Set-Cookie with the same attribute twice (browsers use the last one)",
        rationale: """
            RFC 6265 §4.1.1: servers SHOULD NOT produce two attributes with the same name in one \
            Set-Cookie value (RFC 6265bis makes it MUST NOT). Browsers keep the last Expires, \
            Max-Age, Domain, Path and SameSite (RFC 6265 §5.3), so an earlier value that looks \
            authoritative, for example a `Path=/admin` added by one layer and overridden by \
            `Path=/` from another, silently loses.
            """,
        fix: "Send each attribute once; find which layer (framework, proxy) adds the second one",
        spec: [SpecReference(rfc: 6265, section: "4.1.1"), SpecReference(rfc: 6265, section: "5.3")],
        fields: ["Set-Cookie"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Path=/admin; HttpOnly; path=/\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Secure; SameSite=Lax; Secure\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=60; Expires=Mon, 06 Jan 2025 10:01:00 GMT\nContent-Length: 0\n\n"),
            // Two cookies, each with its own Path.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: a=1; Path=/\nSet-Cookie: b=2; Path=/\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for cookie in SetCookie.all(in: response) {
            var order: [String] = []
            var byKey: [String: [SetCookie.Attribute]] = [:]
            for attribute in cookie.attributes where !attribute.name.isEmpty {
                if byKey[attribute.key] == nil { order.append(attribute.key) }
                byKey[attribute.key, default: []].append(attribute)
            }
            for key in order {
                guard let repeats = byKey[key], repeats.count > 1 else { continue }
                let name = Printable.escape(repeats[0].name)
                let values = repeats.filter(\.hasEquals).map { "'\(Printable.escape($0.value))'" }
                let detail = values.isEmpty ? "" : " (\(values.joined(separator: ", "))); browsers use the last one"
                report.add("Set-Cookie \(cookie.displayName) has the \(name) attribute \(repeats.count) times\(detail)",
                           at: cookie.field.valueSpan, status: response.status)
            }
        }
    }
}
