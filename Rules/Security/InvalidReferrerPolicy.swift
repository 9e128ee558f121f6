import HTTPLintCore

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
        fields: ["Referrer-Policy"],
        runsWhen: .anyFieldPresent,
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
        for field in response.fields.named(.referrerPolicy) {
            for value in field.listElements where !Self.policies.contains(value.asciiLowercased()) {
                report.add("Referrer-Policy '\(Printable.escape(value))' is not a referrer policy; browsers skip it",
                           at: field.valueSpan, status: response.status)
            }
        }
    }
}
