import HTTPLintCore

/// 415 is about the format of the request's content.
struct UnsupportedMediaTypeWithoutContent: Rule {
    static let description = RuleDescription(
        id: "unsupported-media-type-without-content",
        severity: .info,
        category: .requests,
        summary: "415 to a request with no content and no Content-Type or Content-Encoding",
        rationale: """
            RFC 9110 §15.5.16: 415 "indicates that the origin server is refusing to service the \
            request because the content is in a format not supported by this method on the \
            target resource"; "the format problem might be due to the request's indicated \
            Content-Type or Content-Encoding, or as a result of inspecting the data directly." \
            A request whose head announces no content (no Transfer-Encoding, no Content-Length \
            other than 0) and names no Content-Type or Content-Encoding has no format to refuse. \
            Servers sometimes send 415 for missing content that they require; 400 says that \
            better, so this is advice. A request that names a media type for empty content is \
            not reported.
            """,
        fix: "Answer a request that lacks required content with 400 and say what is missing",
        spec: [.rfc9110("15.5.16")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 415 Unsupported Media Type\nContent-Length: 0\n\n",
                    request: "POST /api/items HTTP/1.1\nHost: a.example\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 415 Unsupported Media Type\nContent-Length: 0\n\n",
                    request: "GET /api/items HTTP/1.1\nHost: a.example\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 415 Unsupported Media Type\nContent-Length: 0\n\n",
                    request: "POST /api/items HTTP/1.1\nHost: a.example\nContent-Type: text/csv\nContent-Length: 3\n\na,b"),
            Example("HTTP/1.1 415 Unsupported Media Type\nContent-Length: 0\n\n",
                    request: "POST /api/items HTTP/1.1\nHost: a.example\nContent-Type: application/xml\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 415 Unsupported Media Type\nContent-Length: 0\n\n",
                    request: "POST /api/items HTTP/1.1\nHost: a.example\nContent-Length: 3\n\na,b"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 415, let request = exchange.request, request.hasRequestLine,
              request.announcesContent == false, !request.fields.contains("Content-Type"),
              !request.fields.contains("Content-Encoding") else { return }
        report.add("415 to a request with no content and no Content-Type or Content-Encoding: there is no format to refuse",
                   about: response, request: request.lineSpan)
    }
}
