import HTTPLintCore

/// Fields whose only effect is to name the software behind the server.
struct BackendSoftwareDisclosed: Rule {
    static let description = RuleDescription(
        id: "backend-software-disclosed",
        severity: .info,
        category: .security,
        summary: "X-Powered-By, X-AspNet-Version or X-AspNetMvc-Version naming the software behind the server",
        rationale: """
            These fields are in no specification and no client acts on them; they only tell \
            whoever reads the response which framework and version generated it. RFC 9110 \
            §10.2.4 says of Server that needlessly detailed values "potentially reveal \
            internal implementation details such that it might be (slightly) easier for \
            attackers to find and exploit known security holes"; the same holds here, without \
            Server's use for working around bugs. PHP, ASP.NET and Express add them \
            by default. Advice, hence information.
            """,
        fix: "Turn the field off (expose_php = Off, app.disable('x-powered-by'), enableVersionHeader=\"false\", MvcHandler.DisableMvcResponseHeader)",
        spec: [.rfc9110("10.2.4")],
        fields: Self.names,
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nX-Powered-By: PHP/8.2.7\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nX-AspNet-Version: 4.0.30319\nX-AspNetMvc-Version: 5.2\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nServer: nginx\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nX-Request-ID: 6f1c\nContent-Length: 0\n\n"),
        ]
    )

    static let names = ["X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let present = Self.names.compactMap { response.fields.first(named: $0) }
        guard let first = present.min(by: { $0.lineSpan.offset < $1.lineSpan.offset }) else { return }
        let named = present.map { "\($0.name): \(Printable.escape($0.value))" }.joined(separator: "; ")
        report.add("\(named) tells anyone which software generated the response", at: first.lineSpan, status: response.status)
    }
}
