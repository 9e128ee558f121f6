import HTTPLintCore

/// The request itself departs from HTTP/1.1: reported once per deviation, pointing at the
/// request's bytes, so that what the server did with it can be judged beside it.
struct RequestDeviation: Rule {
    static let description = RuleDescription(
        id: "request-deviation",
        severity: .info,
        category: .requests,
        summary: "The request the server received departs from HTTP/1.1 or uses what a server may not know",
        rationale: """
            The request parser reads every request, however malformed, and records where it \
            departs from RFC 9112 and RFC 9110: bytes that are no request at all (a TLS \
            handshake sent to a plain port), an HTTP/0.9 request line, a method that is not a \
            token or not registered, a malformed or unsupported version, extra whitespace in \
            the request line, a missing, repeated or invalid Host (RFC 9112 §3.2: "A server \
            MUST respond with a 400 (Bad Request) status code to any HTTP/1.1 request message \
            that lacks a Host header field and to any request message that contains more than \
            one Host header field line or a Host header field with an invalid field value"), \
            whitespace before a colon, obs-fold, bare LF or CR, invalid field names or values, \
            invalid or conflicting Content-Length, a Transfer-Encoding that does not end in \
            chunked, Transfer-Encoding with Content-Length or in HTTP/1.0, a long target. \
            These are the client's doing, so this is information: the response is still \
            linted, and the rules in this category judge whether the server answered as the \
            RFC requires (a 400, a 501, a 505, closing the connection).
            """,
        fix: "Nothing to fix in the server: this describes the request; see the other findings for what the server did with it",
        spec: [.rfc9112("3"), .rfc9112("3.2"), .rfc9112("5"), .rfc9112("6.3"), .rfc9110("9.1")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\n\n", line: 1),
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "G(T / HTTP/1.1\nHost: a.example\n\n", line: 1),
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "GET / http/1.1\nHost: a.example\n\n", line: 1),
            Example.rawRequest("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "GET  / HTTP/1.1\r\nHost: a.example\r\n\r\n", line: 1),
            Example.rawRequest("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET /x\r\n", line: 1),
            Example.rawRequest("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "\u{16}\u{03}\u{01}\u{00}\u{05}\u{01}\u{00}", line: 1),
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: a.example\nX-Id : 1\n\n", line: 1),
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: a.example\nContent-Length: abc\n\nhello", line: 1),
            Example("HTTP/1.1 505 HTTP Version Not Supported\nContent-Length: 0\n\n", request: "GET / HTTP/2.0\nHost: a.example\n\n", line: 1),
            Example("HTTP/1.1 501 Not Implemented\nContent-Length: 0\n\n", request: "BREW / HTTP/1.1\nHost: a.example\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET http://a.example/ HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "OPTIONS * HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: a.example\nTransfer-Encoding: chunked\n\n5\nhello\n0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "\nGET / HTTP/1.1\nHost: a.example\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        guard let request = exchange.request else { return }
        let response = exchange.response
        for deviation in request.deviations {
            report.add("request (\(deviation.kind.rawValue)): \(deviation.message)", at: response.statusAnchor,
                       status: response.status, request: deviation.span)
        }
    }
}
