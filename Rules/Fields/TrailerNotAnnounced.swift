import HTTPLintCore

/// Trailer fields the header section's Trailer field does not list.
struct TrailerNotAnnounced: Rule {
    static let description = RuleDescription(
        id: "trailer-not-announced",
        severity: .info,
        category: .fields,
        summary: "Trailer field not listed in the Trailer header field",
        rationale: """
            RFC 9110 §6.6.2: the Trailer header field lists "the field names that the sender \
            anticipates sending as trailer fields within that message", which "allows a \
            recipient to prepare for receipt of the indicated metadata before it starts \
            processing the content", and a sender that intends to generate trailer fields \
            SHOULD generate Trailer to say which. A recipient not told may have acted on the \
            content (stored, forwarded it) before the trailer arrives, or drop what it did not \
            expect (§6.5.1 lets recipients discard trailers).
            """,
        fix: "Announce the trailers in the header section: `Trailer: Server-Timing`",
        spec: [.rfc9110("6.6.2"), .rfc9110("6.5")],
        fields: ["Trailer"],
        triggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2\nok\n0\nServer-Timing: db;dur=53\n\n", line: 7),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\nTrailer: Content-Digest\n\n2\nok\n0\nContent-Digest: sha-256=:YjY0YjE=:\nX-Checksum: 1\n\n", line: 9),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\nTrailer: Server-Timing, X-Checksum\n\n2\nok\n0\nserver-timing: db;dur=53\nX-Checksum: 1\n\n"),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2\nok\n0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard !response.trailers.isEmpty else { return }
        let announced = Set(response.fields.listElements(named: "Trailer").map { $0.asciiLowercased() })
        for field in response.trailers where !announced.contains(field.name.asciiLowercased()) {
            report.add("trailer field \(Printable.escape(field.name)) is not listed in a Trailer header field",
                       at: field.lineSpan, status: response.status)
        }
    }
}
