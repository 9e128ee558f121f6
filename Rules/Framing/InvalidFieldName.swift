import HTTPLintCore

/// Field name that is empty or holds characters not allowed in a token.
struct InvalidFieldName: DeviationRule {
    static let deviation = Deviation.Kind.invalidFieldName
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Field name that is empty or holds characters not allowed in a token",
        rationale: """
            RFC 9110 §5.1: `field-name = token`, and a token is made of letters, digits and \
            ``!#$%&'*+-.^_`|~`` (§5.6.2). Spaces, slashes, brackets, non-ASCII bytes and control \
            characters are not allowed; recipients reject such fields or the whole message.
            """,
        fix: "Rename the field using only letters, digits and `-` (conventionally)",
        spec: [.rfc9110("5.1"), .rfc9110("5.6.2")],
        triggering: [
            Example("HTTP/1.1 200 OK\nX Custom: 1\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\n: empty name\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nX-Caf\u{E9}: 1\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nX-Custom_Header.v2: 1\nContent-Length: 0\n\n"),
        ]
    )
}
