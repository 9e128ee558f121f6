import HTTPLintCore

/// Content a content check gave up on at one of its limits, or could not decode (a zstd frame
/// that needs a dictionary): nothing is known of it, and the report says so rather than
/// staying silent.
struct ContentNotChecked: Rule {
    static let description = RuleDescription(
        id: "content-not-checked",
        severity: .info,
        category: .content,
        summary: "Content that a content check gave up on at one of its limits, so it was not judged",
        rationale: """
            The content checks bound their work so that no response can exhaust httplint: \
            undecodable-content decodes at most 128 MB per response, and invalid-json-content \
            reads at most 16 MB of JSON (after decoding) and follows nesting 64 levels deep. \
            Past those limits neither rule can say whether the content is sound, and silence \
            would read as a pass. This finding names the limit that stopped the check, so that \
            a clean report is not taken for a checked one. The same goes for a zstd frame whose \
            header names a dictionary (RFC 8878 §3.1.1.1.3): it decodes only with that \
            dictionary, which the parties agreed on outside the message, so httplint cannot \
            decode it. Codings httplint does not decode at all (compress) are not reported here: \
            unknown-content-coding covers unregistered ones, and the others are simply outside \
            what httplint reads.
            """,
        fix: "Check such content with a tool made for it, or send smaller documents (paginate, stream, or split deeply nested data)",
        spec: [SpecReference(rfc: 8259, section: "9"), .rfc9110("8.4.1"), SpecReference(rfc: 8878, section: "3.1.1.1.3")],
        fields: ["Content-Type", "Content-Encoding"],
        runsWhen: .anyFieldPresent,
        triggering: [
            // JSON nested 65 levels deep: not followed.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Length: 130\n\n"
                    + String(repeating: "[", count: 65) + String(repeating: "]", count: 65), line: 6),
            // A zstd frame that needs dictionary 7.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Encoding: zstd\nContent-Length: 15\n\n",
                         CompressedExamples.zstdWithDictionary, line: 6),
        ],
        nonTriggering: [
            // 64 levels are followed (and judged).
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Length: 128\n\n"
                    + String(repeating: "[", count: 64) + String(repeating: "]", count: 64)),
            // Codings httplint does not decode are outside what it reads, not a check given up.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: compress\nContent-Length: 5\n\n", Array("hello".utf8)),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Length: 67\n\n",
                         CompressedExamples.gzip),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: zstd\nContent-Length: 68\n\n",
                         CompressedExamples.zstd),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let reading = report.reading(ContentReading.self, of: response)
        if let reason = reading.notChecked {
            report.add("the content was not checked: \(reason)", at: reading.span(at: 0), status: response.status)
        } else if reading.jsonVerdict == .tooDeep {
            report.add("the content was not checked: its JSON nests deeper than 64 levels, the most the JSON check follows, so whether it is JSON was not checked",
                       at: reading.span(at: 0), status: response.status)
        }
    }
}
