import HTTPLintCore

/// 417 answers an Expect field.
struct ExpectationFailedWithoutExpect: Rule {
    static let description = RuleDescription(
        id: "expectation-failed-without-expect",
        severity: .warning,
        category: .requests,
        summary: "417 to a request without an Expect field",
        rationale: """
            RFC 9110 §15.5.18: 417 "indicates that the expectation given in the request's Expect \
            header field (Section 10.1.1) could not be met by at least one of the inbound \
            servers." A request without Expect gave no expectation that could fail; the client \
            cannot retry without one (§10.1.1) because it never sent one.
            """,
        fix: "Answer with the status that names the real problem",
        spec: [.rfc9110("15.5.18"), .rfc9110("10.1.1")],
        fields: ["Expect"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 417 Expectation Failed\nContent-Length: 0\n\n",
                    request: "PUT /f HTTP/1.1\nHost: a.example\nContent-Length: 2\n\nhi", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 417 Expectation Failed\nContent-Length: 0\n\n",
                    request: "PUT /f HTTP/1.1\nHost: a.example\nExpect: 100-continue\nContent-Length: 2\n\nhi"),
            Example("HTTP/1.1 417 Expectation Failed\nContent-Length: 0\n\n",
                    request: "PUT /f HTTP/1.1\nHost: a.example\nExpect: something-else\nContent-Length: 2\n\nhi"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 417, let request = exchange.request, request.hasRequestLine,
              !request.fields.contains("Expect") else { return }
        report.add("417 Expectation Failed to a request that sent no Expect field", about: response, request: request.lineSpan)
    }
}
