import HTTPLintCore

/// `Access-Control-Allow-Origin: null` grants access to every opaque origin.
struct CORSAllowOriginNull: Rule {
    static let description = RuleDescription(
        id: "cors-allow-origin-null",
        severity: .warning,
        category: .security,
        summary: "Access-Control-Allow-Origin `null`, which any sandboxed document or local file matches",
        rationale: """
            Fetch's CORS check compares Access-Control-Allow-Origin with the request's \
            serialized origin, and every opaque origin serializes as `null`: sandboxed iframes \
            (which any site can create), `file:` and `data:` documents, and requests that were \
            redirected across origins. Allowing `null` therefore allows all of them, attackers \
            included, and with Access-Control-Allow-Credentials it hands them the user's data.
            """,
        fix: "Allow specific origins only; never echo an Origin of `null`",
        spec: [SpecReference(document: "Fetch", section: "CORS check", url: "https://fetch.spec.whatwg.org/#cors-check"),
               SpecReference(document: "Fetch", section: "Origin header", url: "https://fetch.spec.whatwg.org/#origin-header")],
        fields: ["Access-Control-Allow-Origin"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: null\nAccess-Control-Allow-Credentials: true\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: https://app.example\nContent-Length: 0\n\n"),
            // Not the null origin (the value is case-sensitive): invalid-cors-allow-origin's business.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nAccess-Control-Allow-Origin: NULL\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.accessControlAllowOrigin) where Self.isNull(field) {
            report.add("Access-Control-Allow-Origin is null, which every sandboxed iframe, local file and cross-origin redirect presents as its origin",
                       at: field.valueSpan, status: response.status)
        }
    }

    /// Whether the value is `null`: compared as bytes when it is ASCII (no string made),
    /// otherwise as text (where equality is Unicode's canonical equivalence).
    static func isNull(_ field: Field) -> Bool {
        let bytes = field.valueUTF8Slice
        return ByteParsing.isASCII(bytes) ? bytes.elementsEqual("null".utf8) : field.value == "null"
    }
}
