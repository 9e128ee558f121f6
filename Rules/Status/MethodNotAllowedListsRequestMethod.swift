import HTTPLintCore

/// A 405 whose Allow lists the very method it refused.
struct MethodNotAllowedListsRequestMethod: Rule {
    static let description = RuleDescription(
        id: "method-not-allowed-lists-request-method",
        severity: .warning,
        category: .status,
        summary: "405 whose Allow lists the request's own method",
        rationale: """
            405 says the method "is known by the origin server but not supported by the target \
            resource", and Allow lists "the target resource's currently supported methods" \
            (RFC 9110 §15.5.6, §10.2.1). Listing the refused method contradicts the status, so \
            the client cannot tell what to do.
            """,
        fix: "Remove the refused method from Allow, or handle the method",
        spec: [.rfc9110("15.5.6"), .rfc9110("10.2.1")],
        fields: ["Allow"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 405 Method Not Allowed\nAllow: GET, POST\nContent-Length: 0\n\n",
                    request: "POST /x HTTP/1.1\nHost: example.com\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 405 Method Not Allowed\nAllow: GET, HEAD\nContent-Length: 0\n\n",
                    request: "POST /x HTTP/1.1\nHost: example.com\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 405 Method Not Allowed\nAllow: post\nContent-Length: 0\n\n",
                    request: "POST /x HTTP/1.1\nHost: example.com\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 405, let request = exchange.request else { return }
        for field in response.fields.named(.allow) where field.listElements.contains(request.method) {
            report.add("405 refuses \(request.method) but Allow lists \(request.method) as supported", at: field.lineSpan, status: 405)
        }
    }
}
