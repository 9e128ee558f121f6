import HTTPLintCore

/// Requests the server was required to reject, answered with success.
struct SuccessForInvalidRequest: Rule {
    static let description = RuleDescription(
        id: "success-for-invalid-request",
        severity: .error,
        category: .requests,
        summary: "2xx or 3xx answering a request the server must reject",
        rationale: """
            RFC 9112 §3.2: "A server MUST respond with a 400 (Bad Request) status code to any \
            HTTP/1.1 request message that lacks a Host header field and to any request message \
            that contains more than one Host header field line or a Host header field with an \
            invalid field value." RFC 9112 §5.1: a server "MUST reject, with a response status \
            code of 400 (Bad Request), any received request message that contains whitespace \
            between a header field name and colon." RFC 9112 §6.3: a request with a \
            Transfer-Encoding whose final coding is not chunked, or without Transfer-Encoding \
            and with an invalid or conflicting Content-Length, cannot be framed: "the server \
            MUST respond with the 400 (Bad Request) status code and then close the \
            connection." RFC 9112 §6.1: "A server that receives a request message with a \
            transfer coding it does not understand SHOULD respond with 501 (Not Implemented)"; \
            an unregistered coding is reported here when the final coding is chunked. \
            Accepting such requests is how request smuggling and cache poisoning through a \
            front end begin: the server read a request that another hop reads differently. \
            Where the RFC leaves a choice, accepting is no fault and is not reported: obs-fold \
            and bare CR may be replaced by SP (§5.2, §2.2), a request with both \
            Transfer-Encoding and Content-Length may be processed (§6.1), and an HTTP/1.0 \
            request with Transfer-Encoding is processed and the connection closed after it \
            (§6.1).
            """,
        fix: "Reject such requests with 400 (or 501 for a transfer coding the server does not implement) and close the connection",
        spec: [.rfc9112("3.2"), .rfc9112("5.1"), .rfc9112("6.3"), .rfc9112("6.1")],
        fields: ["Host", "Content-Length", "Transfer-Encoding"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: a.example\nHost: b.example\n\n", line: 1),
            Example("HTTP/1.1 302 Found\nLocation: /\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: a b.example\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: example.com\nX-Id : 1\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nTransfer-Encoding: xchunked\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nTransfer-Encoding: foo, chunked\n\n0\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nContent-Length: 5\nContent-Length: 6\n\nhello!", line: 1),
            Example("HTTP/1.1 201 Created\nLocation: /x\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nContent-Length: -5\n\nhello", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: example.com:8080\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: [::1]:80\n\n"),
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nContent-Length: 5\n\nhello"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nContent-Length: 5, 5\n\nhello"),
            // RFC 9112 §6.1: processed, then the connection closed (response-after-unframeable-request).
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.0\nTransfer-Encoding: chunked\n\n0\n\n"),
            // RFC 9112 §6.1: a server may process a request with both, by Transfer-Encoding.
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nTransfer-Encoding: chunked\nContent-Length: 5\n\n0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nTransfer-Encoding: gzip, chunked\n\n0\n\n"),
            Example("HTTP/1.1 501 Not Implemented\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nTransfer-Encoding: foo, chunked\n\n0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, (200..<400).contains(status), let request = exchange.request else { return }
        for rejection in RequiredRejection.reasons(for: request) {
            report.add("\(response.statusText) accepts a request it was to reject: \(rejection.reason); \(rejection.duty)",
                       about: response, request: rejection.span)
        }
    }
}
