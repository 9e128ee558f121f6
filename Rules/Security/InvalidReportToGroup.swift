import HTTPLintCore

/// Report-To endpoint groups with missing or mistyped members, which browsers skip.
struct InvalidReportToGroup: Rule {
    static let description = RuleDescription(
        id: "invalid-report-to-group",
        severity: .warning,
        category: .security,
        summary: "Report-To endpoint group without max_age or endpoints, or with a member of the wrong type",
        rationale: """
            Report-To (the 2018 Reporting draft, §3.1, still read by Chromium for Network \
            Error Logging) is a list of endpoint groups: each a JSON object whose max_age \
            (REQUIRED) is a non-negative integer, endpoints (REQUIRED) an array of endpoint \
            objects, group an optional string (the name, `default` when absent), and \
            include_subdomains an optional boolean; each endpoint has a url string \
            (REQUIRED) and optional non-negative integers priority and weight. A group \
            without max_age or endpoints, or with a member of the wrong type, is skipped, \
            and so is an endpoint without a url or with a bad priority or weight; the NEL \
            policies and other reports naming the group then have nowhere to go. URLs that \
            are not secure are reporting-endpoint-unusable's, and a Report-To that is not \
            JSON objects is invalid-field-value's.
            """,
        fix: "Send `Report-To: {\"group\": \"nel\", \"max_age\": 86400, \"endpoints\": [{\"url\": \"https://example.com/reports\"}]}`",
        spec: [SpecReference(document: "Reporting (2018 draft)", section: "3.1 Report-To",
                             url: "https://www.w3.org/TR/2018/WD-reporting-1-20180925/#header")],
        fields: ["Report-To"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nReport-To: {\"group\": \"nel\", \"endpoints\": [{\"url\": \"https://reports.example/nel\"}]}\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nReport-To: {\"group\": \"nel\", \"max_age\": 86400, \"endpoints\": {\"url\": \"https://reports.example/nel\"}}\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nReport-To: {\"group\": \"nel\", \"max_age\": 86400, \"endpoints\": [{\"href\": \"https://reports.example/nel\"}]}\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nReport-To: {\"group\": 1, \"max_age\": \"86400\", \"endpoints\": [{\"url\": \"https://reports.example/nel\", \"priority\": -1}]}\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nReport-To: {\"group\": \"nel\", \"max_age\": 86400, \"include_subdomains\": true, \"endpoints\": [{\"url\": \"https://reports.example/nel\", \"priority\": 1, \"weight\": 2}]}\nContent-Length: 0\n\n"),
            // Without a group name the group is called default.
            Example("HTTP/1.1 200 OK\nReport-To: {\"max_age\": 86400, \"endpoints\": [{\"url\": \"https://reports.example/r\"}]}\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let lines = response.fields.named("Report-To")
        guard let groups = report.reading(ReportingFields.self, of: response).reportTo, let line = lines.first else { return }
        for group in groups where group.isObject {
            let name = group["group"]?.string.map { "group \(Printable.escape($0))" } ?? "group"
            for problem in Self.problems(of: group) {
                report.add("Report-To \(name): \(problem)", at: line.valueSpan, status: response.status)
            }
        }
    }

    static func problems(of group: JSONValue) -> [String] {
        var problems: [String] = []
        let skipped = "; browsers skip the group"
        if let name = group["group"], name.string == nil {
            problems.append("group is \(name.typeName), not a name in a string\(skipped)")
        }
        switch group["max_age"] {
        case nil: problems.append("has no max_age, which is required\(skipped)")
        case let age? where age.nonNegativeInteger == nil: problems.append("max_age is not a non-negative integer number of seconds\(skipped)")
        default: break
        }
        if let subdomains = group["include_subdomains"], case .bool = subdomains {} else if let other = group["include_subdomains"] {
            problems.append("include_subdomains is \(other.typeName), not true or false")
        }
        switch group["endpoints"] {
        case nil:
            problems.append("has no endpoints, which are required\(skipped)")
        case .array(let endpoints)?:
            for endpoint in endpoints {
                guard endpoint.isObject else {
                    problems.append("an endpoint is \(endpoint.typeName), not an object; browsers skip it")
                    continue
                }
                if endpoint["url"]?.string == nil {
                    problems.append("an endpoint has no url string; browsers skip it")
                }
                for name in ["priority", "weight"] {
                    if let value = endpoint[name], value.nonNegativeInteger == nil {
                        problems.append("an endpoint's \(name) is not a non-negative integer; browsers skip the endpoint")
                    }
                }
            }
        case let other?:
            problems.append("endpoints is \(other.typeName), not an array of endpoints\(skipped)")
        }
        return problems
    }
}
