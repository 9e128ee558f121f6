import HTTPLintCore

/// Line in the message head or chunk framing ends in LF without CR.
struct BareLFLineEnding: DeviationRule {
    static let deviation = Deviation.Kind.bareLF
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Line in the message head or chunk framing ends in LF without CR",
        rationale: """
            RFC 9112 §2.2: the start line, field lines and chunk framing end in CRLF. "A \
            recipient MAY recognize a single LF as a line terminator", so many do, but some do \
            not, and parsers that disagree on line ends can be made to disagree on where a \
            message ends. Bare LFs inside the content are not checked. Reported once per \
            message, at the first bare LF.
            """,
        fix: "End every line of the head, chunk sizes and trailers with CR LF",
        spec: [.rfc9112("2.2")],
        triggering: [
            Example.raw("HTTP/1.1 200 OK\nContent-Length: 0\n\n", line: 1),
            Example.raw("HTTP/1.1 200 OK\r\nContent-Length: 0\n\r\n", line: 2),
            Example.raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\nok\r\n0\r\n\r\n", line: 4),
        ],
        nonTriggering: [
            Example.raw("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\na\nb"),
            Example("HTTP/1.1 204 No Content\n\n"),
        ]
    )
}
