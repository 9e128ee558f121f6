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
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nSet-Cookie: id=1; Path=/; SameSite=None\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nSet-Cookie: id=1; samesite = none ; Path=/\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nSet-Cookie: id=1; Path=/; SameSite=None; Secure\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nSet-Cookie: id=1; samesite=lax\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nSet-Cookie: note=SameSite=None\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nSet-Cookie: id=1; SameSite=None; SameSite=Lax\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        // Browsers use the last SameSite attribute; any Secure attribute sets the flag.
        for cookie in SetCookie.all(in: response)
        where cookie.last("SameSite")?.value.asciiLowercased() == "none" && !cookie.isSecure {
            report.add("cookie \(cookie.displayName) has SameSite=None without Secure; browsers reject it",
                       at: cookie.field.valueSpan, status: response.status)
        }
    }
}
