import HTTPLintCore

/// A Speculation-Rules string that the URL parser rejects, so the rule set is never fetched.
struct InvalidSpeculationRulesURL: Rule {
    static let description = RuleDescription(
        id: "invalid-speculation-rules-url",
        severity: .warning,
        category: .security,
        summary: "Speculation-Rules string that is not a URL, so browsers skip that rule set",
        rationale: """
            Speculation-Rules is a structured-field List of Strings, each the URL of a rule \
            set; browsers parse each against the document's URL and skip a string for which \
            that fails (Speculation Rules, the Speculation-Rules header). The rule set is then \
            never fetched and its prefetches and prerenders never happen. Only failures that \
            are certain without the document's URL are reported: relative references are \
            not judged, and an absolute URL counts as unparsable only for an empty host, a \
            forbidden character in the host, an unclosed IPv6 bracket, or a port that is not \
            a number up to 65535. Members that are not Strings are invalid-field-value's.
            """,
        fix: "Give each rule set a valid URL, such as `Speculation-Rules: \"/speculationrules.json\"`",
        spec: [SpecReference(document: "Speculation Rules", section: "The Speculation-Rules header",
                             url: "https://wicg.github.io/nav-speculation/speculation-rules.html#speculation-rules-header"),
               SpecReference(document: "URL Standard", section: "4.4 URL parsing", url: "https://url.spec.whatwg.org/#url-parsing")],
        fields: ["Speculation-Rules"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nSpeculation-Rules: \"https://cdn example/rules.json\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nSpeculation-Rules: \"/rules.json\", \"https://cdn.example:70000/rules.json\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nSpeculation-Rules: \"/rules.json\", \"https://cdn.example/rules.json\"\nContent-Length: 0\n\n"),
            // Plain http is a URL; whether it is wise is not this rule's question.
            Example("HTTP/1.1 200 OK\nSpeculation-Rules: \"http://cdn.example/rules.json\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let lines = response.fields.named("Speculation-Rules")
        // A value that does not parse is invalid-structured-field's.
        guard !lines.isEmpty, let list = try? StructuredFields.parseList(lines.map(\.value).joined(separator: ", ")) else { return }
        for member in list {
            guard case .item(let item) = member, case .string(let url) = item.bare,
                  case .notAURL(let reason) = EndpointURL.judge(url) else { continue }
            report.add("Speculation-Rules '\(Printable.escape(url))' is not a URL: \(reason); browsers skip the rule set",
                       at: ReportingEndpointUnusable.span(lines, holding: url), status: response.status)
        }
    }
}
