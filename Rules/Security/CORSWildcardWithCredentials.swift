import HTTPLintCore

/// `Access-Control-Allow-Origin: *` cannot carry credentials.
struct CORSWildcardWithCredentials: Rule {
    static let description = RuleDescription(
        id: "cors-wildcard-with-credentials",
        severity: .error,
        category: .security,
        summary: "Access-Control-Allow-Origin `*` (or several origins) with Allow-Credentials true",
        rationale: """
            The Fetch standard's CORS check fails when credentials are included and \
            Access-Control-Allow-Origin is `*`, and the field holds exactly one origin, never a \
            list. Browsers then block the response: the API works in curl and fails in every \
            browser. (Servers that want to allow several origins echo the request's Origin and \
            send `Vary: Origin`.)
            """,
        fix: "Echo the allowed request Origin in Access-Control-Allow-Origin and add `Vary: Origin`",
        spec: [SpecReference(document: "Fetch", section: "CORS check", url: "https://fetch.spec.whatwg.org/#cors-check")],
        fields: ["Access-Control-Allow-Origin", "Access-Control-Allow-Credentials"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: *\nAccess-Control-Allow-Credentials: true\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: https://a.example, https://b.example\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: *\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: https://a.example\nAccess-Control-Allow-Credentials: true\nVary: Origin\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let origins = response.fields.named(.accessControlAllowOrigin)
        guard let field = origins.first else { return }
        // Trimmed again: a bare CR at either end reads as a space. The separators are ASCII,
        // so bytes tell.
        let value = field.readValueBytes.trimmingWhitespace()
        if origins.count > 1 || value.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: " ") }) {
            report.add("Access-Control-Allow-Origin holds several origins; browsers accept exactly one", at: field.valueSpan, status: response.status)
            return
        }
        let credentials = response.fields.first(named: .accessControlAllowCredentials)?.readValueBytes.trimmingWhitespace()
            .elementsEqual("true".utf8) ?? false
        if value.elementsEqual("*".utf8), credentials {
            report.add("Access-Control-Allow-Origin is * with Access-Control-Allow-Credentials: true; browsers block the response",
                       at: field.valueSpan, status: response.status)
        }
    }
}
