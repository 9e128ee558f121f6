import HTTPLintCore

/// 429 and 503 can say when to come back.
struct MissingRetryAfter: Rule {
    static let description = RuleDescription(
        id: "missing-retry-after",
        severity: .info,
        category: .status,
        summary: "429 or 503 response without Retry-After",
        rationale: """
            RFC 6585 §4 (429) and RFC 9110 §15.6.4 (503) let the server send Retry-After to \
            say how long to wait (§10.2.3). Without it clients guess, and well-behaved ones \
            back off longer than needed while badly behaved ones retry at once.
            """,
        fix: "Send `Retry-After` with a number of seconds or an HTTP date",
        spec: [.rfc9110("10.2.3"), .rfc9110("15.6.4"), SpecReference(rfc: 6585, section: "4")],
        fields: ["Retry-After"],
        triggering: [
            Example("HTTP/1.1 429 Too Many Requests\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 503 Service Unavailable\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 429 Too Many Requests\nRetry-After: 30\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 500 Internal Server Error\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        requireField("Retry-After", on: [429, 503], in: exchange.response, &report) { response in
            "\(response.statusText) response has no Retry-After telling the client when to try again"
        }
    }
}
