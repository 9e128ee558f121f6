import HTTPLintCore

/// Location must be a URI reference.
struct InvalidLocation: Rule {
    static let description = RuleDescription(
        id: "invalid-location",
        severity: .error,
        category: .status,
        summary: "Location that is not a valid URI reference",
        rationale: """
            RFC 9110 §10.2.2: `Location = URI-reference` (RFC 3986 §4.1). Spaces, non-ASCII \
            characters, unescaped `<>"{}|\\^` and bad percent-encoding are not allowed; clients \
            repair such values differently, or not at all, so the redirect goes to different \
            places in different clients.
            """,
        fix: "Percent-encode the Location value (spaces as %20, non-ASCII as UTF-8 %XX)",
        spec: [.rfc9110("10.2.2"), SpecReference(rfc: 3986, section: "4.1")],
        fields: ["Location"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 302 Found\nLocation: /my file.html\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 301 Moved Permanently\nLocation: /caf\u{E9}\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 302 Found\nLocation: /a%zzb\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 302 Found\nLocation: https://example.com/caf%C3%A9?q=a+b#top\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 201 Created\nLocation: ../orders/42;v=1\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.location) {
            guard let problem = URIReference.problem(in: field.value) else { continue }
            report.add("Location '\(Printable.escape(field.value))' is not a URI reference: \(problem)",
                       at: field.valueSpan, status: response.status)
        }
    }
}
