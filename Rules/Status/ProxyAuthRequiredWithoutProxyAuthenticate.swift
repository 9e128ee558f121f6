import HTTPLintCore

/// A 407 must carry a challenge in Proxy-Authenticate.
struct ProxyAuthRequiredWithoutProxyAuthenticate: Rule {
    static let description = RuleDescription(
        id: "proxy-auth-required-without-proxy-authenticate",
        severity: .error,
        category: .status,
        summary: "407 response without a Proxy-Authenticate challenge",
        rationale: """
            RFC 9110 §15.5.8: "The proxy MUST send a Proxy-Authenticate header field \
            (Section 11.7.1) containing a challenge applicable to that proxy for the request." \
            Without it the client cannot authenticate to the proxy.
            """,
        fix: "Send Proxy-Authenticate with a challenge, such as `Proxy-Authenticate: Basic realm=\"proxy\"`",
        spec: [.rfc9110("15.5.8"), .rfc9110("11.7.1")],
        fields: ["Proxy-Authenticate"],
        triggering: [
            Example("HTTP/1.1 407 Proxy Authentication Required\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 407 Proxy Authentication Required\nWWW-Authenticate: Basic realm=\"x\"\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: Basic realm=\"corp\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 407 Proxy Authentication Required\nproxy-authenticate: Negotiate\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"x\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 407 else { return }
        reportMissingChallenge(in: response, field: "Proxy-Authenticate", &report)
    }
}
