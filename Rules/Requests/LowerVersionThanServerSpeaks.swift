import HTTPLintCore

/// A server that answers HTTP/1.1 elsewhere answers an HTTP/1.1 request with HTTP/1.0.
struct LowerVersionThanServerSpeaks: ExchangeSetRule {
    static let description = RuleDescription(
        id: "http10-response-from-http11-server",
        severity: .warning,
        category: .requests,
        summary: "HTTP/1.0 response to an HTTP/1.1 request from a server that answers HTTP/1.1 elsewhere",
        rationale: """
            RFC 9110 §2.5: "A server SHOULD send a response version equal to the highest \
            version to which the server is conformant that has a major version less than or \
            equal to the one received in the request." A server that answers other requests \
            of the same input with HTTP/1.1 is conformant to HTTP/1.1, so an HTTP/1.0 answer to \
            an HTTP/1.1 request gives up persistent connections and chunked framing for no \
            reason; it usually comes from an error path (a 400 or 408 page written by hand). \
            A server that speaks only HTTP/1.0 (Python's http.server by default) is \
            conformant and not reported; nor are requests whose version was not understood. \
            (§2.5 lets a server answer HTTP/1.0 to a client it knows to be broken.)
            """,
        fix: "Send the same HTTP/1.1 status line on every path of the server, error pages included",
        spec: [.rfc9110("2.5")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\nHTTP/1.0 404 Not Found\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\n\nGET /x HTTP/1.1\nHost: a.example\n\n", line: 4),
        ],
        nonTriggering: [
            Example("HTTP/1.0 200 OK\nContent-Length: 0\n\nHTTP/1.0 404 Not Found\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\n\nGET /x HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\nHTTP/1.0 404 Not Found\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\n\nGET /x HTTP/1.0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\nHTTP/1.0 400 Bad Request\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\n\nGET /x http/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.0 404 Not Found\nContent-Length: 0\n\n", request: "GET /x HTTP/1.1\nHost: a.example\n\n"),
        ]
    )

    func check(exchanges: [Exchange], _ report: inout FindingReporter) {
        guard let speaks = exchanges.first(where: { $0.response.version == .http11 }) else { return }
        for exchange in exchanges where exchange.response.version == .http10 {
            guard let request = exchange.request, request.version == .http11 else { continue }
            report.add("\(exchange.response.statusText) is sent as HTTP/1.0 to an HTTP/1.1 request, though the server answers exchange \(speaks.index + 1) with HTTP/1.1",
                       about: exchange.response, exchange: exchange.index, request: request.versionSpan)
        }
    }
}
