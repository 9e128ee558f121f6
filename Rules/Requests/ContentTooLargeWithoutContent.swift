import HTTPLintCore

/// 413 is about the request's content.
struct ContentTooLargeWithoutContent: Rule {
    static let description = RuleDescription(
        id: "content-too-large-without-content",
        severity: .warning,
        category: .requests,
        summary: "413 to a request whose head announces no content (no Transfer-Encoding, no Content-Length other than 0)",
        rationale: """
            RFC 9110 §15.5.14: 413 "indicates that the server is refusing to process a request \
            because the request content is larger than the server is willing or able to \
            process." A request without Transfer-Encoding and without a Content-Length other than \
            0 has no content (RFC 9112 §6.3), so none of it can be too large. A head that is too \
            large has its own status, 431 (RFC 6585 §5), and a target that is too long has 414 \
            (§15.5.15). The head is read, not the bytes that followed it, so a request that \
            announced content and held it back (Expect: 100-continue) is not reported.
            """,
        fix: "Answer an oversized head with 431, an oversized target with 414, and keep 413 for content",
        spec: [.rfc9110("15.5.14"), .rfc9112("6.3"), SpecReference(rfc: 6585, section: "5")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 413 Content Too Large\nContent-Length: 0\n\n",
                    request: "GET /search HTTP/1.1\nHost: a.example\nCookie: session=abc\n\n", line: 1),
            Example("HTTP/1.1 413 Payload Too Large\nContent-Length: 0\n\n",
                    request: "POST /upload HTTP/1.1\nHost: a.example\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 413 Content Too Large\nConnection: close\nContent-Length: 0\n\n",
                    request: "POST /upload HTTP/1.1\nHost: a.example\nContent-Length: 5\n\nhello"),
            Example("HTTP/1.1 413 Content Too Large\nConnection: close\nContent-Length: 0\n\n",
                    request: "POST /upload HTTP/1.1\nHost: a.example\nExpect: 100-continue\nContent-Length: 900000000\n\n"),
            Example("HTTP/1.1 413 Content Too Large\nConnection: close\nContent-Length: 0\n\n",
                    request: "POST /upload HTTP/1.1\nHost: a.example\nTransfer-Encoding: chunked\n\n0\n\n"),
            Example("HTTP/1.1 431 Request Header Fields Too Large\nContent-Length: 0\n\n",
                    request: "GET /search HTTP/1.1\nHost: a.example\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 413, let request = exchange.request, request.hasRequestLine,
              request.announcesContent == false else { return }
        report.add("413 to a request whose head announces no content; nothing in it can be too large",
                   about: response, request: request.lineSpan)
    }
}
