import HTTPLintCore

/// Origin servers send Date.
struct MissingDate: Rule {
    static let description = RuleDescription(
        id: "missing-date",
        severity: .warning,
        category: .fields,
        summary: "2xx, 3xx or 4xx response without a Date field",
        rationale: """
            RFC 9110 §6.6.1: "An origin server with a clock MUST generate a Date header field in \
            all 2xx (Successful), 3xx (Redirection), and 4xx (Client Error) responses". Caches \
            need it to compute the response's age (RFC 9111 §4.2.3). It is a warning because a \
            server without a clock is excused; 304 responses are reported by \
            `not-modified-missing-fields`, and a proxy's answer to CONNECT is not an origin's.
            """,
        fix: "Send `Date` with the time the response was generated, as IMF-fixdate",
        spec: [.rfc9110("6.6.1")],
        fields: ["Date"],
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sat, 21 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 500 Internal Server Error\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 204 No Content\nDate: Sat, 21 Nov 2026 10:00:00 GMT\n\n"),
            Example("HTTP/1.1 304 Not Modified\nETag: \"a\"\n\n"),
            Example("HTTP/1.1 200 Connection established\n\n", request: "CONNECT example.com:443 HTTP/1.1\nHost: example.com:443\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        // A proxy's answer to CONNECT opens a tunnel; it is not an origin server's response.
        guard let status = response.status, (200..<500).contains(status), status != 304,
              exchange.request?.isCONNECT != true, !response.fields.contains(.date) else { return }
        report.add("\(response.statusText) response has no Date field", about: response)
    }
}
