import HTTPLintCore

/// Several Content-Length values that differ.
struct ConflictingContentLength: DeviationRule {
    static let deviation = Deviation.Kind.conflictingContentLength
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Several Content-Length values that differ",
        rationale: """
            RFC 9112 §6.3: a message with several Content-Length values that differ has invalid \
            framing and the recipient "MUST treat it as an unrecoverable error". Recipients that \
            pick different values split the stream differently: a request-smuggling vector.
            """,
        fix: "Send one Content-Length with the real length",
        spec: [.rfc9112("6.3"), .rfc9110("8.6")],
        fields: ["Content-Length"],
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 5\nContent-Length: 6\n\nhello", line: 3),
            Example("HTTP/1.1 200 OK\nContent-Length: 5, 6\n\nhello", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 5\n\nhello"),
        ]
    )
}
