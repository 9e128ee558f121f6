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
        for field in response.fields.named("X-Frame-Options") {
            for value in field.listElements where !["deny", "sameorigin"].contains(value.lowercased()) {
                let why = value.lowercased().hasPrefix("allow-from") ? "ALLOW-FROM is obsolete and browsers ignore it" : "browsers ignore it"
                report.add("X-Frame-Options '\(Printable.escape(Array(value.utf8)))' is not DENY or SAMEORIGIN; \(why)",
                           at: field.valueSpan, status: response.status)
            }
        }
    }
}

/// Referrer-Policy tokens.
struct InvalidReferrerPolicy: Rule {
    static let description = RuleDescription(
        id: "invalid-referrer-policy",
        severity: .warning,
        category: .security,
        summary: "Referrer-Policy value that is not a policy",
        rationale: """
            The Referrer Policy specification defines eight policies (no-referrer, \
            no-referrer-when-downgrade, same-origin, origin, strict-origin, \
            origin-when-cross-origin, strict-origin-when-cross-origin, unsafe-url); browsers \
            skip unknown tokens and use the last one they know. A field with none they know \
            leaves the browser default, which may leak more of the URL than intended.
            """,
        fix: "Send a known policy, such as `Referrer-Policy: strict-origin-when-cross-origin`",
        spec: [SpecReference(document: "Referrer Policy", section: "Referrer-Policy header",
                             url: "https://www.w3.org/TR/referrer-policy/#referrer-policy-header")],
        triggering: [
            Example("HTTP/1.1 200 OK\nReferrer-Policy: strict-origin-when-crossorigin\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nReferrer-Policy: no-referrer, strict-origin-when-cross-origin\nContent-Length: 0\n\n"),
        ]
    )

    static let policies: Set<String> = ["no-referrer", "no-referrer-when-downgrade", "same-origin", "origin", "strict-origin",
                                        "origin-when-cross-origin", "strict-origin-when-cross-origin", "unsafe-url"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named("Referrer-Policy") {
            for value in field.listElements where !Self.policies.contains(value.lowercased()) {
                report.add("Referrer-Policy '\(Printable.escape(Array(value.utf8)))' is not a referrer policy; browsers skip it",
                           at: field.valueSpan, status: response.status)
            }
        }
    }
}
