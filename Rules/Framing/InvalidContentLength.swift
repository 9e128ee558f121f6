import HTTPLintCore

/// Content-Length that is not a decimal number.
struct InvalidContentLength: DeviationRule {
    static let deviation = Deviation.Kind.invalidContentLength
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Content-Length that is not a decimal number",
        rationale: """
            RFC 9110 §8.6: `Content-Length = 1*DIGIT`. Signs, spaces inside the number, hex \
            and empty values are invalid. RFC 9112 §6.3: a message with an invalid Content-Length \
            and no Transfer-Encoding has invalid framing, and the recipient "MUST treat it as an \
            unrecoverable error".
            """,
        fix: "Send the content's length in bytes as plain decimal digits",
        spec: [.rfc9110("8.6"), .rfc9112("6.3")],
        fields: ["Content-Length"],
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: abc\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Length: +5\n\nhello", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Length: 2,\n\nok", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Length: ,2\n\nok", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Length:\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Length: 1 2\n\nhello world!", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 5\n\nhello"),
            Example("HTTP/1.1 200 OK\nContent-Length: 000\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 000000000000000000000005\n\nhello"),
        ]
    )
}
