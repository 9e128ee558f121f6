import HTTPLintCore

/// Whitespace between a field name and its colon.
struct WhitespaceBeforeColon: DeviationRule {
    static let deviation = Deviation.Kind.whitespaceBeforeColon
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Whitespace between a field name and its colon",
        rationale: """
            RFC 9112 §5.1: "No whitespace is allowed between the field name and colon." Servers \
            must reject such requests and proxies must remove the whitespace from responses, \
            because parsers that disagree on the field name disagree on the message (a classic \
            request-smuggling vector with `Transfer-Encoding : chunked`).
            """,
        fix: "Write the colon right after the field name: `Name: value`",
        spec: [.rfc9112("5.1")],
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Type : text/plain\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nX-Tab\t: 1\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Type:text/plain\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Type:   text/plain   \nContent-Length: 0\n\n"),
        ]
    )
}
