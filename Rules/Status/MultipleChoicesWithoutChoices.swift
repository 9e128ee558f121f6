import HTTPLintCore

/// A 300 lists the choices it offers.
struct MultipleChoicesWithoutChoices: Rule {
    static let description = RuleDescription(
        id: "multiple-choices-without-choices",
        severity: .warning,
        category: .status,
        summary: "300 with empty content and no Link field, so it lists no choices",
        rationale: """
            RFC 9110 §15.4.1: "For request methods other than HEAD, the server SHOULD generate \
            content in the 300 response containing a list of representation metadata and URI \
            reference(s) from which the user or user agent can choose the one most preferred." \
            The list can also be sent as Link fields with the relation `alternate` (RFC 8288), \
            as the section notes. A 300 with neither asks the client to choose among \
            alternatives it never names; at most Location gives one of them. Responses to HEAD \
            are not reported.
            """,
        fix: "List the alternatives in the content (an HTML list of links, as Apache's negotiation does) or in Link fields",
        spec: [.rfc9110("15.4.1"), SpecReference(rfc: 8288, section: "3")],
        fields: ["Link"],
        triggering: [
            Example("HTTP/1.1 300 Multiple Choices\nLocation: /doc.en.html\nContent-Length: 0\n\n",
                    request: "GET /doc HTTP/1.1\nHost: a.example\n\n", line: 1),
            Example("HTTP/1.1 300 Multiple Choices\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 300 Multiple Choices\nContent-Type: text/html\nContent-Length: 59\n\n<ul><li><a href=\"doc.en.html\">doc.en.html</a></li></ul>\n\n",
                    request: "GET /doc HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 300 Multiple Choices\nLink: </doc.en.html>; rel=\"alternate\"; hreflang=en\nContent-Length: 0\n\n",
                    request: "GET /doc HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 300 Multiple Choices\nContent-Length: 59\n\n",
                    request: "HEAD /doc HTTP/1.1\nHost: a.example\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 300, exchange.request?.isHEAD != true, response.content.framing != .none,
              response.content.length == 0, !response.content.isTruncated, !response.fields.contains("Link") else { return }
        report.add("300 Multiple Choices with no content and no Link field: it names none of the choices", about: response)
    }
}
