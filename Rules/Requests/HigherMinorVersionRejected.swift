import HTTPLintCore

/// A request with a later HTTP/1 minor version refused instead of read as HTTP/1.1.
struct HigherMinorVersionRejected: Rule {
    static let description = RuleDescription(
        id: "higher-minor-version-rejected",
        severity: .warning,
        category: .requests,
        summary: "HTTP/1.2 (or later HTTP/1) request refused with 400 or 505 instead of processed as HTTP/1.1",
        rationale: """
            RFC 9110 §2.5: "A recipient that receives a message with a major version number \
            that it implements and a minor version number higher than what it implements \
            SHOULD process the message as if it were in the highest minor version within that \
            major version to which the recipient is conformant. A recipient can assume that a \
            message with a higher minor version, when sent to a recipient that has not yet \
            indicated support for that higher version, is sufficiently backwards-compatible to \
            be safely processed by any implementation of the same major version." 505 (HTTP \
            Version Not Supported) is for a major version the server refuses (§15.6.6), and a \
            400 to a request with nothing else wrong refuses the version. Minor versions are \
            how HTTP/1 was meant to grow; servers that refuse them freeze it. Other statuses \
            (404, 403…) come after the request was read and are not reported.
            """,
        fix: "Read requests with HTTP/1.x, x > 1, as HTTP/1.1 and answer them as HTTP/1.1",
        spec: [.rfc9110("2.5"), .rfc9110("15.6.6")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 505 HTTP Version Not Supported\nContent-Length: 0\n\n", request: "GET / HTTP/1.2\nHost: a.example\n\n", line: 1),
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "GET / HTTP/1.5\nHost: a.example\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.2\nHost: a.example\n\n"),
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n", request: "GET / HTTP/1.2\nHost: a.example\n\n"),
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "GET / HTTP/1.2\n\n"),
            Example("HTTP/1.1 505 HTTP Version Not Supported\nContent-Length: 0\n\n", request: "GET / HTTP/2.0\nHost: a.example\n\n"),
            Example("HTTP/1.1 505 HTTP Version Not Supported\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: a.example\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, status == 505 || status == 400, let request = exchange.request,
              let version = request.version, version.major == 1, version.minor > 1 else { return }
        if status == 400, RequiredRejection.explains400(request) { return }
        report.add("\(response.statusText) refuses an \(version) request; a server reads a later HTTP/1 minor version as HTTP/1.1",
                   about: response, request: request.versionSpan)
    }
}
