import HTTPLintCore

/// An unrecognised method is answered with 501.
struct UnknownMethodNotNotImplemented: Rule {
    static let description = RuleDescription(
        id: "unknown-method-not-501",
        severity: .info,
        category: .status,
        summary: "Unregistered method refused with a 4xx other than 405 instead of 501",
        rationale: """
            RFC 9110 §9.1: "An origin server that receives a request method that is \
            unrecognized or not implemented SHOULD respond with the 501 (Not Implemented) \
            status code." A 400 or 404 hides that the method, not the request or the resource, \
            is the problem. (A 2xx means the server implements the method, and 405 that it \
            knows it: neither is reported.)
            """,
        fix: "Answer methods the server does not implement with 501 Not Implemented",
        spec: [.rfc9110("9.1"), .rfc9110("15.6.2")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "BREW /pot HTTP/1.1\nHost: example.com\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 501 Not Implemented\nContent-Length: 0\n\n", request: "BREW /pot HTTP/1.1\nHost: example.com\n\n"),
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n", request: "GET /pot HTTP/1.1\nHost: example.com\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "BREW /pot HTTP/1.1\nHost: example.com\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, (400..<500).contains(status), status != 405,
              let request = exchange.request, !Methods.registered.contains(request.method) else { return }
        report.add("\(request.method) is not a registered method; if the server does not implement it, 501 says so, not \(status)",
                   about: response)
    }
}
