import HTTPLintCore

/// SameSite takes Strict, Lax or None.
struct InvalidCookieSameSite: Rule {
    static let description = RuleDescription(
        id: "invalid-cookie-samesite",
        severity: .warning,
        category: .security,
        summary: "Set-Cookie SameSite value other than Strict, Lax or None",
        rationale: """
            RFC 6265bis §4.1.1: `samesite-value = "Strict" / "Lax" / "None"` (case-insensitive). \
            Browsers give any other value, or a bare `SameSite`, the default enforcement \
            (§5.6.7), which is Lax in current browsers: `SameSite=no` or `SameSite=false` does \
            the opposite of what it seems to ask, and `SameSite=Restrict` is not Strict.
            """,
        fix: "Write `SameSite=Lax`, `SameSite=Strict`, or `SameSite=None; Secure`",
        spec: [SpecReference(document: "RFC 6265bis (draft)", section: "4.1.2.7, the SameSite attribute",
                             url: "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.2.7"),
               SpecReference(document: "RFC 6265bis (draft)", section: "5.6.7",
                             url: "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.7")],
        fields: ["Set-Cookie"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Secure; SameSite=false\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; SameSite\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: a=1; SameSite=strict\nSet-Cookie: b=1; samesite=LAX\nSet-Cookie: c=1; SameSite = None; Secure\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for cookie in SetCookie.all(in: response) {
            for attribute in cookie.attributes where attribute.key == "samesite"
                && !["strict", "lax", "none"].contains(attribute.value.asciiLowercased()) {
                let shown = attribute.hasEquals ? "SameSite '\(Printable.escape(attribute.value))'" : "a bare SameSite"
                report.add("Set-Cookie \(cookie.displayName) has \(shown), which is not Strict, Lax or None; browsers apply their default (Lax)",
                           at: cookie.field.valueSpan, status: response.status)
            }
        }
    }
}
