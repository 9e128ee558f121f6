import HTTPLintCore

/// Error information in a Bearer challenge answers a request that had a token.
struct BearerErrorWithoutToken: Rule {
    static let description = RuleDescription(
        id: "bearer-error-without-token",
        severity: .warning,
        category: .requests,
        summary: "Bearer challenge with error, error_description or error_uri to a request that sent no access token",
        rationale: """
            RFC 6750 §3.1: "If the request lacks any authentication information (e.g., the \
            client was unaware that authentication is necessary or attempted using an \
            unsupported authentication method), the resource server SHOULD NOT include an error \
            code or other error information." A client that sent no token reading \
            `error=\"invalid_token\"` may throw away a token it never used, or loop refreshing \
            it. Requests with an Authorization field of the Bearer or DPoP (RFC 9449) scheme, an \
            `access_token` query parameter, form-encoded content (which may hold the token, \
            §2.2) or a Cookie (a session the server may accept instead of a token) are not \
            judged; an Authorization of another scheme is "an unsupported authentication \
            method" and is judged.
            """,
        fix: "Answer requests without a token with a bare challenge such as `Bearer realm=\"example\"`",
        spec: [SpecReference(rfc: 6750, section: "3.1"), SpecReference(rfc: 6750, section: "3")],
        fields: ["WWW-Authenticate"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"example\", error=\"invalid_token\"\nContent-Length: 0\n\n",
                    request: "GET /resource HTTP/1.1\nHost: a.example\n\n", line: 2),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"example\", error=\"invalid_token\"\nContent-Length: 0\n\n",
                    request: "GET /resource HTTP/1.1\nHost: a.example\nAuthorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"example\"\nContent-Length: 0\n\n",
                    request: "GET /resource HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"example\", error=\"invalid_token\"\nContent-Length: 0\n\n",
                    request: "GET /resource HTTP/1.1\nHost: a.example\nAuthorization: Bearer mF_9.B5f-4.1JqM\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"example\", error=\"invalid_token\"\nContent-Length: 0\n\n",
                    request: "GET /resource HTTP/1.1\nHost: a.example\nCookie: session=expired\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"example\", error=\"invalid_token\"\nContent-Length: 0\n\n",
                    request: "GET /resource HTTP/1.1\nHost: a.example\nAuthorization: DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"example\", error=\"invalid_token\"\nContent-Length: 0\n\n",
                    request: "GET /resource?access_token=mF_9.B5f-4.1JqM HTTP/1.1\nHost: a.example\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let request = exchange.request, request.hasRequestLine, !BearerChallenges.hasBearerAuthorization(request),
              !BearerChallenges.hasAuthorization(request, scheme: "DPoP"), !request.fields.contains("Cookie"),
              !BearerChallenges.hasTokenInQuery(request), !BearerChallenges.mayHaveTokenInContent(request) else { return }
        for (challenge, line) in BearerChallenges.of(response) {
            let given = BearerChallenges.errorAttributes.filter { challenge.parameter($0) != nil }
            guard !given.isEmpty else { continue }
            report.add("Bearer challenge with \(given.joined(separator: ", ")) to a request that sent no access token",
                       at: line.lineSpan, status: response.status, request: request.lineSpan)
        }
    }
}
