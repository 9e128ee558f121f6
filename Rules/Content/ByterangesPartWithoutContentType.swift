import HTTPLintCore

/// A body part of a multipart/byteranges 206 without Content-Type.
struct ByterangesPartWithoutContentType: Rule {
    static let description = RuleDescription(
        id: "byteranges-part-without-content-type",
        severity: .warning,
        category: .content,
        summary: "Body part of a multipart/byteranges 206 without a Content-Type field",
        rationale: """
            RFC 9110 §15.3.7.2: "If the selected representation would have had a Content-Type \
            header field in a 200 (OK) response, the server SHOULD generate that same \
            Content-Type header field in the header area of each body part." The 206's own \
            Content-Type is multipart/byteranges, so the parts are the only place the \
            representation's type is given; without it clients reassembling the ranges do not \
            know what they hold. A server that would send no Content-Type in a 200 either may \
            leave it out, hence a warning. Content cut short, with a content coding or larger \
            than 16 MB is not read.
            """,
        fix: "Give every part the representation's type: `Content-Type: text/plain` in the part's header area",
        spec: [.rfc9110("15.3.7.2"), .rfc9110("14.6")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/byteranges; boundary=AAA\nContent-Length: 103\n\n--AAA\nContent-Range: bytes 0-4/100\n\nhello\n--AAA\nContent-Range: bytes 10-14/100\n\nworld\n--AAA--\n", line: 6),
        ],
        nonTriggering: [
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/byteranges; boundary=\"a b\"\nContent-Length: 155\n\n--a b\nContent-Type: text/plain\nContent-Range: bytes 0-4/100\n\nhello\n--a b\nContent-Type: text/plain\nContent-Range: bytes 10-14/100\n\nworld\n--a b--\n"),
            // The boundary inside a part's data does not start a part.
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/byteranges; boundary=AAA\nContent-Length: 83\n\n--AAA\nContent-Type: text/plain\nContent-Range: bytes 0-6/100\n\nx--AAAy\n--AAA--\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 206 else { return }
        let reading = report.reading(MultipartReading.self, of: response)
        guard reading.mediaType?.subtype == "byteranges", let body = reading.body else { return }
        let content = report.reading(ContentReading.self, of: response)
        for (number, part) in body.parts.enumerated() where !part.has("content-type") {
            report.add("part \(number + 1) of \(body.parts.count) of the multipart/byteranges content has no Content-Type, so the client does not learn the representation's type",
                       at: content.span(at: part.offset), status: response.status)
        }
    }
}
