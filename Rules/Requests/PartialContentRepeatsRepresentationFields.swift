import HTTPLintCore

/// A 206 to an If-Range request need not repeat what the client has.
struct PartialContentRepeatsRepresentationFields: Rule {
    static let description = RuleDescription(
        id: "partial-content-repeats-representation-fields",
        severity: .info,
        category: .requests,
        summary: "206 to a request with If-Range that sends Last-Modified, Content-Language or Content-Encoding again",
        rationale: """
            RFC 9110 §15.3.7: "A sender that generates a 206 response to a request with an \
            If-Range header field SHOULD NOT generate other representation header fields beyond \
            those required because the client already has a prior response containing those \
            header fields." The required ones are Content-Range (and Content-Type for multipart), \
            and Date, Cache-Control, ETag, Expires, Content-Location and Vary when a 200 would \
            have them. Content-Type of a single part is left alone, since §15.3.7 also has the \
            client inspect it. The fields only cost bytes, so this is advice.
            """,
        fix: "Leave Last-Modified, Content-Language and Content-Encoding out of 206 responses to If-Range requests",
        spec: [.rfc9110("15.3.7"), .rfc9110("13.1.5")],
        fields: ["If-Range"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 206 Partial Content\nETag: \"a\"\nLast-Modified: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Range: bytes 0-1/10\nContent-Length: 2\n\nhi",
                    request: "GET /f HTTP/1.1\nHost: a.example\nRange: bytes=0-1\nIf-Range: \"a\"\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 206 Partial Content\nETag: \"a\"\nContent-Type: text/plain\nContent-Range: bytes 0-1/10\nContent-Length: 2\n\nhi",
                    request: "GET /f HTTP/1.1\nHost: a.example\nRange: bytes=0-1\nIf-Range: \"a\"\n\n"),
            Example("HTTP/1.1 206 Partial Content\nETag: \"a\"\nLast-Modified: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Range: bytes 0-1/10\nContent-Length: 2\n\nhi",
                    request: "GET /f HTTP/1.1\nHost: a.example\nRange: bytes=0-1\n\n"),
        ]
    )

    static let repeated = ["Last-Modified", "Content-Language", "Content-Encoding"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 206, let request = exchange.request, let ifRange = request.fields.first(named: "If-Range") else { return }
        for field in response.fields where Self.repeated.contains(where: field.hasName) {
            report.add("\(field.name) on a 206 answering If-Range: the client already has it from the response it validated",
                       at: field.lineSpan, status: 206, request: ifRange.lineSpan)
        }
    }
}
