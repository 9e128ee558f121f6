import HTTPLintCore

/// A CSP, COOP or COEP report-to naming an endpoint the response does not define.
struct ReportingEndpointUndefined: Rule {
    static let description = RuleDescription(
        id: "reporting-endpoint-undefined",
        severity: .warning,
        category: .security,
        summary: "CSP, Cross-Origin-Opener-Policy or Cross-Origin-Embedder-Policy report-to naming an endpoint the response does not define",
        rationale: """
            The CSP report-to directive (CSP Level 3 §6.5.2) and the report-to parameter of \
            COOP and COEP (HTML) name an endpoint, and the Reporting API delivers a \
            document's reports only to the endpoints of that document, which come from the \
            Reporting-Endpoints field of the response that created it (Reporting API, \
            "Process reporting endpoints for response"; the endpoints are per document, not \
            remembered for the origin). A name this response does not define therefore \
            receives nothing in browsers that follow the Reporting API, and for CSP a \
            report-to also makes browsers ignore report-uri, so the violations are lost. Only \
            Chromium's older Report-To mechanism may still find a group of that name that \
            another response of the origin set. Not reported: names a Report-To group in the \
            same response defines, and responses whose Reporting-Endpoints or Report-To does \
            not parse, where the names are unknown.
            """,
        fix: "Define the endpoint in the same response: `Reporting-Endpoints: csp-endpoint=\"https://example.com/reports\"`",
        spec: [SpecReference(document: "Reporting API", section: "Process reporting endpoints for response",
                             url: "https://www.w3.org/TR/reporting-1/#process-header"),
               SpecReference(document: "CSP Level 3", section: "6.5.2 report-to", url: "https://www.w3.org/TR/CSP3/#directive-report-to"),
               SpecReference(document: "HTML", section: "Cross-Origin-Opener-Policy reporting",
                             url: "https://html.spec.whatwg.org/multipage/browsers.html#the-coop-headers")],
        fields: [ContentSecurityPolicy.enforced, ContentSecurityPolicy.reportOnly] + Self.crossOriginFields,
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: default-src 'self'; report-to csp-endpoint\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nReporting-Endpoints: default=\"https://reports.example/r\"\nCross-Origin-Opener-Policy: same-origin; report-to=\"coop\"\nContent-Length: 0\n\n", line: 3),
            // An unquoted URL is a Token, and endpoints that are not Strings are skipped.
            Example("HTTP/1.1 200 OK\nReporting-Endpoints: csp=https://reports.example/csp\nContent-Security-Policy: default-src 'self'; report-to csp\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nReporting-Endpoints: csp=\"https://reports.example/csp\"\nCross-Origin-Embedder-Policy-Report-Only: require-corp; report-to=\"coep\"\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nReporting-Endpoints: csp-endpoint=\"https://reports.example/csp\"\nContent-Security-Policy: default-src 'self'; report-to csp-endpoint\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nReport-To: {\"group\": \"csp\", \"max_age\": 86400, \"endpoints\": [{\"url\": \"https://reports.example/csp\"}]}\nContent-Security-Policy: default-src 'self'; report-to csp\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nReporting-Endpoints: coop=\"https://reports.example/coop\"\nCross-Origin-Opener-Policy: same-origin; report-to=\"coop\"\nContent-Length: 0\n\n"),
            // report-uri alone needs no endpoint.
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: default-src 'self'; report-uri /csp\nContent-Length: 0\n\n"),
            // The endpoint names cannot be read (keys are lowercase).
            Example("HTTP/1.1 200 OK\nReporting-Endpoints: CSP=\"https://reports.example/csp\"\nContent-Security-Policy: default-src 'self'; report-to CSP\nContent-Length: 0\n\n"),
        ]
    )

    static let crossOriginFields = ["Cross-Origin-Opener-Policy", "Cross-Origin-Opener-Policy-Report-Only",
                                    "Cross-Origin-Embedder-Policy", "Cross-Origin-Embedder-Policy-Report-Only"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let reading = report.reading(ReportingFields.self, of: response)
        if reading.reportToUnreadable || (reading.endpoints == nil && response.fields.contains(Self.reportingEndpoints)) { return }
        // The defined names are gathered only when an endpoint is named (most responses name
        // none): sets cost allocations.
        var names: (defined: Set<String>, notStrings: Set<String>)?
        func definedNames() -> (defined: Set<String>, notStrings: Set<String>) {
            if let names { return names }
            let found = (defined: reading.endpointNames.union(reading.reportToGroupNames),
                         notStrings: Set((reading.endpoints ?? []).map(\.name)).subtracting(reading.endpointNames))
            names = found
            return found
        }
        func undefined(_ name: String) -> String {
            definedNames().notStrings.contains(name)
                ? "whose Reporting-Endpoints value is not a quoted string, so browsers skip it"
                : "which this response's Reporting-Endpoints does not define"
        }
        for policy in report.reading(CSPPolicies.self, of: response).all {
            guard let name = policy.first("report-to")?.values.first, !definedNames().defined.contains(name) else { continue }
            report.add("\(policy.fieldName) report-to names the endpoint '\(Printable.escape(name))', \(undefined(name)); browsers following the Reporting API drop the violation reports",
                       at: policy.field.valueSpan, status: response.status)
        }
        for (fieldName, tableField) in zip(Self.crossOriginFields, Self.crossOriginTableFields) {
            guard let (name, field) = Self.reportTo(of: tableField, in: response), !definedNames().defined.contains(name) else { continue }
            report.add("\(fieldName) report-to names the endpoint '\(Printable.escape(name))', \(undefined(name)); browsers following the Reporting API drop its reports",
                       at: field.valueSpan, status: response.status)
        }
    }

    static let reportingEndpoints = TableField("Reporting-Endpoints")
    /// ``crossOriginFields`` as table fields: found by table place, not by name.
    static let crossOriginTableFields = crossOriginFields.map(TableField.init)

    /// The string report-to parameter of a COOP or COEP field (HTML reads the field as a
    /// structured Item; the last parameter of a name counts), with the field line.
    static func reportTo(of fieldName: String, in response: Response) -> (String, Field)? {
        reportTo(in: response.fields.named(fieldName))
    }

    /// ``reportTo(of:in:)`` for a table field.
    static func reportTo(of tableField: TableField, in response: Response) -> (String, Field)? {
        reportTo(in: response.fields.named(tableField))
    }

    private static func reportTo(in lines: FieldLines) -> (String, Field)? {
        guard let first = lines.first,
              let item = try? StructuredFields.parseItem(lines.map(\.value).joined(separator: ", ")),
              case .string(let name)? = item.parameters.last(where: { $0.key == "report-to" })?.value else { return nil }
        return (name, first)
    }
}
