import HTTPLintCore

/// A backslash escape in a quoted auth-param value where nothing needed escaping.
struct NeedlessQuotedPair: Rule {
    static let description = RuleDescription(
        id: "needless-quoted-pair",
        severity: .info,
        category: .fields,
        summary: "Quoted authentication parameter escaping a character other than '\"' or '\\'",
        rationale: """
            RFC 9110 §5.6.4: "A sender SHOULD NOT generate a quoted-pair in a quoted-string \
            except where necessary to quote DQUOTE and backslash octets occurring within that \
            string." Recipients are to remove the backslash, but not all do: a realm or scope \
            written `a\\.b` shows, or is compared, with the backslash kept. The quoted values of \
            WWW-Authenticate and Proxy-Authenticate challenges are checked.
            """,
        fix: "Write the character itself; escape only '\"' and '\\' inside quotes",
        spec: [.rfc9110("5.6.4"), .rfc9110("11.2")],
        fields: ["WWW-Authenticate", "Proxy-Authenticate"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"example\\.com\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"api\", scope=\"read\\ write\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"say \\\"hi\\\" to C:\\\\\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"example.com\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for (name, lines, parsed) in AuthChallenges.fields(of: response) {
            for challenge in parsed.challenges {
                for (index, parameter) in challenge.parameters.enumerated()
                where index < challenge.forms.count && !challenge.forms[index].needlessEscapes.isEmpty {
                    let escaped = challenge.forms[index].needlessEscapes.map { "\\" + Printable.escape([$0]) }.joined(separator: " ")
                    report.add("parameter \(parameter.name) of the \(challenge.scheme) challenge in \(name) escapes what needs no escape (\(escaped))",
                               at: lines[challenge.fieldIndex].valueSpan, status: response.status)
                }
            }
        }
    }
}
