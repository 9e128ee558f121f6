import HTTPLintCore

/// A challenge whose realm is written as a token.
struct RealmNotQuoted: Rule {
    static let description = RuleDescription(
        id: "realm-not-quoted",
        severity: .warning,
        category: .fields,
        summary: "Authentication challenge whose realm value is a token, not a quoted string",
        rationale: """
            RFC 9110 §11.5: the realm parameter is "reserved for use by authentication schemes \
            that wish to indicate a scope of protection", and "For historical reasons, a sender \
            MUST only generate the quoted-string syntax." The auth-param grammar of §11.2 \
            accepts a token, but clients written to the older specifications look for the \
            quotes and may not find the realm, or show it wrongly when asking for credentials.
            """,
        fix: "Quote the realm: `WWW-Authenticate: Basic realm=\"admin\"`",
        spec: [.rfc9110("11.5"), .rfc9110("11.2")],
        fields: ["WWW-Authenticate", "Proxy-Authenticate"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=admin\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: Bearer scope=\"a\", REALM=proxy\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"admin\", charset=UTF-8\nContent-Length: 0\n\n"),
            // Only realm is held to the quoted form; other parameters may be tokens.
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Digest realm=\"api\", algorithm=SHA-256, nonce=\"7ypf\", qop=\"auth\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Negotiate\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for (name, lines, parsed) in AuthChallenges.fields(of: response) {
            for challenge in parsed.challenges {
                for (index, parameter) in challenge.parameters.enumerated()
                where index < challenge.forms.count && !challenge.forms[index].isQuoted
                    && parameter.name.asciiLowercased() == "realm" {
                    report.add("the \(challenge.scheme) challenge in \(name) gives realm=\(parameter.value) as a token; senders must quote it (realm=\"\(parameter.value)\")",
                               at: lines[challenge.fieldIndex].valueSpan, status: response.status)
                }
            }
        }
    }
}
