import HTTPLintCore

/// Referrer-Policy: unsafe-url, which sends the full URL everywhere, downgrades included.
struct ReferrerPolicyUnsafeURL: Rule {
    static let description = RuleDescription(
        id: "referrer-policy-unsafe-url",
        severity: .info,
        category: .security,
        summary: "Referrer-Policy whose policy in effect is unsafe-url",
        rationale: """
            With unsafe-url the full URL, path and query included, is sent as the referrer \
            with every request, same-origin or not, and even from an https page to plain \
            http (Referrer Policy §3, unsafe-url). The specification says the name does not \
            lie: it leaks origins and paths of TLS-protected resources to insecure origins, \
            and asks authors to weigh that for sensitive documents. A page may choose it, so \
            this is advice. Browsers use the last policy they know in the field (§11.1), so \
            only that one is judged: `unsafe-url, strict-origin-when-cross-origin` is not \
            reported.
            """,
        fix: "Use strict-origin-when-cross-origin (the browsers' default), or no-referrer",
        spec: [SpecReference(document: "Referrer Policy", section: "3.9 unsafe-url", url: "https://www.w3.org/TR/referrer-policy/#referrer-policy-unsafe-url"),
               SpecReference(document: "Referrer Policy", section: "11.1 Parse a referrer policy from a Referrer-Policy header",
                             url: "https://www.w3.org/TR/referrer-policy/#parse-referrer-policy-from-header")],
        fields: ["Referrer-Policy"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nReferrer-Policy: unsafe-url\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nReferrer-Policy: no-referrer, Unsafe-URL, unknown-future-policy\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nReferrer-Policy: unsafe-url, strict-origin-when-cross-origin\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nReferrer-Policy: unsafe-url\nReferrer-Policy: no-referrer\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nReferrer-Policy: no-referrer-when-downgrade\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        // §11.1: the last token that names a policy, over all the field lines in order.
        var effective: (policy: String, field: Field)?
        for field in response.fields.named(.referrerPolicy) {
            for value in field.listElements {
                let policy = value.asciiLowercased()
                if InvalidReferrerPolicy.policies.contains(policy) { effective = (policy, field) }
            }
        }
        guard let effective, effective.policy == "unsafe-url" else { return }
        report.add("Referrer-Policy unsafe-url sends the full URL, path and query included, to every origin, even over plain http",
                   at: effective.field.valueSpan, status: response.status)
    }
}
