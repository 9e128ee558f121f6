import HTTPLintCore

/// 505 refuses a major version; a server answering in that major version speaks it.
struct VersionNotSupportedForOwnVersion: Rule {
    static let description = RuleDescription(
        id: "version-not-supported-for-own-version",
        severity: .warning,
        category: .requests,
        summary: "505 in the same major version as the request, at a minor version no lower than the request's",
        rationale: """
            RFC 9110 §15.6.6: 505 "indicates that the server does not support, or refuses to \
            support, the major version of HTTP that was used in the request message." A 505 \
            whose own status line is HTTP/1.1 to an HTTP/1.1 (or HTTP/1.0) request shows the \
            server using that major version while claiming not to support it (§2.5: minor \
            versions of one major version are compatible). Requests with a later minor version \
            than the answer are left to `higher-minor-version-rejected`.
            """,
        fix: "Answer the request, or refuse it with the status that names the real problem",
        spec: [.rfc9110("15.6.6"), .rfc9110("2.5")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 505 HTTP Version Not Supported\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\n\n", line: 1),
            Example("HTTP/1.1 505 HTTP Version Not Supported\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 505 HTTP Version Not Supported\nContent-Length: 0\n\n",
                    request: "GET / HTTP/2.0\nHost: a.example\n\n"),
            Example("HTTP/1.0 505 HTTP Version Not Supported\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.2\nHost: a.example\n\n"),
            Example("HTTP/1.1 505 HTTP Version Not Supported\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.2\nHost: a.example\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 505, let own = response.version, let request = exchange.request,
              let asked = request.version, asked.major == own.major, asked.minor <= own.minor else { return }
        report.add("505 sent as \(own) refuses an \(asked) request: the server speaks that major version itself",
                   about: response, request: request.versionSpan)
    }
}
