import HTTPLintCore

/// Multipart content in which the boundary's delimiter line never appears, or no close
/// delimiter ends the parts.
struct MultipartWithoutDelimiter: Rule {
    static let description = RuleDescription(
        id: "multipart-without-delimiter",
        severity: .error,
        category: .content,
        summary: "multipart/* content without a delimiter line for its boundary, or without the close delimiter",
        rationale: """
            RFC 2046 §5.1.1: the body parts of multipart content are each introduced by a \
            delimiter line, two hyphens and the boundary of the Content-Type at the start of a \
            line, and the last is followed by the close delimiter, the same with two more \
            hyphens; the grammar requires at least one part and the close delimiter. Content \
            without the delimiter is not multipart at all (often the boundary in the field and \
            the one in the content were generated separately), and without the close delimiter \
            a recipient cannot tell the last part was not cut. multipart/x-mixed-replace, a \
            stream that ends when the connection does, is not held to the close delimiter. \
            Content with a content coding, cut short or larger than 16 MB is not read.
            """,
        fix: "Write the parts with the boundary the Content-Type names, each after `--boundary` on a line of its own, and end them with `--boundary--`",
        spec: [SpecReference(rfc: 2046, section: "5.1.1"), .rfc9110("14.6")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/byteranges; boundary=AAA\nContent-Length: 81\n\n--BBB\nContent-Type: text/plain\nContent-Range: bytes 0-4/100\n\nhello\n--BBB--\n", line: 6),
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/byteranges; boundary=AAA\nContent-Length: 72\n\n--AAA\nContent-Type: text/plain\nContent-Range: bytes 0-4/100\n\nhello\n", line: 6),
        ],
        nonTriggering: [
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/byteranges; boundary=AAA\nContent-Length: 83\n\n\n--AAA\nContent-Type: text/plain\nContent-Range: bytes 0-4/100\n\nhello\n--AAA--\n"),
            // A stream of frames ends with the connection.
            Example("HTTP/1.0 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/x-mixed-replace; boundary=frame\n\n--frame\nContent-Type: text/plain\n\none\n--frame\nContent-Type: text/plain\n\ntwo\n",
                    request: "GET /stream HTTP/1.0\n\n"),
            // No content, or a content coding over the parts: not read.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/mixed; boundary=AAA\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/mixed; boundary=AAA\nContent-Encoding: br\nContent-Length: 4\n\nabcd"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let reading = report.reading(MultipartReading.self, of: response)
        guard let mediaType = reading.mediaType, let body = reading.body else { return }
        let name = "\(mediaType.type)/\(mediaType.subtype)"
        let delimiter = "--" + Printable.escape(reading.boundary)
        let content = report.reading(ContentReading.self, of: response)
        if body.parts.isEmpty {
            report.add("the \(name) content has no delimiter line '\(delimiter)' for its boundary, so it has no parts",
                       at: content.span(at: 0), status: response.status)
        } else if !body.isClosed, mediaType.subtype != "x-mixed-replace" {
            report.add("the \(name) content has \(body.parts.count) part\(body.parts.count == 1 ? "" : "s") but no close delimiter '\(delimiter)--'",
                       at: content.span(at: body.parts[body.parts.count - 1].offset), status: response.status)
        }
    }
}
