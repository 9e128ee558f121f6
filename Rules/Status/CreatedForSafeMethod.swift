import HTTPLintCore

/// Safe methods do not create things.
struct CreatedForSafeMethod: Rule {
    static let description = RuleDescription(
        id: "created-for-safe-method",
        severity: .info,
        category: .status,
        summary: "201 or 202 answering a safe method such as GET",
        rationale: """
            Safe methods (GET, HEAD, OPTIONS, TRACE…) are "essentially read-only" (RFC 9110 \
            §9.2.1): clients, crawlers and caches send them freely, expecting no change on the \
            server. A 201 Created or 202 Accepted says the request started a change, which \
            breaks that promise.
            """,
        fix: "Create resources with POST or PUT, and answer safe methods with 200",
        spec: [.rfc9110("9.2.1"), .rfc9110("15.3.2"), .rfc9110("15.3.3")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 201 Created\nLocation: /items/7\nContent-Length: 0\n\n",
                    request: "GET /items/new HTTP/1.1\nHost: example.com\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 201 Created\nLocation: /items/7\nContent-Length: 0\n\n",
                    request: "POST /items HTTP/1.1\nHost: example.com\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 201 || response.status == 202, let request = exchange.request,
              Methods.safe.contains(request.method) else { return }
        report.add("\(response.statusText) answers \(request.method), a safe method that should not change anything",
                   about: response)
    }
}
