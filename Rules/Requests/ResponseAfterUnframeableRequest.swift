import HTTPLintCore

/// A further response on a connection that had to close after a request whose framing could
/// not be trusted.
struct ResponseAfterUnframeableRequest: DeviationRule {
    static let deviation = Deviation.Kind.responseAfterUnframeableRequest
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .requests,
        summary: "Response to a further request after one the server had to close the connection on",
        rationale: """
            RFC 9112 §6.3: when a request has an invalid Content-Length and no \
            Transfer-Encoding, or a Transfer-Encoding whose final coding is not chunked, "the \
            server MUST respond with the 400 (Bad Request) status code and then close the \
            connection"; a request with both Transfer-Encoding and Content-Length may be \
            processed, but "the server MUST close the connection after responding to such a \
            request". RFC 9112 §6.1: an HTTP/1.0 request with Transfer-Encoding is treated as \
            faulty framing and the connection closed after it is processed. A server that goes \
            on reading has taken bytes it could not frame as the next request: the bytes a \
            front end saw as one request's content become a second request, which is how \
            request smuggling works.
            """,
        fix: "Close the connection after answering a request whose Content-Length or Transfer-Encoding is invalid or conflicting",
        spec: [.rfc9112("6.3"), .rfc9112("6.1"), .rfc9112("11.2")],
        fields: ["Content-Length", "Transfer-Encoding"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: a.example\nContent-Length: abc\n\nhelloGET / HTTP/1.1\nHost: a.example\n\n", line: 4),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: a.example\nTransfer-Encoding: chunked\nContent-Length: 5\n\n0\n\nGET / HTTP/1.1\nHost: a.example\n\n",
                    line: 4),
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: a.example\nTransfer-Encoding: gzip\n\nhello", line: 4),
        ],
        nonTriggering: [
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\nConnection: close\n\n",
                    request: "POST / HTTP/1.1\nHost: a.example\nContent-Length: abc\n\nhelloGET / HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: a.example\nTransfer-Encoding: chunked\n\n0\n\nGET / HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 400 Bad Request\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: a.example\nContent-Length: 5, 6\n\nhello"),
        ]
    )
}
