import HTTPLintCore

/// IIS sub-statuses (401.1, 403.14) are for IIS logs, not the wire.
struct IISSubstatusInStatusLine: DeviationRule {
    static let deviation = Deviation.Kind.iisSubstatus
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .status,
        summary: "IIS sub-status such as `401.1` in the status line",
        rationale: """
            Microsoft IIS refines some status codes with a sub-status (401.1 logon failed, \
            403.14 directory listing denied, 404.3 MIME map missing) in its logs and error \
            pages. On the wire the status code is exactly three digits (RFC 9112 §4: \
            `status-code = 3DIGIT`), so a status line carrying `401.1` is malformed and clients \
            reject or misread it.
            """,
        fix: "Send the three-digit code only (`401`), and keep the sub-status in logs or the content",
        spec: [.rfc9112("4"), .rfc9110("15")],
        triggering: [
            Example("HTTP/1.1 401.1 Unauthorized\nWWW-Authenticate: Negotiate\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 403.14 Forbidden\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 404.3\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 403 Forbidden\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 403 Forbidden 403.14\nContent-Length: 0\n\n"),
        ]
    )
}
