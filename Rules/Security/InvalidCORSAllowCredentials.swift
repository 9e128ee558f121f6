import HTTPLintCore

/// Access-Control-Allow-Credentials has one value: `true`, case-sensitive.
struct InvalidCORSAllowCredentials: Rule {
    static let description = RuleDescription(
        id: "invalid-cors-allow-credentials",
        severity: .warning,
        category: .security,
        summary: "Access-Control-Allow-Credentials other than exactly `true`, such as `True` or `1`",
        rationale: """
            Fetch defines `Access-Control-Allow-Credentials = %s"true"`, case-sensitive, and the \
            CORS check succeeds for a request with credentials only when the value is exactly \
            `true`. `True`, `TRUE`, `1`, `yes` or a quoted `"true"` make browsers block \
            credentialed requests that the server meant to allow. (`false` is not reported: \
            browsers treat it as absent, which is what it means; leaving the field out says \
            the same.)
            """,
        fix: "Send `Access-Control-Allow-Credentials: true`, or leave the field out",
        spec: [SpecReference(document: "Fetch", section: "HTTP new-header syntax", url: "https://fetch.spec.whatwg.org/#http-new-header-syntax"),
               SpecReference(document: "Fetch", section: "CORS check", url: "https://fetch.spec.whatwg.org/#cors-check")],
        fields: ["Access-Control-Allow-Credentials"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: https://app.example\nAccess-Control-Allow-Credentials: True\nContent-Length: 0\n\n", line: 4),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: https://app.example\nAccess-Control-Allow-Credentials: 1\nContent-Length: 0\n\n", line: 4),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: https://app.example\nAccess-Control-Allow-Credentials: true\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: *\nAccess-Control-Allow-Credentials: false\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.accessControlAllowCredentials) {
            let value = field.value
            guard value != "true", value.asciiLowercased() != "false" else { continue }
            report.add("Access-Control-Allow-Credentials '\(Printable.escape(value))' is not exactly true, so browsers block requests with credentials",
                       at: field.valueSpan, status: response.status)
        }
    }
}
