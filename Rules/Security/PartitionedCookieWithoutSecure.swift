import HTTPLintCore

/// Partitioned cookies (CHIPS) must be Secure.
struct PartitionedCookieWithoutSecure: Rule {
    static let description = RuleDescription(
        id: "partitioned-cookie-without-secure",
        severity: .error,
        category: .security,
        summary: "Set-Cookie with Partitioned but without Secure",
        rationale: """
            The Partitioned attribute (CHIPS, draft-cutler-httpbis-partitioned-cookies §2.3) \
            requires the Secure attribute: a user agent that sees Partitioned on a cookie \
            without Secure ignores the cookie entirely (§3.1 explains the choice). The embedded \
            widget that relies on the partitioned cookie then loses its state.
            """,
        fix: "Add Secure: `Set-Cookie: __Host-id=1; Secure; Path=/; SameSite=None; Partitioned`",
        spec: [SpecReference(document: "CHIPS (draft-cutler-httpbis-partitioned-cookies)", section: "2.3",
                             url: "https://datatracker.ietf.org/doc/html/draft-cutler-httpbis-partitioned-cookies#section-2.3")],
        fields: ["Set-Cookie"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: widget=1; Path=/; Partitioned\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: widget=1; Path=/; Secure; SameSite=None; partitioned\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: Partitioned=1; Path=/\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for cookie in SetCookie.all(in: response) where cookie.has("Partitioned") && !cookie.isSecure {
            report.add("Set-Cookie \(cookie.displayName) is Partitioned without Secure; browsers reject it",
                       at: cookie.field.valueSpan, status: response.status)
        }
    }
}
