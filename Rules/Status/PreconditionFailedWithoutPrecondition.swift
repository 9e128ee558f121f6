import HTTPLintCore

/// 412 answers a request with preconditions.
struct PreconditionFailedWithoutPrecondition: Rule {
    static let description = RuleDescription(
        id: "precondition-failed-without-precondition",
        severity: .warning,
        category: .status,
        summary: "412 to a request without any precondition field",
        rationale: """
            RFC 9110 §15.5.13: 412 "indicates that one or more conditions given in the request \
            header fields evaluated to false". A request with no If-Match, If-None-Match, \
            If-Modified-Since, If-Unmodified-Since or If-Range had no condition that could fail.
            """,
        fix: "Use 409 Conflict or 428 Precondition Required, depending on what went wrong",
        spec: [.rfc9110("15.5.13"), .rfc9110("13.1")],
        fields: ["If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 412 Precondition Failed\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: example.com\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 412 Precondition Failed\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\nContent-Length: 0\n\n"),
        ]
    )

    static let preconditions = ["If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 412, let request = exchange.request,
              !Self.preconditions.contains(where: request.fields.contains) else { return }
        report.add("412 response to a request that had no precondition field (\(Self.preconditions.joined(separator: ", ")))",
                   about: response)
    }
}
