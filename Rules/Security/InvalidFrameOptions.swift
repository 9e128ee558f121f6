import HTTPLintCore

/// X-Frame-Options takes DENY or SAMEORIGIN.
struct InvalidFrameOptions: Rule {
    static let description = RuleDescription(
        id: "invalid-x-frame-options",
        severity: .warning,
        category: .security,
        summary: "X-Frame-Options other than DENY or SAMEORIGIN (ALLOW-FROM is ignored)",
        rationale: """
            RFC 7034 defined DENY, SAMEORIGIN and ALLOW-FROM; the HTML standard, which browsers \
            follow, keeps only DENY and SAMEORIGIN (case-insensitive) and ignores anything \
            else, ALLOW-FROM included. A value browsers ignore leaves the page open to framing \
            (clickjacking). Content-Security-Policy frame-ancestors does what ALLOW-FROM meant.
            """,
        fix: "Send `X-Frame-Options: DENY` or `SAMEORIGIN`, or CSP `frame-ancestors` for a list of origins",
        spec: [SpecReference(rfc: 7034, section: "2.1")],
        fields: ["X-Frame-Options"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nX-Frame-Options: ALLOW-FROM https://a.example\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nX-Frame-Options: SAMEORIGN\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nX-Frame-Options: SAMEORIGIN\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nX-Frame-Options: deny\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.xFrameOptions) {
            for value in field.listElements where !["deny", "sameorigin"].contains(value.asciiLowercased()) {
                let why = value.asciiLowercased().hasPrefix("allow-from") ? "ALLOW-FROM is obsolete and browsers ignore it" : "browsers ignore it"
                report.add("X-Frame-Options '\(Printable.escape(value))' is not DENY or SAMEORIGIN; \(why)",
                           at: field.valueSpan, status: response.status)
            }
        }
    }
}
