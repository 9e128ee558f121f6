import HTTPLintCore

/// Transfer-Encoding in an HTTP/1.0 response or in a response to an HTTP/1.0 request.
struct TransferEncodingInHTTP10: DeviationRule {
    static let deviation = Deviation.Kind.transferEncodingInHTTP10
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Transfer-Encoding in an HTTP/1.0 response or in a response to an HTTP/1.0 request",
        rationale: """
            RFC 9112 §6.1: "A server MUST NOT send a response containing Transfer-Encoding unless \
            the corresponding request indicates HTTP/1.1 (or later minor revisions)", and a \
            recipient of an HTTP/1.0 message with Transfer-Encoding "MUST treat the message as if \
            the framing is faulty". HTTP/1.0 clients show the chunk sizes as part of the content.
            """,
        fix: "Answer HTTP/1.0 with Content-Length or by closing the connection, without Transfer-Encoding",
        spec: [.rfc9112("6.1")],
        fields: ["Transfer-Encoding"],
        triggering: [
            Example("HTTP/1.0 200 OK\nTransfer-Encoding: chunked\n\n0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n0\n\n", request: "GET / HTTP/1.0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n0\n\n", request: "GET / HTTP/1.1\nHost: example.com\n\n"),
            Example("HTTP/1.0 200 OK\nContent-Length: 2\n\nok"),
        ]
    )
}
