import HTTPLintCore

/// A successful OPTIONS response for a resource that does not say which methods it supports.
struct OptionsWithoutAllow: Rule {
    static let description = RuleDescription(
        id: "options-without-allow",
        severity: .info,
        category: .requests,
        summary: "2xx to OPTIONS on a resource without Allow or another field naming its options",
        rationale: """
            RFC 9110 §9.3.7: "A server generating a successful response to OPTIONS SHOULD send \
            any header that might indicate optional features implemented by the server and \
            applicable to the target resource (e.g., Allow), including potential extensions \
            not defined by this specification." Allow lists "the target resource's currently \
            supported methods" (§10.2.1); without it, or another field that answers the \
            question (a CORS preflight answer's Access-Control-Allow-Methods, WebDAV's DAV, \
            Accept-Patch, Accept-Post), the response tells the client nothing it asked. The \
            requirement is about what the server might indicate, so this is advice. Not \
            reported: CORS preflight requests (with Access-Control-Request-Method), answered \
            for the browser under the Fetch standard, and `OPTIONS *`, which asks about the server in general and "is only useful \
            as a 'ping' or 'no-op' type of method" (§9.3.7).
            """,
        fix: "Send Allow with the methods the resource supports in 2xx responses to OPTIONS",
        spec: [.rfc9110("9.3.7"), .rfc9110("10.2.1")],
        fields: ["Allow"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "OPTIONS /api HTTP/1.1\nHost: a.example\n\n", line: 1),
            Example("HTTP/1.1 204 No Content\n\n", request: "OPTIONS /api HTTP/1.1\nHost: a.example\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nAllow: GET, HEAD, OPTIONS\nContent-Length: 0\n\n", request: "OPTIONS /api HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "OPTIONS * HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 204 No Content\nAccess-Control-Allow-Origin: https://b.example\nAccess-Control-Allow-Methods: PUT\n\n",
                    request: "OPTIONS /api HTTP/1.1\nHost: a.example\nOrigin: https://b.example\nAccess-Control-Request-Method: PUT\n\n"),
            Example("HTTP/1.1 204 No Content\nVary: Origin\n\n",
                    request: "OPTIONS /api HTTP/1.1\nHost: a.example\nOrigin: https://b.example\nAccess-Control-Request-Method: PUT\n\n"),
            Example("HTTP/1.1 200 OK\nDAV: 1, 2\nContent-Length: 0\n\n", request: "OPTIONS /dav/ HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n", request: "OPTIONS /api HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET /api HTTP/1.1\nHost: a.example\n\n"),
        ]
    )

    /// Fields that say what the resource supports, besides Allow.
    static let optionFields = ["Access-Control-Allow-Methods", "DAV", "Accept-Patch", "Accept-Post"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, (200..<300).contains(status), let request = exchange.request,
              request.method == "OPTIONS", request.target != "*", !response.fields.contains(.allow),
              !Self.optionFields.contains(where: response.fields.contains),
              // A CORS preflight is answered for the browser, under the Fetch standard's rules.
              !request.fields.contains("Access-Control-Request-Method") else { return }
        report.add("\(response.statusText) answers OPTIONS \(Printable.escape(String(request.target.prefix(80)))) without Allow: the client learns no method the resource supports",
                   about: response, request: request.methodSpan)
    }
}
