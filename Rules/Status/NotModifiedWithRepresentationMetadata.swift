import HTTPLintCore

/// A 304 should not describe a representation it does not carry.
struct NotModifiedWithRepresentationMetadata: Rule {
    static let description = RuleDescription(
        id: "not-modified-with-representation-metadata",
        severity: .warning,
        category: .status,
        summary: "304 response with representation metadata such as Content-Type",
        rationale: """
            RFC 9110 §15.4.5: "a sender SHOULD NOT generate representation metadata other than \
            the above listed fields unless said metadata exists for the purpose of guiding \
            cache updates." Content-Type, Content-Encoding and Content-Language describe \
            content the 304 does not have, and a cache that applies them to its stored response \
            can corrupt it. (Last-Modified and Content-Length are allowed.)
            """,
        fix: "Drop Content-Type, Content-Encoding and Content-Language from 304 responses",
        spec: [.rfc9110("15.4.5"), .rfc9110("8")],
        fields: ["Content-Type", "Content-Encoding", "Content-Language"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nETag: \"v1\"\nContent-Type: text/html\n\n", line: 4),
        ],
        nonTriggering: [
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nETag: \"v1\"\nLast-Modified: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Length: 120\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: 0\n\n"),
        ]
    )

    private static let metadata = ["Content-Type", "Content-Encoding", "Content-Language"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 304 else { return }
        for field in response.fields where Self.metadata.contains(where: field.hasName) {
            report.add("\(field.name) on a 304 response describes content it does not have", at: field.lineSpan, status: 304)
        }
    }
}
