import HTTPLintCore

/// COOP or COEP `report-to` parameter that is not a quoted string, which browsers ignore.
struct CrossOriginPolicyReportToNotString: Rule {
    static let description = RuleDescription(
        id: "cross-origin-policy-report-to-not-string",
        severity: .warning,
        category: .security,
        summary: "Cross-Origin-Opener-Policy or Cross-Origin-Embedder-Policy report-to parameter that is not a quoted string",
        rationale: """
            HTML reads COOP and COEP (and their -Report-Only forms) as structured-field Items \
            and takes the reporting endpoint from the report-to parameter only if it exists \
            and is a string ("obtain a cross-origin opener policy", "obtain an embedder \
            policy"). A bare token such as `report-to=coop` is a Token, not a String, so the \
            policy is applied without reporting; for a report-only policy, whose purpose is \
            the reports, nothing at all comes of the field.
            """,
        fix: "Quote the endpoint name: `Cross-Origin-Opener-Policy: same-origin; report-to=\"coop\"`",
        spec: [SpecReference(document: "HTML", section: "Obtain a cross-origin opener policy",
                             url: "https://html.spec.whatwg.org/multipage/browsers.html#obtain-coop"),
               SpecReference(document: "HTML", section: "Obtain an embedder policy",
                             url: "https://html.spec.whatwg.org/multipage/browsers.html#obtain-an-embedder-policy")],
        fields: ReportingEndpointUndefined.crossOriginFields,
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nReporting-Endpoints: coop=\"https://reports.example/coop\"\nCross-Origin-Opener-Policy: same-origin; report-to=coop\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nCross-Origin-Embedder-Policy-Report-Only: require-corp; report-to=1\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nReporting-Endpoints: coop=\"https://reports.example/coop\"\nCross-Origin-Opener-Policy: same-origin; report-to=\"coop\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nCross-Origin-Opener-Policy: same-origin\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for name in ReportingEndpointUndefined.crossOriginFields {
            let lines = response.fields.named(name)
            // A value that does not parse is invalid-structured-field's.
            guard let first = lines.first,
                  let item = try? StructuredFields.parseItem(lines.map(\.value).joined(separator: ", ")),
                  let value = item.parameters.last(where: { $0.key == "report-to" })?.value else { continue }
            if case .string = value { continue }
            report.add("\(name) report-to is not a quoted string; browsers ignore it and send no reports",
                       at: first.valueSpan, status: response.status)
        }
    }
}
