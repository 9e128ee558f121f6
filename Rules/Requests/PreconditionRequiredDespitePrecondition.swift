import HTTPLintCore

/// 428 asks for a conditional request.
struct PreconditionRequiredDespitePrecondition: Rule {
    static let description = RuleDescription(
        id: "precondition-required-despite-precondition",
        severity: .info,
        category: .requests,
        summary: "428 to a request that already had If-Match, If-None-Match or If-Unmodified-Since",
        rationale: """
            RFC 6585 §3: 428 "indicates that the origin server requires the request to be \
            conditional", typically "to avoid the 'lost update' problem", and "responses using \
            this status code SHOULD explain how to resubmit the request successfully." A request \
            with If-Match, If-None-Match or If-Unmodified-Since (RFC 9110 §13.1) is conditional \
            already, and those are the fields that guard against lost updates. The server may \
            want a particular one (If-Match rather than a date), so this is advice: the content \
            should then say which. A request with only If-Modified-Since or If-Range, which do \
            not guard a change, is not reported.
            """,
        fix: "Say in the 428's content which precondition the server requires, or evaluate the one sent",
        spec: [SpecReference(rfc: 6585, section: "3"), .rfc9110("13.1")],
        fields: ["If-Match", "If-None-Match", "If-Unmodified-Since"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 428 Precondition Required\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: a.example\nIf-Match: \"v1\"\nContent-Length: 2\n\nhi", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 428 Precondition Required\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: a.example\nContent-Length: 2\n\nhi"),
            Example("HTTP/1.1 428 Precondition Required\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: a.example\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Length: 2\n\nhi"),
            Example("HTTP/1.1 412 Precondition Failed\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: a.example\nIf-Match: \"v1\"\nContent-Length: 2\n\nhi"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 428, let request = exchange.request,
              let field = request.fields.first(where: { $0.hasName("If-Match") || $0.hasName("If-None-Match") || $0.hasName("If-Unmodified-Since") })
        else { return }
        report.add("428 Precondition Required to a request that was conditional already (\(field.name)); if another precondition is wanted, the content should say which",
                   about: response, request: field.lineSpan)
    }
}
