import HTTPLintCore

/// A parameter name may occur only once per challenge.
struct AuthParamRepeated: Rule {
    static let description = RuleDescription(
        id: "auth-param-repeated",
        severity: .error,
        category: .fields,
        summary: "Challenge in WWW-Authenticate or Proxy-Authenticate with a parameter repeated",
        rationale: """
            RFC 9110 §11.2: parameter names match case-insensitively and each one MUST occur \
            only once per challenge. With two `realm` or `nonce` values a client has to guess \
            which one counts, and different clients guess differently.
            """,
        fix: "Send each parameter once per challenge; start a new challenge for a second realm",
        spec: [.rfc9110("11.2")],
        fields: ["WWW-Authenticate", "Proxy-Authenticate"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Basic realm=\"a\", Realm=\"b\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 407 Proxy Authentication Required\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nProxy-Authenticate: Digest realm=\"p\", nonce=\"1\", nonce=\"2\"\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            // The same name in two challenges is fine.
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Basic realm=\"a\", Bearer realm=\"a\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nWWW-Authenticate: Basic realm=\"a\"\nWWW-Authenticate: Basic realm=\"b\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for (name, lines, parsed) in AuthChallenges.fields(of: response) {
            for challenge in parsed.challenges {
                var seen = Set<String>()
                var repeated: [String] = []
                for parameter in challenge.parameters where !seen.insert(parameter.name.asciiLowercased()).inserted {
                    if !repeated.contains(parameter.name.asciiLowercased()) { repeated.append(parameter.name.asciiLowercased()) }
                }
                for parameter in repeated {
                    report.add("the \(challenge.scheme) challenge in \(name) has the parameter \(parameter) more than once",
                               at: lines[challenge.fieldIndex].valueSpan, status: response.status)
                }
            }
        }
    }
}
