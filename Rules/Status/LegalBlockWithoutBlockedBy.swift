import HTTPLintCore

/// 451 says who blocks the resource.
struct LegalBlockWithoutBlockedBy: Rule {
    static let description = RuleDescription(
        id: "unavailable-for-legal-reasons-without-blocked-by",
        severity: .info,
        category: .status,
        summary: "451 without a Link field with the relation `blocked-by`",
        rationale: """
            RFC 7725 §4: "When an entity blocks access to a resource and returns status 451, it \
            SHOULD include a \"Link\" HTTP header field [RFC5988] whose value is a URI reference \
            [RFC3986] identifying itself. When used for this purpose, the \"Link\" header field \
            MUST have a \"rel\" parameter whose value is \"blocked-by\"." The relation tells the \
            user who is blocking (the server, an intermediary, a network operator), which the \
            status alone does not.
            """,
        fix: "Add `Link: <https://blocker.example/>; rel=\"blocked-by\"` naming the blocking entity",
        spec: [SpecReference(rfc: 7725, section: "4"), SpecReference(rfc: 7725, section: "3")],
        fields: ["Link"],
        triggering: [
            Example("HTTP/1.1 451 Unavailable For Legal Reasons\nContent-Type: text/plain\nContent-Length: 8\n\nblocked\n", line: 1),
            Example("HTTP/1.1 451 Unavailable For Legal Reasons\nLink: <https://spqr.example.org/legislatione>; rel=\"help\"\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 451 Unavailable For Legal Reasons\nLink: <https://spqr.example.org/legislatione>; rel=\"blocked-by\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 451 Unavailable For Legal Reasons\nLink: <https://isp.example>; rel=\"help blocked-by\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 403 Forbidden\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 451,
              !response.fields.named("Link").contains(where: { $0.value.asciiLowercased().contains("blocked-by") }) else { return }
        report.add("451 without a Link field with rel=\"blocked-by\" identifying who blocks the resource", about: response)
    }
}
