import HTTPLintCore

/// HTTP/1.0 clients do not know 1xx responses.
struct InterimResponseToHTTP10Client: Rule {
    static let description = RuleDescription(
        id: "interim-response-to-http10-client",
        severity: .error,
        category: .status,
        summary: "1xx response sent to an HTTP/1.0 client",
        rationale: """
            RFC 9110 §15.2: "A server MUST NOT send a 1xx response to an HTTP/1.0 client." \
            HTTP/1.0 has no interim responses: such a client takes the 1xx for the final \
            response and misreads what follows. The rule needs the request to know the \
            client's version and is silent without it.
            """,
        fix: "Do not send 100 Continue, 103 Early Hints or other 1xx responses when the request line says HTTP/1.0",
        spec: [.rfc9110("15.2")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST /upload HTTP/1.0\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 103 Early Hints\nLink: </style.css>; rel=preload\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST /upload HTTP/1.1\nHost: example.com\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n"),
            Example("HTTP/1.0 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        guard let request = exchange.request, request.version == .http10 else { return }
        for response in exchange.responses where (100..<200).contains(response.status ?? 0) {
            report.add("\(response.statusText) sent to an HTTP/1.0 client, which does not understand 1xx responses",
                       about: response)
        }
    }
}
