import HTTPLintCore

/// RFC 6750's error codes each come with a status.
struct BearerErrorStatusMismatch: Rule {
    static let description = RuleDescription(
        id: "bearer-error-status-mismatch",
        severity: .warning,
        category: .fields,
        summary: "Bearer challenge error invalid_request, invalid_token or insufficient_scope on a status other than 400, 401 or 403 respectively",
        rationale: """
            RFC 6750 §3.1: for `invalid_request` "The resource server SHOULD respond with the \
            HTTP 400 (Bad Request) status code"; for `invalid_token` "SHOULD respond with the \
            HTTP 401 (Unauthorized) status code"; for `insufficient_scope` "SHOULD respond with \
            the HTTP 403 (Forbidden) status code". OAuth clients decide from the status whether \
            to refresh the token (401), ask for more scope (403) or fix the request (400); an \
            error code that disagrees with the status sends them down the wrong path. Other \
            error codes (extensions) are not judged.
            """,
        fix: "Send invalid_request with 400, invalid_token with 401 and insufficient_scope with 403",
        spec: [SpecReference(rfc: 6750, section: "3.1")],
        fields: ["WWW-Authenticate"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error=\"insufficient_scope\", scope=\"admin\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 403 Forbidden\nWWW-Authenticate: Bearer error=\"invalid_token\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 403 Forbidden\nWWW-Authenticate: Bearer error=\"insufficient_scope\", scope=\"admin\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error=\"invalid_token\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 400 Bad Request\nWWW-Authenticate: Bearer error=\"invalid_request\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error=\"use_dpop_nonce\"\nContent-Length: 0\n\n"),
        ]
    )

    static let statuses = ["invalid_request": 400, "invalid_token": 401, "insufficient_scope": 403]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, status >= 200 else { return }
        for (challenge, line) in BearerChallenges.of(response) {
            guard let error = challenge.parameter("error"), let wanted = Self.statuses[error], wanted != status else { continue }
            report.add("Bearer error '\(error)' on a \(status) response; RFC 6750 §3.1 gives it \(wanted)",
                       at: line.lineSpan, status: status)
        }
    }
}
