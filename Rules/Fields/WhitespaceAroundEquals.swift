import HTTPLintCore

/// Whitespace around the `=` of an auth-param: BWS, which senders must not generate.
struct WhitespaceAroundEquals: Rule {
    static let description = RuleDescription(
        id: "whitespace-around-equals",
        severity: .warning,
        category: .fields,
        summary: "Whitespace around '=' in an authentication parameter, where only bad whitespace is allowed",
        rationale: """
            RFC 9110 §11.2: `auth-param = token BWS "=" BWS ( token / quoted-string )`. §5.6.3: \
            BWS is whitespace the grammar allows "only for historical reasons. A sender MUST NOT \
            generate BWS in messages." Recipients must remove it, but a parser that follows \
            the grammars other fields use (no space around `=`) splits `realm = "x"` wrongly \
            and loses the parameter.
            """,
        fix: "Write parameters without spaces: `Basic realm=\"admin\"`",
        spec: [.rfc9110("5.6.3"), .rfc9110("11.2")],
        fields: ["WWW-Authenticate", "Proxy-Authenticate"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm = \"admin\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"api\", error =\"invalid_token\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"admin = root\", charset=\"UTF-8\"\nContent-Length: 0\n\n"),
            // A token68 may end in '=' padding, which is no parameter.
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Negotiate YIIFzQYJKoZIhvcSAQICAQBu==\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for (name, lines, parsed) in AuthChallenges.fields(of: response) {
            for challenge in parsed.challenges {
                for (index, parameter) in challenge.parameters.enumerated()
                where index < challenge.forms.count && challenge.forms[index].hasSpaceAroundEquals {
                    report.add("parameter \(parameter.name) of the \(challenge.scheme) challenge in \(name) has whitespace around '=', which senders must not generate",
                               at: lines[challenge.fieldIndex].valueSpan, status: response.status)
                }
            }
        }
    }
}
