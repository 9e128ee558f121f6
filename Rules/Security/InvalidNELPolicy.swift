import HTTPLintCore

/// NEL policy members of the wrong type or out of range, which make browsers discard the policy.
struct InvalidNELPolicy: Rule {
    static let description = RuleDescription(
        id: "invalid-nel-policy",
        severity: .warning,
        category: .security,
        summary: "NEL policy without max_age or report_to, or with a member of the wrong type or out of range",
        rationale: """
            Network Error Logging §4.1 defines the members of a NEL policy: max_age is \
            REQUIRED and MUST be a non-negative integer; report_to, the endpoint group, is \
            REQUIRED (except when max_age is 0, which removes the policy) and is a string; \
            include_subdomains is a boolean; success_fraction and failure_fraction are \
            numbers from 0.0 to 1.0; request_headers and response_headers are lists of \
            field names. Browsers read only the first policy of the field and discard it \
            (§4.2, "Process policy headers") when max_age or report_to is missing or of the \
            wrong type, when a fraction is not a number from 0 to 1, or when a header list \
            is not a list of strings; the origin then has no network error logging at all. \
            An include_subdomains that is not a boolean counts as false. A NEL value that is \
            not JSON objects is invalid-field-value's.
            """,
        fix: "Send `NEL: {\"report_to\": \"nel\", \"max_age\": 86400}` with the optional members in their types",
        spec: [SpecReference(document: "Network Error Logging", section: "4.1 The NEL response header",
                             url: "https://www.w3.org/TR/network-error-logging/#nel-response-header"),
               SpecReference(document: "Network Error Logging", section: "4.2 Process policy headers",
                             url: "https://www.w3.org/TR/network-error-logging/#process-policy-headers")],
        fields: ["NEL"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nNEL: {\"report_to\": \"nel\"}\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nNEL: {\"report_to\": \"nel\", \"max_age\": \"86400\"}\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nNEL: {\"max_age\": 86400}\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nNEL: {\"report_to\": \"nel\", \"max_age\": 86400, \"failure_fraction\": 5}\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nNEL: {\"report_to\": \"nel\", \"max_age\": 86400, \"include_subdomains\": \"true\"}\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nNEL: {\"report_to\": \"nel\", \"max_age\": 86400, \"request_headers\": \"Referer\"}\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nNEL: {\"report_to\": \"nel\", \"max_age\": -1}\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nNEL: {\"report_to\": \"nel\", \"max_age\": 86400, \"include_subdomains\": true, \"success_fraction\": 0.01, \"failure_fraction\": 1, \"request_headers\": [\"If-None-Match\"]}\nContent-Length: 0\n\n"),
            // max_age 0 removes the policy and needs no report_to.
            Example("HTTP/1.1 200 OK\nNEL: {\"max_age\": 0}\nContent-Length: 0\n\n"),
            // Not JSON: invalid-field-value's.
            Example("HTTP/1.1 200 OK\nNEL: report_to=nel\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let lines = response.fields.named("NEL")
        guard let policy = report.reading(ReportingFields.self, of: response).nel?.first, policy.isObject,
              let line = lines.first else { return }
        for problem in Self.problems(of: policy) {
            report.add("NEL \(problem)", at: line.valueSpan, status: response.status)
        }
    }

    /// What is wrong with the members of a policy object, in member order of the specification.
    static func problems(of policy: JSONValue) -> [String] {
        var problems: [String] = []
        let discarded = "; browsers discard the policy"
        switch policy["max_age"] {
        case nil:
            problems.append("has no max_age, which is required\(discarded)")
        case .number(let age)?:
            if policy["max_age"]?.nonNegativeInteger == nil {
                problems.append("max_age \(Self.written(age)) is not a non-negative integer number of seconds, as §4.1.2 requires")
            } else if age == 0 {
                return problems  // removes the policy: the other members do not matter
            }
        case let other?:
            problems.append("max_age is \(other.typeName), not a number of seconds\(discarded)")
        }
        switch policy["report_to"] {
        case nil: problems.append("has no report_to naming the endpoint group\(discarded)")
        case .string?: break
        case let other?: problems.append("report_to is \(other.typeName), not a group name\(discarded)")
        }
        if let subdomains = policy["include_subdomains"], case .bool = subdomains {} else if let other = policy["include_subdomains"] {
            problems.append("include_subdomains is \(other.typeName), not true or false; browsers read it as false")
        }
        for name in ["success_fraction", "failure_fraction"] {
            guard let value = policy[name] else { continue }
            if case .number(let fraction) = value {
                if !(0...1).contains(fraction) { problems.append("\(name) \(Self.written(fraction)) is outside 0.0 to 1.0\(discarded)") }
            } else {
                problems.append("\(name) is \(value.typeName), not a number from 0.0 to 1.0\(discarded)")
            }
        }
        for name in ["request_headers", "response_headers"] {
            guard let value = policy[name] else { continue }
            if case .array(let elements) = value, elements.allSatisfy({ $0.string != nil }) { continue }
            problems.append("\(name) is not a list of field names in strings\(discarded)")
        }
        return problems
    }

    /// A number as a person would write it: whole numbers without a fraction.
    static func written(_ number: Double) -> String {
        abs(number) < 1e15 && number == number.rounded() ? String(Int64(number)) : String(number)
    }
}
