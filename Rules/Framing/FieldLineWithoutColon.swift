import HTTPLintCore

/// Line in the header or trailer section without a colon.
struct FieldLineWithoutColon: DeviationRule {
    static let deviation = Deviation.Kind.fieldLineWithoutColon
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Line in the header or trailer section without a colon",
        rationale: """
            RFC 9112 §5: each field line is `field-name ":" OWS field-value OWS`. A line without \
            a colon is not a field; recipients drop it or reject the whole message. It often \
            means a missing empty line between the header section and the content.
            """,
        fix: "Write the line as `Name: value`, or end the header section with an empty line before the content",
        spec: [.rfc9112("5")],
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\nthis is not a field\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 19\n\nthis is not a field"),
        ]
    )
}
