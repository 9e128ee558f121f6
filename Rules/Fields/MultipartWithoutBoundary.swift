import HTTPLintCore

/// A multipart media type without its boundary parameter.
struct MultipartWithoutBoundary: Rule {
    static let description = RuleDescription(
        id: "multipart-without-boundary",
        severity: .error,
        category: .fields,
        summary: "multipart/* Content-Type without a boundary parameter",
        rationale: """
            RFC 2046 §5.1.1: "The Content-Type field for multipart entities requires one \
            parameter, \\"boundary\\"", the delimiter line that separates the body parts; \
            RFC 9110 §14.6 repeats it for multipart/byteranges, and RFC 7578 §4.1 for \
            multipart/form-data. Without it (or with an empty one) the parts cannot be found: \
            clients fail to parse the content or treat it as one opaque blob.
            """,
        fix: "Add the boundary the parts are delimited with: `Content-Type: multipart/byteranges; boundary=THIS_STRING_SEPARATES`",
        spec: [SpecReference(rfc: 2046, section: "5.1.1"), .rfc9110("14.6"), SpecReference(rfc: 7578, section: "4.1")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/byteranges\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: Multipart/Mixed; boundary=\"\"\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 206 Partial Content\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/byteranges; boundary=3d6b6a416f9b5\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: multipart/x-mixed-replace; BOUNDARY=frame\nContent-Length: 0\n\n"),
            // Not a multipart type.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/x-multipart\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            for line in report.reading(ContentTypes.self, of: response).all {
                guard let mediaType = line.mediaType, mediaType.type == "multipart" else { continue }
                let boundary = mediaType.parameter("boundary")
                guard boundary?.value?.isEmpty ?? true else { continue }
                report.add("Content-Type \(mediaType.type)/\(mediaType.subtype) has \(boundary == nil ? "no" : "an empty") boundary parameter, so its parts cannot be found",
                           at: line.field.valueSpan, status: response.status)
            }
        }
    }
}
