import HTTPLintCore

/// ETag must be a quoted entity tag, optionally weak.
struct InvalidETag: Rule {
    static let description = RuleDescription(
        id: "invalid-etag",
        severity: .error,
        category: .fields,
        summary: "ETag that is not a quoted entity tag",
        rationale: """
            RFC 9110 §8.8.3: `ETag = entity-tag`, `entity-tag = [ W/ ] DQUOTE *etagc DQUOTE`. \
            The quotes are part of the syntax: an unquoted tag (`ETag: abc123`) or a lowercase \
            `w/` is invalid, and clients that echo it in If-None-Match either never match or \
            are rejected, so conditional requests and caching stop working.
            """,
        fix: "Quote the tag: `ETag: \"abc123\"` (or `W/\"abc123\"` for a weak one)",
        spec: [.rfc9110("8.8.3")],
        fields: ["ETag"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nETag: abc123\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nETag: w/\"abc\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nETag: \"a\", \"b\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nETag: \"abc123\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nETag: W/\"6b02649d-14e\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nETag: \"\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.etag) where !EntityTag.isValid(field.readValueBytes.trimmingWhitespace()) {
            report.add("ETag '\(Printable.escape(field.value))' is not an entity tag (\"tag\" or W/\"tag\")",
                       at: field.valueSpan, status: response.status)
        }
    }
}
