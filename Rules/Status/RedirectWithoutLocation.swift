import HTTPLintCore

/// A redirect that names no target cannot be followed.
struct RedirectWithoutLocation: Rule {
    static let description = RuleDescription(
        id: "redirect-without-location",
        severity: .error,
        category: .status,
        summary: "301, 302, 303, 307 or 308 response without a Location field",
        rationale: """
            RFC 9110 §15.4: for 301, 302, 307 and 308 "the server SHOULD generate a Location \
            header field in the response containing a preferred URI reference", and a 303 \
            redirects "as indicated by a URI in the Location header field". A redirect without \
            Location breaks clients: there is nothing to follow, so it is reported as an error. \
            300 Multiple Choices needs Location only when there is a preferred choice, and 304 \
            is not a redirect, so neither is checked.
            """,
        fix: "Send Location with the target URI, such as `Location: /new/path`",
        spec: [.rfc9110("15.4"), .rfc9110("10.2.2")],
        fields: ["Location"],
        triggering: [
            Example("HTTP/1.1 301 Moved Permanently\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 302 Found\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 303 See Other\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 307 Temporary Redirect\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 308 Permanent Redirect\nContent-Location: /new\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 301 Moved Permanently\nLocation: https://example.com/\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 302 Found\nlocation: /login\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 300 Multiple Choices\nContent-Type: text/html\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 304 Not Modified\nETag: \"a\"\n\n"),
        ]
    )

    private static let redirects: Set<Int> = [301, 302, 303, 307, 308]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, Self.redirects.contains(status),
              !response.fields.contains(.location) else { return }
        report.add("\(response.statusText) response has no Location field, so there is nothing to redirect to", about: response)
    }
}
