import HTTPLintCore

/// Responses to requests carrying the token in the URI stay out of shared caches.
struct BearerTokenInQueryNotPrivate: Rule {
    static let description = RuleDescription(
        id: "bearer-token-in-query-not-private",
        severity: .warning,
        category: .requests,
        summary: "2xx to a request with an access_token query parameter, without Cache-Control private (or no-store)",
        rationale: """
            RFC 6750 §2.3: "Server success (2XX status) responses to these requests SHOULD \
            contain a Cache-Control header with the \"private\" option." The token is part of \
            the URI, so a shared cache would key a stored response on it and could serve the \
            protected data, or leak the token in its logs. `no-store`, which keeps every cache \
            from storing the response (RFC 9111 §5.2.2.5), is accepted as well.
            """,
        fix: "Send `Cache-Control: private` (or no-store) on success responses to requests with access_token in the URI",
        spec: [SpecReference(rfc: 6750, section: "2.3"), SpecReference(rfc: 9111, section: "5.2.2.7")],
        fields: ["Cache-Control"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "GET /resource?x=1&access_token=mF_9.B5f-4.1JqM HTTP/1.1\nHost: a.example\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=60\nContent-Length: 0\n\n",
                    request: "GET /resource?access_token=mF_9.B5f-4.1JqM HTTP/1.1\nHost: a.example\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: private\nContent-Length: 0\n\n",
                    request: "GET /resource?access_token=mF_9.B5f-4.1JqM HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nCache-Control: no-store\nContent-Length: 0\n\n",
                    request: "GET /resource?access_token=mF_9.B5f-4.1JqM HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "GET /resource?my_access_token=1 HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error=\"invalid_token\"\nContent-Length: 0\n\n",
                    request: "GET /resource?access_token=mF_9.B5f-4.1JqM HTTP/1.1\nHost: a.example\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, (200..<300).contains(status), let request = exchange.request,
              BearerChallenges.hasTokenInQuery(request) else { return }
        let directives = response.fields.listElements(named: "Cache-Control").map {
            String($0.split(separator: "=", maxSplits: 1).first ?? "").trimmingWhitespace().asciiLowercased()
        }
        guard !directives.contains("private"), !directives.contains("no-store") else { return }
        report.add("\(response.statusText) to a request with access_token in its URI, without Cache-Control private: a shared cache may store it",
                   about: response, request: request.targetSpan)
    }
}
