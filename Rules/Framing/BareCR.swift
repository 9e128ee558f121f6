import HTTPLintCore

/// CR not followed by LF in the message head or chunk framing.
struct BareCR: DeviationRule {
    static let deviation = Deviation.Kind.bareCR
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "CR not followed by LF in the message head or chunk framing",
        rationale: """
            RFC 9112 §2.2: "A sender MUST NOT generate a bare CR (a CR character not immediately \
            followed by LF) within any protocol elements other than the content." A recipient \
            must treat the element as invalid or replace each bare CR with a space; a recipient \
            that takes it for a line break sees different fields from one that does not.
            """,
        fix: "Remove the stray CR, or end the line with CR LF",
        spec: [.rfc9112("2.2")],
        triggering: [
            Example.raw("HTTP/1.1 200 OK\r\nX-Note: a\rb\r\nContent-Length: 0\r\n\r\n", line: 2),
            Example.raw("HTTP/1.1 200 OK\rContent-Length: 0\r\n\r\n", line: 1),
        ],
        nonTriggering: [
            Example.raw("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\na\rb"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n"),
        ]
    )
}
