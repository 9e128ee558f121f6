import HTTPLintCore

/// 304 answers a conditional GET or HEAD.
struct NotModifiedWithoutConditionalRequest: Rule {
    static let description = RuleDescription(
        id: "not-modified-without-conditional-request",
        severity: .warning,
        category: .status,
        summary: "304 to a request without If-None-Match or If-Modified-Since",
        rationale: """
            RFC 9110 §15.4.5: 304 "indicates that a conditional GET or HEAD request has been \
            received and would have resulted in a 200 (OK) response if it were not for the fact \
            that the condition evaluated to false." A client that sent no condition has no \
            cached copy to use, so it is left with nothing.
            """,
        fix: "Answer unconditional requests with 200 and the representation",
        spec: [.rfc9110("15.4.5"), .rfc9110("13.1.2"), .rfc9110("13.1.3")],
        fields: ["If-None-Match", "If-Modified-Since"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nETag: \"a\"\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"a\"\n\n"),
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 304, let request = exchange.request,
              !request.fields.contains(.ifNoneMatch), !request.fields.contains(.ifModifiedSince) else { return }
        report.add("304 response to a request with neither If-None-Match nor If-Modified-Since", about: response)
    }
}
