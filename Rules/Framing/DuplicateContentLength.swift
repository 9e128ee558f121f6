import HTTPLintCore

/// Content-Length sent more than once with the same value.
struct DuplicateContentLength: DeviationRule {
    static let deviation = Deviation.Kind.duplicateContentLength
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Content-Length sent more than once with the same value",
        rationale: """
            RFC 9110 §8.6: a repeated identical value such as `Content-Length: 42, 42` is invalid; \
            a recipient "MAY either reject the message as invalid or replace that invalid field \
            value with a single instance of the decimal value". The sender breaks the grammar \
            (`Content-Length = 1*DIGIT`, one field line), and strict recipients reject the message.
            """,
        fix: "Send Content-Length once",
        spec: [.rfc9110("8.6")],
        fields: ["Content-Length"],
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 5\nContent-Length: 5\n\nhello", line: 3),
            Example("HTTP/1.1 200 OK\nContent-Length: 5, 5\n\nhello", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 5\n\nhello"),
        ]
    )
}
