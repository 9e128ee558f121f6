import HTTPLintCore

/// Status line that does not follow `HTTP-version SP status-code SP [reason-phrase]`.
struct MalformedStatusLine: DeviationRule {
    static let deviation = Deviation.Kind.malformedStatusLine
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Status line that does not follow `HTTP-version SP status-code SP [reason-phrase]`",
        rationale: """
            RFC 9112 §4: `status-line = HTTP-version SP status-code SP [ reason-phrase ]`, with \
            `HTTP-version = %s"HTTP" "/" DIGIT "." DIGIT` (case-sensitive, §2.3) and a three-digit \
            status code. The space after the code is required even when the reason phrase is \
            empty. Clients differ in how they read a malformed status line, and some reject the \
            response.
            """,
        fix: "Send `HTTP/1.1`, one space, a three-digit status code, one space and the reason phrase",
        spec: [.rfc9112("4"), .rfc9112("2.3")],
        triggering: [
            Example("HTTP/1.1 2000 OK\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 200\nContent-Length: 0\n\n", line: 1),
            Example("http/1.1 200 OK\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1  200 OK\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/2.0 200 OK\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 20 OK\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 200OK\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 \nContent-Length: 0\n\n"),
            Example("HTTP/1.0 404 Not Found\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 599 Custom Reason With Spaces\nContent-Length: 0\n\n"),
        ]
    )
}
