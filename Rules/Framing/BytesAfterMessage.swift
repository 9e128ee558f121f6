import HTTPLintCore

/// Bytes after the end of a message that do not start another response.
struct BytesAfterMessage: DeviationRule {
    static let deviation = Deviation.Kind.bytesAfterMessage
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Bytes after the end of a message that do not start another response",
        rationale: """
            RFC 9112 §6.3 decides where a message ends; the bytes that follow must be the next \
            response. When they are not, the length the sender declared is wrong (Content-Length \
            too small, a chunk size that does not match) and a client on a persistent connection \
            reads garbage as the next response. Reading resumes at the next status line.
            """,
        fix: "Make Content-Length or the chunk sizes match the content that is actually sent",
        spec: [.rfc9112("6.3")],
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 2\n\nhello", line: 4),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 5\n\nhello"),
            Example("HTTP/1.1 200 OK\nContent-Length: 2\n\nokHTTP/1.1 200 OK\nContent-Length: 0\n\n"),
        ]
    )
}
