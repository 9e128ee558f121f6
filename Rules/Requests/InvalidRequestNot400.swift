import HTTPLintCore

/// A request the server must reject with 400, refused with another error status.
struct InvalidRequestNot400: Rule {
    static let description = RuleDescription(
        id: "invalid-request-not-400",
        severity: .warning,
        category: .requests,
        summary: "Request that must be rejected with 400 refused with another 4xx or 5xx",
        rationale: """
            RFC 9112 names the status for requests a server must reject: "A server MUST \
            respond with a 400 (Bad Request) status code to any HTTP/1.1 request message that \
            lacks a Host header field and to any request message that contains more than one \
            Host header field line or a Host header field with an invalid field value" (§3.2); \
            whitespace between a field name and its colon is rejected "with a response status \
            code of 400 (Bad Request)" (§5.1); a request whose length cannot be determined \
            (an invalid Content-Length without Transfer-Encoding, a Transfer-Encoding not \
            ending in chunked) gets "the 400 (Bad Request) status code" and the connection \
            closed (§6.3). A 404, 403 or 500 says the server went on to route or process a \
            request whose framing or target it could not trust, and hides the client's error \
            from it; the MUST outranks the SHOULDs that name 405 or 501 for a method. A \
            transfer coding the server does not understand may be answered 501 (§6.1: "SHOULD \
            respond with 501 (Not Implemented)"), and a request whose only fault is such a \
            coding (a SHOULD) is not reported whatever the refusal. Statuses about size (413, \
            414, 431) and a 505 to a request whose version the server does not support are \
            refusals for another reason, and are not reported.
            """,
        fix: "Answer requests with a missing, repeated or invalid Host, whitespace before a colon, or unframeable content with 400 Bad Request, before routing them",
        spec: [.rfc9112("3.2"), .rfc9112("5.1"), .rfc9112("6.3"), .rfc9112("6.1")],
        fields: ["Host", "Content-Length", "Transfer-Encoding"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\n\n", line: 1),
            Example("HTTP/1.1 421 Misdirected Request\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nHost: b.example\n\n", line: 1),
            Example("HTTP/1.1 500 Internal Server Error\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nX-Id : 1\n\n", line: 1),
            Example("HTTP/1.1 408 Request Timeout\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nContent-Length: 5\nContent-Length: 6\n\nhello!", line: 1),
            Example("HTTP/1.1 505 HTTP Version Not Supported\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a/b\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\n\n"),
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: example.com\n\n"),
            Example("HTTP/1.1 501 Not Implemented\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nTransfer-Encoding: gzip\n\nhello"),
            Example("HTTP/1.1 501 Not Implemented\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nTransfer-Encoding: foo, chunked\n\n0\n\n"),
            Example("HTTP/1.1 431 Request Header Fields Too Large\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nHost: b.example\n\n"),
            Example("HTTP/1.1 505 HTTP Version Not Supported\nContent-Length: 0\n\n", request: "GET / HTTP/2.0\nHost: a b\n\n"),
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n", request: "GET / HTTP/1.0\n\n"),
            Example("HTTP/1.1 405 Method Not Allowed\nAllow: GET\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nTransfer-Encoding: foo, chunked\n\n0\n\n"),
        ]
    )

    /// Refusals for the request's size, not its form.
    static let sizeStatuses: Set<Int> = [413, 414, 431]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, (400..<600).contains(status), !Self.sizeStatuses.contains(status),
              let request = exchange.request else { return }
        let all = RequiredRejection.reasons(for: request)
        // A SHOULD (501 for a transfer coding not understood) leaves room for another refusal.
        let rejections = all.filter(\.isRequired)
        guard let first = rejections.first, !all.contains(where: { $0.accepted.contains(status) }) else { return }
        // RFC 9110 §15.6.6: 505 refuses the request's major version; the version came first.
        if status == 505, request.has(.malformedRequestVersion) || request.version.map({ $0.major != 1 }) == true { return }
        let more = rejections.count > 1 ? " (and for \(rejections.count - 1) more reason\(rejections.count > 2 ? "s" : ""))" : ""
        report.add("\(response.statusText) refuses the request, but \(first.reason): \(first.duty)\(more)",
                   about: response, request: first.span)
    }
}
