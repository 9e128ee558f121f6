import HTTPLintCore

/// WWW-Authenticate and Proxy-Authenticate hold a list of challenges in a strict grammar.
struct InvalidAuthChallenge: Rule {
    static let description = RuleDescription(
        id: "invalid-auth-challenge",
        severity: .error,
        category: .fields,
        summary: "WWW-Authenticate or Proxy-Authenticate challenge that does not parse",
        rationale: """
            RFC 9110 §11.6.1 and §11.7.1 make both fields a comma-separated list of challenges; \
            §11.3 defines a challenge as an auth-scheme token, then one or more spaces and either \
            a token68 or a comma-separated list of parameters, and §11.2 defines a parameter as \
            `name=value` where the value is a token or a quoted string. Commas separate both \
            challenges and parameters, so a client can only find where one challenge ends if \
            every part keeps to that grammar: an unquoted value with a space in it, a missing \
            comma or a stray quote makes clients drop the challenge or read the wrong realm.
            """,
        fix: "Write each challenge as `Scheme name=\"value\", name2=token`, quoting any value that is not a token",
        spec: [.rfc9110("11.3"), .rfc9110("11.2"), .rfc9110("11.6.1"), .rfc9110("11.7.1")],
        fields: ["WWW-Authenticate", "Proxy-Authenticate"],
        runsWhen: .anyFieldPresent,
        triggering: [
            // A value with a space that is not quoted.
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Basic realm=My Realm\nContent-Length: 0\n\n", line: 3),
            // A missing comma between parameters.
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Basic realm=\"admin\" charset=\"UTF-8\"\nContent-Length: 0\n\n", line: 3),
            // An unterminated quoted string.
            Example("HTTP/1.1 407 Proxy Authentication Required\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nProxy-Authenticate: Basic realm=\"proxy\nContent-Length: 0\n\n", line: 3),
            // A parameter without a value, and a separator other than a space after the scheme.
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Bearer realm=\"api\", error=\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Basic;realm=\"x\"\nContent-Length: 0\n\n", line: 3),
            // The error is on the second line of the field.
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Negotiate\nWWW-Authenticate: \"Basic\"\nContent-Length: 0\n\n", line: 4),
        ],
        nonTriggering: [
            // RFC 9110 §11.6.1's example: two challenges, the second with three parameters.
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Basic realm=\"simple\", Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\"\nContent-Length: 0\n\n"),
            // Schemes alone, token68, whitespace around '=', empty list elements.
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Negotiate, NTLM\nWWW-Authenticate: Negotiate oYH1MIHyoAMKAQGi==, , Basic realm = \"x\" ,\nContent-Length: 0\n\n"),
            // A challenge whose parameters continue on the next field line (the lines combine).
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Newauth realm=\"apps\"\nWWW-Authenticate: type=1\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Bearer realm=\"example\", error=\"invalid_token\", error_description=\"The access token expired\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"\nContent-Length: 0\n\n"),
            // An empty field: unauthorized-without-www-authenticate's business.
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate:\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for (name, lines, parsed) in AuthChallenges.fields(of: response) {
            guard let problem = parsed.problem else { continue }
            report.add("\(name) does not parse as a list of challenges: \(problem.message)",
                       at: lines[problem.fieldIndex].valueSpan, status: response.status)
        }
    }
}
