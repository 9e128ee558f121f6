import HTTPLintCore

/// Reporting endpoint URLs that browsers skip: not a URL, or not potentially trustworthy.
struct ReportingEndpointUnusable: Rule {
    static let description = RuleDescription(
        id: "reporting-endpoint-unusable",
        severity: .warning,
        category: .security,
        summary: "Reporting-Endpoints or Report-To endpoint URL that does not parse or is not secure, so browsers skip it",
        rationale: """
            The Reporting API processes Reporting-Endpoints by parsing each string as a URL \
            against the response's URL and skipping the endpoint when that fails or when the \
            URL's origin is not potentially trustworthy (Reporting API, "Process reporting \
            endpoints for response"); the Report-To endpoints of the 2018 draft are skipped \
            the same way. Potentially trustworthy means https or wss, or a loopback host \
            (Secure Contexts §3.1): an `http://` endpoint on the network never receives a \
            report. Reports meant for a skipped endpoint (CSP violations, network errors) are \
            dropped, and a Report-To group whose endpoints are all skipped is unusable by the \
            NEL policies that name it. Only failures certain without the response's own URL \
            are reported: relative references are not judged, and a URL counts as \
            unparsable only for an empty host, a forbidden character in the host, an \
            unclosed IPv6 bracket, or a port that is not a number up to 65535.
            """,
        fix: "Give each endpoint an absolute https:// URL with a valid host",
        spec: [SpecReference(document: "Reporting API", section: "Process reporting endpoints for response",
                             url: "https://www.w3.org/TR/reporting-1/#process-header"),
               SpecReference(document: "Secure Contexts", section: "3.1 Is origin potentially trustworthy?",
                             url: "https://www.w3.org/TR/secure-contexts/#is-origin-trustworthy"),
               SpecReference(document: "Reporting (2018 draft)", section: "3.1 Report-To",
                             url: "https://www.w3.org/TR/2018/WD-reporting-1-20180925/#header")],
        fields: ["Reporting-Endpoints", "Report-To"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nReporting-Endpoints: csp=\"http://reports.example/csp\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nReporting-Endpoints: main=\"https://reports.example/r\", spare=\"https://reports.example:99999/r\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nReporting-Endpoints: main=\"https://reports example/r\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nReport-To: {\"group\": \"nel\", \"max_age\": 86400, \"endpoints\": [{\"url\": \"http://reports.example/nel\"}]}\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nReporting-Endpoints: csp=\"https://reports.example/csp\", local=\"http://localhost:8080/r\"\nContent-Length: 0\n\n"),
            // Relative references resolve against the response's URL, which the bytes do not give.
            Example("HTTP/1.1 200 OK\nReporting-Endpoints: csp=\"/reports/csp\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nReport-To: {\"group\": \"nel\", \"max_age\": 86400, \"endpoints\": [{\"url\": \"https://[2001:db8::1]:8443/nel\"}]}\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let reading = report.reading(ReportingFields.self, of: response)
        let endpointLines = response.fields.named("Reporting-Endpoints")
        for endpoint in reading.endpoints ?? [] {
            guard case .string(let url) = endpoint.value, let problem = Self.problem(with: url) else { continue }
            report.add("Reporting-Endpoints \(Printable.escape(endpoint.name)): \(problem); browsers skip the endpoint",
                       at: Self.span(endpointLines, holding: url), status: response.status)
        }
        let reportToLines = response.fields.named("Report-To")
        for group in reading.reportTo ?? [] {
            guard case .array(let endpoints)? = group["endpoints"] else { continue }
            let name = group["group"]?.string ?? "default"
            for endpoint in endpoints {
                guard let url = endpoint["url"]?.string, let problem = Self.problem(with: url) else { continue }
                report.add("Report-To group \(Printable.escape(name)): \(problem); browsers skip the endpoint",
                           at: Self.span(reportToLines, holding: url), status: response.status)
            }
        }
    }

    static func problem(with url: String) -> String? {
        switch EndpointURL.judge(url) {
        case .usable: nil
        case .notAURL(let reason): "'\(Printable.escape(url))' is not a URL: \(reason)"
        case .notSecure: "'\(Printable.escape(url))' is not a potentially trustworthy (https) URL"
        }
    }

    /// The value of the field line that holds `text`, or of the first line.
    static func span(_ lines: FieldLines, holding text: String) -> ByteSpan {
        (lines.first { $0.value.contains(text) } ?? lines[0]).valueSpan
    }
}
