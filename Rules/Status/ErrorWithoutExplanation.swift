import HTTPLintCore

/// 4xx and 5xx responses explain the error.
struct ErrorWithoutExplanation: Rule {
    static let description = RuleDescription(
        id: "error-without-explanation",
        severity: .info,
        category: .status,
        summary: "4xx or 5xx response with empty content, except to HEAD",
        rationale: """
            RFC 9110 §15.5: "Except when responding to a HEAD request, the server SHOULD send a \
            representation containing an explanation of the error situation, and whether it is \
            a temporary or permanent condition"; §15.6 says the same of 5xx, and user agents \
            "SHOULD display any included representation to the user". An empty 4xx or 5xx leaves \
            the user with a bare number. Many servers send empty 404s and 400s on purpose (to \
            say nothing to scanners, or because an API client reads only the status), so this \
            is advice, and opt-in (profiles `all` and `strict`). Responses to HEAD, and responses that cannot have content, are not \
            reported.
            """,
        fix: "Send a short text or HTML (or application/problem+json, RFC 9457) saying what went wrong and whether to retry",
        spec: [.rfc9110("15.5"), .rfc9110("15.6")],
        isEnabledByDefault: false,
        triggering: [
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n", request: "GET /missing HTTP/1.1\nHost: a.example\n\n", line: 1),
            Example("HTTP/1.1 500 Internal Server Error\nConnection: close\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 404 Not Found\nContent-Type: text/plain\nContent-Length: 10\n\nNot found\n",
                    request: "GET /missing HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 404 Not Found\nContent-Length: 10\n\n", request: "HEAD /missing HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 204 No Content\n\n", request: "DELETE /item HTTP/1.1\nHost: a.example\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, (400..<600).contains(status), exchange.request?.isHEAD != true,
              response.content.framing != .none, response.content.framing != .tunnel,
              response.content.length == 0, !response.content.isTruncated else { return }
        report.add("\(response.statusText) with empty content: nothing explains the error or says whether it is temporary",
                   about: response)
    }
}
