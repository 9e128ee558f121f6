import HTTPLintCore

/// A NEL policy naming an endpoint group no Report-To in the response defines.
struct NELGroupUndefined: Rule {
    static let description = RuleDescription(
        id: "nel-group-undefined",
        severity: .info,
        category: .security,
        summary: "NEL report_to naming an endpoint group that no Report-To in the same response defines",
        rationale: """
            A NEL policy sends its reports to the endpoint group its report_to names \
            (Network Error Logging §4.1.1), and NEL looks groups up among those the origin \
            configured with Report-To (the 2018 Reporting draft): those are remembered for \
            the origin for their max_age, so a group set by another response can still be \
            in force, which is why this is advice. The usual setup sends the two fields \
            together; without the group the browser stores the policy and drops every \
            report. Endpoints of Reporting-Endpoints do not count: they belong to one \
            document, and NEL is not document reporting. Not reported: max_age 0 (which \
            removes the policy) and a Report-To that does not parse.
            """,
        fix: "Send `Report-To: {\"group\": \"<report_to name>\", \"max_age\": …, \"endpoints\": [{\"url\": \"https://…\"}]}` with the NEL field",
        spec: [SpecReference(document: "Network Error Logging", section: "4.1.1 report_to",
                             url: "https://www.w3.org/TR/network-error-logging/#the-report_to-member"),
               SpecReference(document: "Reporting (2018 draft)", section: "3.1 Report-To",
                             url: "https://www.w3.org/TR/2018/WD-reporting-1-20180925/#header")],
        fields: ["NEL"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nNEL: {\"report_to\": \"nel\", \"max_age\": 86400}\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nReporting-Endpoints: nel=\"https://reports.example/nel\"\nNEL: {\"report_to\": \"nel\", \"max_age\": 86400}\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nReport-To: {\"group\": \"nel\", \"max_age\": 86400, \"endpoints\": [{\"url\": \"https://reports.example/nel\"}]}\nNEL: {\"report_to\": \"nel\", \"max_age\": 86400}\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nReport-To: {\"max_age\": 86400, \"endpoints\": [{\"url\": \"https://reports.example/r\"}]}\nNEL: {\"report_to\": \"default\", \"max_age\": 86400}\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nNEL: {\"max_age\": 0}\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let reading = report.reading(ReportingFields.self, of: response)
        guard !reading.reportToUnreadable, let policy = reading.nel?.first, let group = policy["report_to"]?.string,
              let age = policy["max_age"]?.nonNegativeInteger, age > 0,
              !reading.reportToGroupNames.contains(group), let line = response.fields.named("NEL").first else { return }
        let note = reading.endpointNames.contains(group) ? " (Reporting-Endpoints defines it, but NEL cannot use those)" : ""
        report.add("NEL report_to names the group '\(Printable.escape(group))', which no Report-To in this response defines\(note); unless an earlier response set it, reports are dropped",
                   at: line.valueSpan, status: response.status)
    }
}
