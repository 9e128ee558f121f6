import HTTPLintCore

/// Empty lines before, between or after messages.
struct ExtraLineBreaks: DeviationRule {
    static let deviation = Deviation.Kind.extraLineBreaks
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .info,
        category: .framing,
        summary: "Empty lines before, between or after messages",
        rationale: """
            Line breaks outside any message belong to no message. RFC 9112 §2.2 lets servers \
            ignore an empty line before a request line, and most clients skip them before a \
            status line too, but they are not part of the protocol. In files they are usually \
            an editor's final newline, which is why this is only information.
            """,
        fix: "Remove the empty lines outside the messages",
        spec: [.rfc9112("2.2")],
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n\n", line: 4),
            Example("\nHTTP/1.1 200 OK\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\n\nbody ends with a newline\n"),
        ]
    )
}
