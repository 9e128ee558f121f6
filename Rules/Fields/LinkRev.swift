import HTTPLintCore

/// A Link with the rev parameter, which RFC 8288 deprecates.
struct LinkRev: Rule {
    static let description = RuleDescription(
        id: "link-rev",
        severity: .info,
        category: .fields,
        summary: "Link with the deprecated rev parameter",
        rationale: """
            RFC 8288 §3.3: rev was used to state a relation in the reverse direction, and "is \
            deprecated by this specification because it often confuses authors and readers; \
            in most cases, using a separate relation type is preferable." Recipients need not \
            understand it, so the relation it states is likely lost. Deprecation, not a \
            prohibition, hence information.
            """,
        fix: "State the relation from this side with rel and a relation type that means it",
        spec: [SpecReference(rfc: 8288, section: "3.3")],
        fields: ["Link"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nLink: </chapter1>; rel=next; rev=prev\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nLink: </>; rel=\"up\", </toc>; REV=\"contents\"; rel=\"start\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nLink: </chapter1>; rel=\"next\"; title=\"rev 2\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nLink: </rev>; rel=\"prev\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.link) {
            guard case .success(let links) = InvalidLink.parse(field.valueUTF8) else { continue }
            for link in links where link.parameters.contains(where: { $0.key == "rev" }) {
                report.add("Link <\(Printable.escape(link.target))> uses rev, which RFC 8288 deprecates; use rel with a relation type",
                           at: field.valueSpan, status: response.status)
            }
        }
    }
}
