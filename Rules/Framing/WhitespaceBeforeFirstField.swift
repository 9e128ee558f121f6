import HTTPLintCore

/// Whitespace at the start of the first line after the status line.
struct WhitespaceBeforeFirstField: DeviationRule {
    static let deviation = Deviation.Kind.whitespaceBeforeFirstField
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Whitespace at the start of the first line after the status line",
        rationale: """
            RFC 9112 §2.2: "A sender MUST NOT send whitespace between the start-line and the \
            first header field." A recipient must reject the message or ignore each such line, \
            so the field on it is lost; the trick has been used to hide fields from some \
            parsers and not others.
            """,
        fix: "Remove the leading whitespace from the first field line",
        spec: [.rfc9112("2.2")],
        triggering: [
            Example("HTTP/1.1 200 OK\n Content-Type: text/plain\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: 0\n\n"),
        ]
    )
}
