import HTTPLintCore

/// Input ends before the content does, or before the final response.
struct TruncatedContent: DeviationRule {
    static let deviation = Deviation.Kind.truncatedContent
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Input ends before the content does",
        rationale: """
            RFC 9112 §8: a message whose content is shorter than Content-Length says, or whose \
            chunked content lacks the last chunk, is incomplete; a client must not take it for \
            the whole response. Responses to HEAD carry Content-Length without content: give the \
            request so that they are read correctly.
            """,
        fix: "Send as many bytes as Content-Length says and end chunked content with the last chunk `0` and an empty line",
        spec: [.rfc9112("8"), .rfc9112("6.3")],
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 10\n\nhello", line: 4),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n5\nhello\n", line: 6),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n8000000000000000\nabc", line: 5),
            Example("HTTP/1.1 200 OK\nContent-Length: 99999999999999999999999\n\nabc", line: 4),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 5\n\nhello"),
            Example("HTTP/1.1 200 OK\nContent-Length: 10\n\n", request: "HEAD / HTTP/1.1\nHost: example.com\n\n"),
        ]
    )
}
