import HTTPLintCore

/// Control character in a field value.
struct InvalidFieldValueCharacter: DeviationRule {
    static let deviation = Deviation.Kind.invalidFieldValue
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Control character in a field value",
        rationale: """
            RFC 9110 §5.5: a field value is made of visible characters, spaces, tabs and \
            obs-text. "Field values containing CR, LF, or NUL characters are invalid and \
            dangerous", and other control characters are invalid too; recipients reject the \
            field, the message, or replace the characters. Only the first bad character of each \
            value is reported.
            """,
        fix: "Remove control characters from the value; encode binary data (for example as base64)",
        spec: [.rfc9110("5.5")],
        triggering: [
            Example("HTTP/1.1 200 OK\nX-Data: a\u{0}b\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nX-Data: bell\u{7}\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nX-Data: a\tb ~!@#\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Disposition: attachment; filename=\"na\u{EF}ve.txt\"\nContent-Length: 0\n\n"),
        ]
    )
}
