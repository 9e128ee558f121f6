import HTTPLintCore

/// A request-target refused for its length is answered with 414.
struct LongTargetNotURITooLong: Rule {
    static let description = RuleDescription(
        id: "long-target-not-414",
        severity: .info,
        category: .requests,
        summary: "Long request-target refused with 400, 413 or 431 instead of 414",
        rationale: """
            RFC 9112 §3: "A server that receives a request-target longer than any URI it \
            wishes to parse MUST respond with a 414 (URI Too Long) status code", and "It is \
            RECOMMENDED that all HTTP senders and recipients support, at a minimum, \
            request-line lengths of 8000 octets." A target longer than the parser's limit \
            (8000 bytes, or --max-target-length) refused with 400, 413 (which is about \
            content) or 431 (which is about header fields) was most likely refused for its \
            length, and 414 would tell the client what to shorten. The rule cannot see why \
            the server refused, so this is advice. Not reported: a 400 that another fault of \
            the request explains, and statuses that come after routing (403, 404…).
            """,
        fix: "Answer request-targets that are too long with 414 URI Too Long",
        spec: [.rfc9112("3"), .rfc9110("15.5.15")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: longTargetRequest, line: 1),
            Example("HTTP/1.1 431 Request Header Fields Too Large\nContent-Length: 0\n\n", request: longTargetRequest, line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 414 URI Too Long\nContent-Length: 0\n\n", request: longTargetRequest),
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n", request: longTargetRequest),
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "GET /?q=short HTTP/1.1\nHost: example.com\n\n"),
            // The missing Host explains the 400.
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "GET \(longTarget) HTTP/1.1\n\n"),
        ]
    )

    /// A target 8,107 bytes long (built from bytes: every linter reads the examples once at
    /// start-up), and a request for it.
    static let longTarget = "/?q=" + String(decoding: [UInt8](repeating: UInt8(ascii: "a"), count: 8100), as: UTF8.self)
    static let longTargetRequest = "GET \(longTarget) HTTP/1.1\nHost: example.com\n\n"

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, status == 400 || status == 413 || status == 431, let request = exchange.request,
              let deviation = request.deviation(.longTarget) else { return }
        if status == 400, RequiredRejection.explains400(request) { return }
        report.add("\(response.statusText) refuses a request-target of \(request.targetSpan.length) bytes; if it was refused for its length, 414 says so",
                   about: response, request: deviation.span)
    }
}
