import HTTPLintCore

/// Input ends before the empty line that ends the header section.
struct TruncatedHeaderSection: DeviationRule {
    static let deviation = Deviation.Kind.truncatedHeaderSection
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Input ends before the empty line that ends the header section",
        rationale: """
            RFC 9112 §2.1 and §8: the header section ends with an empty line. Without it the \
            message is incomplete, and a recipient cannot know whether more fields were coming. \
            A capture cut short, or a response written by hand without the final empty line, \
            looks like this.
            """,
        fix: "End the header section with an empty line (CRLF CRLF after the last field)",
        spec: [.rfc9112("8"), .rfc9112("2.1")],
        triggering: [
            Example.raw("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n", line: 3),
            Example.raw("HTTP/1.1 200 OK", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n"),
        ]
    )
}
