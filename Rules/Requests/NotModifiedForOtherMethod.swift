import HTTPLintCore

/// 304 exists only for GET and HEAD.
struct NotModifiedForOtherMethod: Rule {
    static let description = RuleDescription(
        id: "not-modified-for-method-other-than-get-or-head",
        severity: .warning,
        category: .requests,
        summary: "304 to a request whose method is not GET or HEAD (or QUERY)",
        rationale: """
            RFC 9110 §15.4.5: 304 "indicates that a conditional GET or HEAD request has been \
            received". For any other method a false If-None-Match gives 412, not 304 (§13.1.2, \
            §13.2.2 step 3), and If-Modified-Since "MUST" be ignored "if the request method is \
            neither GET nor HEAD" (§13.1.3); preconditions on CONNECT, OPTIONS and TRACE are all \
            to be ignored (§13.2.1). A 304 tells the client to use a stored response that a \
            POST, PUT or DELETE never had, and the method's effect is left unknown. QUERY \
            (RFC 10008), a safe method whose conditional form works like GET's, is not reported.
            """,
        fix: "Answer a failed If-None-Match on other methods with 412; ignore If-Modified-Since there",
        spec: [.rfc9110("15.4.5"), .rfc9110("13.1.3"), .rfc9110("13.2.2"), .rfc9110("13.2.1")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 304 Not Modified\nETag: \"a\"\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: a.example\nIf-None-Match: \"a\"\nContent-Length: 2\n\nhi", line: 1),
            Example("HTTP/1.1 304 Not Modified\n\n",
                    request: "POST /form HTTP/1.1\nHost: a.example\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Length: 2\n\nhi", line: 1),
            Example("HTTP/1.1 304 Not Modified\n\n",
                    request: "OPTIONS /doc HTTP/1.1\nHost: a.example\nIf-None-Match: *\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 304 Not Modified\nETag: \"a\"\n\n",
                    request: "GET /doc HTTP/1.1\nHost: a.example\nIf-None-Match: \"a\"\n\n"),
            Example("HTTP/1.1 304 Not Modified\nETag: \"a\"\n\n",
                    request: "HEAD /doc HTTP/1.1\nHost: a.example\nIf-None-Match: \"a\"\n\n"),
            Example("HTTP/1.1 304 Not Modified\nETag: \"q\"\n\n",
                    request: "QUERY /feed HTTP/1.1\nHost: a.example\nIf-None-Match: \"q\"\nContent-Type: text/plain\nContent-Length: 2\n\nhi"),
            Example("HTTP/1.1 412 Precondition Failed\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: a.example\nIf-None-Match: \"a\"\nContent-Length: 2\n\nhi"),
        ]
    )

    /// GET and HEAD, and QUERY, whose conditional form RFC 10008 defines like that of GET.
    static let conditionalLikeGET: Set<String> = ["GET", "HEAD", "QUERY"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 304, let request = exchange.request, request.hasRequestLine,
              !Self.conditionalLikeGET.contains(request.method) else { return }
        report.add("304 Not Modified to \(Printable.escape(request.method)): 304 exists only for a conditional GET or HEAD",
                   about: response, request: request.methodSpan)
    }
}
