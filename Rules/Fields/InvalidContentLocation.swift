import HTTPLintCore

/// Content-Location must be an absolute URI or a partial URI.
struct InvalidContentLocation: Rule {
    static let description = RuleDescription(
        id: "invalid-content-location",
        severity: .error,
        category: .fields,
        summary: "Content-Location that is not an absolute or partial URI",
        rationale: """
            RFC 9110 §8.7: `Content-Location = absolute-URI / partial-URI`, `partial-URI = \
            relative-part [ "?" query ]` (§4.1): a URI reference without a fragment. Spaces, \
            non-ASCII characters, unescaped `<>"{}|\\^`, bad percent-encoding and a `#` \
            fragment are not allowed. Caches and clients use the value to identify the \
            representation (§8.7), and each repairs a malformed one differently or drops it.
            """,
        fix: "Percent-encode the value and leave out any fragment: `Content-Location: /docs/caf%C3%A9.en.html`",
        spec: [.rfc9110("8.7"), .rfc9110("4.1"), SpecReference(rfc: 3986, section: "4.3")],
        fields: ["Content-Location"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Location: /my file.html\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Location: /index.en.html#top\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Location: /index.en.html\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 201 Created\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Location: https://example.com/orders/42?v=1\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Location: docs/readme.txt\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.contentLocation) {
            let value = field.value
            if let problem = URIReference.problem(in: value) {
                report.add("Content-Location '\(Printable.escape(value))' is not a URI: \(problem)",
                           at: field.valueSpan, status: response.status)
            } else if value.contains("#") {
                report.add("Content-Location '\(Printable.escape(value))' has a fragment ('#…'), which it may not carry",
                           at: field.valueSpan, status: response.status)
            }
        }
    }
}
