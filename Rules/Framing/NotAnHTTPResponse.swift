import HTTPLintCore

/// Input that is not an HTTP/1.x response.
struct NotAnHTTPResponse: DeviationRule {
    static let deviation = Deviation.Kind.notHTTP
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Input that is not an HTTP/1.x response",
        rationale: """
            Every HTTP/1.x response starts with a status line such as `HTTP/1.1 200 OK` \
            (RFC 9112 §2.1, §4). The input starts with something else: nothing at all, binary \
            data, a request, or text that is not HTTP. When a status line follows later, reading \
            resumes there.
            """,
        fix: "Give a raw HTTP/1.x response, starting with its status line (requests go in with --request)",
        spec: [.rfc9112("2.1"), .rfc9112("4")],
        triggering: [
            Example("", line: 1),
            Example("hello world\n", line: 1),
            Example("GET / HTTP/1.1\nHost: example.com\n\n", line: 1),
            Example.raw("\u{1}\u{2}\u{3}binary", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n"),
            Example("HTTP/1.0 404 Not Found\n\n"),
        ]
    )
}
