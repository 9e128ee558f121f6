import HTTPLintCore

/// 206 answers a Range request.
struct PartialContentWithoutRangeRequest: Rule {
    static let description = RuleDescription(
        id: "partial-content-without-range-request",
        severity: .error,
        category: .status,
        summary: "206 to a request that had no Range field",
        rationale: """
            206 (Partial Content) fulfils a range request (RFC 9110 §15.3.7, §14.2). A client \
            that did not send Range expects the whole representation and may take the part \
            for all of it, or fail.
            """,
        fix: "Answer requests without Range with 200 and the whole representation",
        spec: [.rfc9110("15.3.7"), .rfc9110("14.2")],
        fields: ["Range"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 206, let request = exchange.request, !request.fields.contains(.range) else { return }
        report.add("206 response to a request that sent no Range", about: response)
    }
}
