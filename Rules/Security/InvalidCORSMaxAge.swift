import HTTPLintCore

/// Access-Control-Max-Age is delta-seconds.
struct InvalidCORSMaxAge: Rule {
    static let description = RuleDescription(
        id: "invalid-cors-max-age",
        severity: .error,
        category: .security,
        summary: "Access-Control-Max-Age that is not a number of seconds",
        rationale: """
            Fetch defines `Access-Control-Max-Age = delta-seconds` (digits only, RFC 9111 \
            §1.2.2). When the value does not parse, the CORS-preflight fetch uses the default of \
            5 seconds, so browsers repeat the preflight request almost every time instead of \
            caching it for the intended period. (`-1`, once used to disable caching, is not \
            delta-seconds either; `0` disables the preflight cache.)
            """,
        fix: "Send digits only: `Access-Control-Max-Age: 600`",
        spec: [SpecReference(document: "Fetch", section: "HTTP new-header syntax", url: "https://fetch.spec.whatwg.org/#http-new-header-syntax"),
               SpecReference(document: "Fetch", section: "CORS-preflight fetch", url: "https://fetch.spec.whatwg.org/#cors-preflight-fetch")],
        fields: ["Access-Control-Max-Age"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 204 No Content\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: https://app.example\nAccess-Control-Max-Age: 10m\n\n", line: 4),
            Example("HTTP/1.1 204 No Content\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: https://app.example\nAccess-Control-Max-Age: -1\n\n", line: 4),
        ],
        nonTriggering: [
            Example("HTTP/1.1 204 No Content\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: https://app.example\nAccess-Control-Max-Age: 86400\n\n"),
            Example("HTTP/1.1 204 No Content\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: https://app.example\nAccess-Control-Max-Age: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.accessControlMaxAge) {
            let value = field.value
            guard value.isEmpty || !value.allSatisfy(\.isASCIIDigitCharacter) else { continue }
            report.add("Access-Control-Max-Age '\(Printable.escape(value))' is not a number of seconds; browsers cache the preflight for 5 seconds instead",
                       at: field.valueSpan, status: response.status)
        }
    }
}
