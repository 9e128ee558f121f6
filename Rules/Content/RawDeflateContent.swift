import HTTPLintCore

/// `deflate` content sent as bare DEFLATE data, without the zlib format around it.
struct RawDeflateContent: Rule {
    static let description = RuleDescription(
        id: "raw-deflate-content",
        severity: .warning,
        category: .content,
        summary: "Content-Encoding: deflate content that is raw DEFLATE data without the zlib wrapper",
        rationale: """
            RFC 9110 §8.4.1.2: the deflate coding is a zlib data stream (RFC 1950): a two-byte \
            header, the DEFLATE data (RFC 1951) and an Adler-32 checksum. Some servers send the \
            DEFLATE data alone, which the RFC notes as non-conformant. Browsers decode it by \
            trying raw DEFLATE when no zlib header is there, but other clients and libraries \
            fail on it, and without the checksum a damaged transfer goes unnoticed. gzip, which \
            every client supports, has no such ambiguity. httplint reports it when the content \
            has no zlib header and decodes as raw DEFLATE (content that decodes neither way is \
            undecodable-content).
            """,
        fix: "Send deflate content in the zlib format (what a zlib compressor writes by default), or use gzip",
        spec: [.rfc9110("8.4.1.2"), SpecReference(rfc: 1950, section: "2.2")],
        fields: ["Content-Encoding"],
        runsWhen: .anyFieldPresent,
        triggering: [
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: deflate\nContent-Length: 49\n\n",
                         CompressedExamples.deflate, line: 7),
        ],
        nonTriggering: [
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: deflate\nContent-Length: 55\n\n",
                         CompressedExamples.zlib),
            // The same bytes labelled gzip are not gzip: undecodable-content, not this rule.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Length: 49\n\n",
                         CompressedExamples.deflate),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let reading = report.reading(ContentReading.self, of: response)
        guard let raw = reading.check?.rawDeflate else { return }
        report.add(raw.message, at: reading.span(at: raw.offset), status: response.status)
    }
}
