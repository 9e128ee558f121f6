import HTTPLintCore

/// A multipart/byteranges 206 to a request for one range.
struct MultipartForSingleRange: Rule {
    static let description = RuleDescription(
        id: "multipart-for-single-range",
        severity: .error,
        category: .requests,
        summary: "multipart/byteranges 206 to a GET whose Range asks for a single range",
        rationale: """
            RFC 9110 §15.3.7.2: "A server MUST NOT generate a multipart response to a request \
            for a single range, since a client that does not request multiple parts might not \
            support multipart responses. However, a server MAY generate a \
            \\"multipart/byteranges\\" response with only a single body part if multiple ranges \
            were requested and only one range was found to be satisfiable or only one range \
            remained after coalescing." A client that asked for one range takes the boundary \
            lines and part headers for data.
            """,
        fix: "Answer a single range with a single-part 206: Content-Range in the header section and the bytes as content",
        spec: [.rfc9110("15.3.7.2"), .rfc9110("14.6")],
        fields: ["Range", "Content-Type"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 206 Partial Content\nContent-Type: multipart/byteranges; boundary=XYZ\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\n\n", line: 1),
            Example("HTTP/1.1 206 Partial Content\nContent-Type: Multipart/Byteranges; boundary=XYZ\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=-500\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 206 Partial Content\nContent-Type: multipart/byteranges; boundary=XYZ\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4, 10-14\n\n"),
            // Two ranges, even if one would not be satisfiable or they coalesce.
            Example("HTTP/1.1 206 Partial Content\nContent-Type: multipart/byteranges; boundary=XYZ\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4, 0-4\n\n"),
            Example("HTTP/1.1 206 Partial Content\nContent-Type: text/plain\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 206, response.isMultipartByteranges, let request = exchange.request, request.method == "GET",
              let range = RangeRequest(of: request), range.count == 1 else { return }
        report.add("multipart/byteranges 206 to Range '\(Printable.escape(range.text))', which asks for a single range",
                   about: response, request: range.span)
    }
}
