import HTTPLintCore

/// Content-Length sent together with Transfer-Encoding.
struct TransferEncodingWithContentLength: DeviationRule {
    static let deviation = Deviation.Kind.transferEncodingWithContentLength
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Content-Length sent together with Transfer-Encoding",
        rationale: """
            RFC 9112 §6.2: "A sender MUST NOT send a Content-Length header field in any message \
            that contains a Transfer-Encoding header field." Transfer-Encoding overrides \
            Content-Length (§6.3), but a recipient that reads Content-Length instead splits the \
            stream elsewhere: the CL.TE and TE.CL smuggling vectors.
            """,
        fix: "Drop Content-Length when the content is chunked",
        spec: [.rfc9112("6.2"), .rfc9112("6.3")],
        fields: ["Transfer-Encoding", "Content-Length"],
        triggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\nContent-Length: 2\n\n2\nok\n0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2\nok\n0\n\n"),
            Example("HTTP/1.1 304 Not Modified\nContent-Length: 10\n\n"),
        ]
    )
}
