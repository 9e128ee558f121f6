import HTTPLintCore

/// 416 answers a Range field.
struct RangeNotSatisfiableWithoutRange: Rule {
    static let description = RuleDescription(
        id: "range-not-satisfiable-without-range",
        severity: .warning,
        category: .requests,
        summary: "416 to a request without a Range field",
        rationale: """
            RFC 9110 §15.5.17: 416 "indicates that the set of ranges in the request's Range \
            header field (Section 14.2) has been rejected". A request without Range asked for \
            the whole representation; no range of it can have been unsatisfiable.
            """,
        fix: "Answer requests without Range with 200 and the representation, or with the status that names the real problem",
        spec: [.rfc9110("15.5.17"), .rfc9110("14.2")],
        fields: ["Range"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */100\nContent-Length: 0\n\n",
                    request: "GET /f HTTP/1.1\nHost: a.example\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */100\nContent-Length: 0\n\n",
                    request: "GET /f HTTP/1.1\nHost: a.example\nRange: bytes=200-\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 416, let request = exchange.request, request.hasRequestLine,
              !request.fields.contains("Range") else { return }
        report.add("416 Range Not Satisfiable to a request that sent no Range field", about: response, request: request.lineSpan)
    }
}
