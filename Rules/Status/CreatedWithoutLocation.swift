import HTTPLintCore

/// A 201 usually names what it created.
struct CreatedWithoutLocation: Rule {
    static let description = RuleDescription(
        id: "created-without-location",
        severity: .info,
        category: .status,
        summary: "201 response without a Location field",
        rationale: """
            RFC 9110 §15.3.2: the primary resource created by the request "is identified by \
            either a Location header field in the response or, if no Location header field is \
            received, by the target URI." Without Location the client has to assume the \
            request's own URI is the new resource, which is rarely true for a POST.
            """,
        fix: "Send `Location` with the URI of the created resource",
        spec: [.rfc9110("15.3.2"), .rfc9110("10.2.2")],
        fields: ["Location"],
        triggering: [
            Example("HTTP/1.1 201 Created\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 201 Created\nLocation: /orders/42\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        requireField("Location", on: [201], in: exchange.response, &report) { _ in
            "201 response has no Location, so the created resource is taken to be the request's target URI"
        }
    }
}
