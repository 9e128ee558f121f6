import HTTPLintCore

/// A body part of a multipart/byteranges 206 without Content-Range.
struct ByterangesPartWithoutContentRange: Rule {
    static let description = RuleDescription(
        id: "byteranges-part-without-content-range",
        severity: .error,
        category: .content,
        summary: "Body part of a multipart/byteranges 206 without a Content-Range field",
        rationale: """
            RFC 9110 §15.3.7.2: "Within the header area of each body part in the multipart \
            content, the server MUST generate a Content-Range header field corresponding to \
            the range being enclosed in that body part." §14.6 describes each part as carrying \
            its own Content-Type and Content-Range. Without it the client cannot tell which \
            bytes the part holds and has to discard it. Content cut short, with a content \
            coding or larger than 16 MB is not read.
            """,
        fix: "Give every part its range: `Content-Range: bytes 0-499/1234` in the part's header area",
        spec: [.rfc9110("15.3.7.2"), .rfc9110("14.6")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/byteranges; boundary=AAA\nContent-Length: 123\n\n--AAA\nContent-Type: text/plain\nContent-Range: bytes 0-4/100\n\nhello\n--AAA\nContent-Type: text/plain\n\nworld\n--AAA--\n", line: 11),
        ],
        nonTriggering: [
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/byteranges; boundary=AAA\nContent-Length: 155\n\n--AAA\nContent-Type: text/plain\nContent-Range: bytes 0-4/100\n\nhello\n--AAA\ncontent-type: text/plain\ncontent-range: bytes 10-14/100\n\nworld\n--AAA--\n"),
            // Not a 206, or not byteranges.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/mixed; boundary=AAA\nContent-Length: 51\n\n--AAA\nContent-Type: text/plain\n\nhello\n--AAA--\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 206 else { return }
        let reading = report.reading(MultipartReading.self, of: response)
        guard reading.mediaType?.subtype == "byteranges", let body = reading.body else { return }
        let content = report.reading(ContentReading.self, of: response)
        for (number, part) in body.parts.enumerated() where !part.has("content-range") {
            report.add("part \(number + 1) of \(body.parts.count) of the multipart/byteranges content has no Content-Range, so the client cannot tell which bytes it holds",
                       at: content.span(at: part.offset), status: response.status)
        }
    }
}
