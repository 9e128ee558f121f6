import HTTPLintCore

/// An unregistered method refused with a status that blames something else.
struct UnknownMethodNotNotImplemented: Rule {
    static let description = RuleDescription(
        id: "unknown-method-not-501",
        severity: .info,
        category: .requests,
        summary: "Unregistered method refused with 400, 403, 404, 405 or 410 instead of 501",
        rationale: """
            RFC 9110 §9.1: "An origin server that receives a request method that is \
            unrecognized or not implemented SHOULD respond with the 501 (Not Implemented) \
            status code." A 400 blames the form of a request that is well-formed, a 403, 404 \
            or 410 blames the resource, and a 405 claims the opposite: it "indicates that the \
            method received in the request-line is known by the origin server but not \
            supported by the target resource" (§15.5.6). Only the server knows which methods \
            it implements, and a method outside the IANA registry may be one of its own, so \
            this is advice, not an error. Not reported: a 2xx (the server implements the \
            method), a 400 that the request's form explains, and refusals before the method is \
            looked at (401, 407, 408, 413, 414, 429, 431).
            """,
        fix: "Answer methods the server does not implement with 501 Not Implemented, before routing",
        spec: [.rfc9110("9.1"), .rfc9110("15.6.2"), .rfc9110("15.5.6")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "BREW /pot HTTP/1.1\nHost: example.com\n\n", line: 1),
            Example("HTTP/1.1 405 Method Not Allowed\nAllow: GET, HEAD\nContent-Length: 0\n\n",
                    request: "BREW /pot HTTP/1.1\nHost: example.com\n\n", line: 1),
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n", request: "get /pot HTTP/1.1\nHost: example.com\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 501 Not Implemented\nContent-Length: 0\n\n", request: "BREW /pot HTTP/1.1\nHost: example.com\n\n"),
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n", request: "GET /pot HTTP/1.1\nHost: example.com\n\n"),
            Example("HTTP/1.1 405 Method Not Allowed\nAllow: GET\nContent-Length: 0\n\n", request: "PATCH /pot HTTP/1.1\nHost: example.com\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "BREW /pot HTTP/1.1\nHost: example.com\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"pot\"\nContent-Length: 0\n\n",
                    request: "BREW /pot HTTP/1.1\nHost: example.com\n\n"),
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "BREW /pot HTTP/1.1\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, [400, 403, 404, 405, 410].contains(status), let request = exchange.request,
              let deviation = request.deviation(.unregisteredMethod) else { return }
        if status == 400, RequiredRejection.explains400(request) { return }
        let method = Printable.escape(request.method)
        let message = switch status {
        case 405: "405 says \(method) is known to the server but not allowed on this resource; a server that does not implement \(method) answers 501"
        case 400: "400 calls the request malformed, but only its method \(method) is unregistered; a server that does not implement \(method) answers 501"
        default: "\(response.statusText) blames the resource for the unregistered method \(method); a server that does not implement \(method) answers 501"
        }
        report.add(message, about: response, request: deviation.span)
    }
}
