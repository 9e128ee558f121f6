import HTTPLintCore

/// Cache-Group-Invalidation only works on responses to unsafe methods.
struct CacheGroupInvalidationOnSafeMethod: Rule {
    static let description = RuleDescription(
        id: "cache-group-invalidation-on-safe-method",
        severity: .info,
        category: .caching,
        summary: "Cache-Group-Invalidation on a response to a safe method (GET, HEAD, OPTIONS…), where caches must ignore it",
        rationale: """
            RFC 9875 §3: "The Cache-Group-Invalidation header field MUST be ignored on responses \
            to requests that have a safe method (e.g., GET; see Section 9.2.1 of HTTP)." Only a \
            response to an unsafe request (POST, PUT, DELETE…) can invalidate the listed groups; \
            on a GET the field does nothing, which is rarely what the server meant.
            """,
        fix: "Send Cache-Group-Invalidation on the response to the request that changed the state (POST, PUT, DELETE)",
        spec: [SpecReference(rfc: 9875, section: "3"), .rfc9110("9.2.1")],
        fields: ["Cache-Group-Invalidation"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nCache-Group-Invalidation: \"scores\"\nContent-Length: 0\n\n",
                    request: "GET /scores HTTP/1.1\nHost: a.example\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nCache-Group-Invalidation: \"scores\"\nContent-Length: 0\n\n",
                    request: "POST /scores HTTP/1.1\nHost: a.example\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let request = exchange.request, Methods.safe.contains(request.method),
              let field = response.fields.first(named: "Cache-Group-Invalidation") else { return }
        report.add("Cache-Group-Invalidation on a response to \(request.method), a safe method: caches must ignore it",
                   at: field.lineSpan, status: response.status, request: request.methodSpan)
    }
}
