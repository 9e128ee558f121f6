import HTTPLintCore

/// A status line claiming an HTTP/1 minor version that no server can conform to.
struct ResponseVersionNotHTTP1: Rule {
    static let description = RuleDescription(
        id: "response-version-not-http1",
        severity: .error,
        category: .requests,
        summary: "Status line with HTTP/1.2 or a later HTTP/1 minor version",
        rationale: """
            RFC 9110 §2.5: "A server SHOULD send a response version equal to the highest \
            version to which the server is conformant that has a major version less than or \
            equal to the one received in the request. A server MUST NOT send a version to \
            which it is not conformant." HTTP/1.1 is the highest HTTP/1 version defined, so no \
            server conforms to HTTP/1.2 or later: the version promises capabilities (§2.5: \
            the minor version "indicates the highest minor version within that major version \
            to which the sender is conformant") that do not exist, and clients that check it \
            may refuse the response. A status line with another major version (HTTP/2.0) in \
            HTTP/1 syntax is reported by malformed-status-line. The rule reads the status \
            line alone; with the request known, the message names the version the client \
            sent.
            """,
        fix: "Send HTTP/1.1 in the status line (HTTP/1.0 only to clients known to mishandle 1.1)",
        spec: [.rfc9110("2.5"), .rfc9112("2.3")],
        triggering: [
            Example("HTTP/1.2 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: a.example\n\n", line: 1),
            Example("HTTP/1.9 404 Not Found\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.2 100 Continue\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "PUT /f HTTP/1.1\nHost: a.example\nExpect: 100-continue\nContent-Length: 2\n\nhi", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.2\nHost: a.example\n\n"),
            Example("HTTP/1.0 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.0\n\n"),
            // Reported by malformed-status-line.
            Example("HTTP/2.0 200 OK\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            guard let version = response.version, version.major == 1, version.minor > 1 else { continue }
            let asked = exchange.request?.version.map { " to an \($0) request" } ?? ""
            let message = "\(response.statusText) is sent as \(version)\(asked): no HTTP/1 version after HTTP/1.1 exists for a server to conform to"
            if let request = exchange.request, request.hasRequestLine {
                report.add(message, at: response.versionSpan, status: response.status, request: request.versionSpan)
            } else {
                report.add(message, at: response.versionSpan, status: response.status)
            }
        }
    }
}
