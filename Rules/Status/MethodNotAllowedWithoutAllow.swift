import HTTPLintCore

/// A 405 must list the methods the resource supports in Allow.
struct MethodNotAllowedWithoutAllow: Rule {
    static let description = RuleDescription(
        id: "method-not-allowed-without-allow",
        severity: .error,
        category: .status,
        summary: "405 response without an Allow field",
        rationale: """
            RFC 9110 §15.5.6: "The origin server MUST generate an Allow header field in a 405 \
            response containing a list of the target resource's currently supported methods." \
            An empty Allow value is valid: it says the resource allows no methods (§10.2.1).
            """,
        fix: "Send Allow with the supported methods, such as `Allow: GET, HEAD`",
        spec: [.rfc9110("15.5.6"), .rfc9110("10.2.1")],
        fields: ["Allow"],
        triggering: [
            Example("HTTP/1.1 405 Method Not Allowed\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 405 Not Allowed\nServer: nginx\nContent-Type: text/html\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 405 Method Not Allowed\nAllow: GET, HEAD\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 405 Method Not Allowed\nallow: GET\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 405 Method Not Allowed\nAllow:\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        requireField("Allow", on: [405], in: exchange.response, &report) { response in
            "\(response.statusText) response has no Allow field listing the supported methods"
        }
    }
}
