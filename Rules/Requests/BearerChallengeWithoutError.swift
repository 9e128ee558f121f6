import HTTPLintCore

/// A 401 to a request with a bearer token says why the token failed.
struct BearerChallengeWithoutError: Rule {
    static let description = RuleDescription(
        id: "bearer-challenge-without-error",
        severity: .warning,
        category: .requests,
        summary: "401 with a Bearer challenge without an error attribute, to a request that sent a Bearer token",
        rationale: """
            RFC 6750 §3: "If the protected resource request included an access token and failed \
            authentication, the resource server SHOULD include the \"error\" attribute to \
            provide the client with the reason why the access request was declined." A 401 to a \
            request with `Authorization: Bearer` is such a failure; without `error=\"invalid_token\"` \
            (or another code) the client cannot tell an expired token, which it refreshes, from \
            a missing one.
            """,
        fix: "Add `error=\"invalid_token\"` (and an error_description) to the Bearer challenge",
        spec: [SpecReference(rfc: 6750, section: "3"), SpecReference(rfc: 6750, section: "3.1")],
        fields: ["WWW-Authenticate"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"example\"\nContent-Length: 0\n\n",
                    request: "GET /resource HTTP/1.1\nHost: a.example\nAuthorization: Bearer mF_9.B5f-4.1JqM\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"example\", error=\"invalid_token\"\nContent-Length: 0\n\n",
                    request: "GET /resource HTTP/1.1\nHost: a.example\nAuthorization: Bearer mF_9.B5f-4.1JqM\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"example\"\nContent-Length: 0\n\n",
                    request: "GET /resource HTTP/1.1\nHost: a.example\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 401, let request = exchange.request, BearerChallenges.hasBearerAuthorization(request),
              let authorization = request.fields.first(named: "Authorization") else { return }
        for (challenge, line) in BearerChallenges.of(response) where challenge.parameter("error") == nil {
            report.add("401 to a request with a Bearer token, but the Bearer challenge has no error attribute saying why",
                       at: line.lineSpan, status: 401, request: authorization.nameSpan)
        }
    }
}
