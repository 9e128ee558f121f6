import HTTPLintCore

/// A 304 must repeat the fields that keep caches up to date.
struct NotModifiedMissingFields: Rule {
    static let description = RuleDescription(
        id: "not-modified-missing-fields",
        severity: .warning,
        category: .status,
        summary: "304 response without Date, or without the ETag that the request's If-None-Match implies",
        rationale: """
            RFC 9110 §15.4.5: "The server generating a 304 response MUST generate any of the \
            following header fields that would have been sent in a 200 (OK) response to the \
            same request: Content-Location, Date, ETag, and Vary; Cache-Control and Expires." \
            httplint reports what it can know without the 200: Date, which an origin server \
            with a clock always sends (§6.6.1), and ETag when the request's If-None-Match shows \
            the representation has one. Caches use these fields to update what they store.
            """,
        fix: "Send in the 304 the Date, ETag, Vary, Cache-Control and Expires a 200 would have had",
        spec: [.rfc9110("15.4.5"), .rfc9110("6.6.1")],
        fields: ["Date", "ETag", "If-None-Match"],
        triggering: [
            Example("HTTP/1.1 304 Not Modified\nETag: \"v1\"\n\n", line: 1),
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"v1\"\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nETag: \"v1\"\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"v1\"\n\n"),
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\n\n"),
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: *\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 304 else { return }
        var missing: [String] = []
        if !response.fields.contains(.date) { missing.append("Date") }
        // `If-None-Match: *` names no entity tag, so it does not show that the representation has one.
        if let request = exchange.request, request.fields.contains(.ifNoneMatch),
           request.fields.listElements(named: .ifNoneMatch) != ["*"], !response.fields.contains(.etag) {
            missing.append("ETag (the request's If-None-Match shows the representation has one)")
        }
        guard !missing.isEmpty else { return }
        report.add("304 response lacks \(missing.joined(separator: " and ")), which the 200 would have carried", about: response)
    }
}
