import HTTPLintCore

/// Browsers reject `SameSite=None` cookies that are not Secure.
struct SameSiteNoneWithoutSecure: Rule {
    static let description = RuleDescription(
        id: "samesite-none-without-secure",
        severity: .error,
        category: .security,
        summary: "Set-Cookie with SameSite=None but without Secure",
        rationale: """
            The cookie specification's current revision (RFC 6265bis, SameSite attribute) \
            requires a cookie with `SameSite=None` to also have the `Secure` attribute, and \
            browsers reject such a cookie outright: it is never stored, so cross-site \
            sessions silently fail.
            """,
        fix: "Add `Secure` (and serve over HTTPS): `Set-Cookie: id=1; SameSite=None; Secure`",
        spec: [SpecReference(document: "RFC 6265bis (draft)", section: "4.1.2.7, the SameSite attribute",
                             url: "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.2.7")],
        fields: ["Set-Cookie"],
        triggering: [
            Example("HTTP/1.1 200 OK\nSet-Cookie: id=1; Path=/; SameSite=None\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nSet-Cookie: id=1; Path=/; SameSite=None; Secure\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nSet-Cookie: id=1; samesite=lax\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nSet-Cookie: note=SameSite=None\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named("Set-Cookie") {
            // The first part is the cookie's name=value; attributes follow.
            let attributes = field.value.split(separator: ";").dropFirst().map { $0.trimmingWhitespace().lowercased() }
            guard attributes.contains(where: { $0.replacing(" ", with: "") == "samesite=none" }),
                  !attributes.contains("secure") else { continue }
            let name = field.value.split(separator: "=").first.map(String.init) ?? "the cookie"
            report.add("cookie \(name) has SameSite=None without Secure; browsers reject it", at: field.valueSpan, status: response.status)
        }
    }
}
