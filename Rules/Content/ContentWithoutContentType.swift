import HTTPLintCore

/// A response with content and no Content-Type.
struct ContentWithoutContentType: Rule {
    static let description = RuleDescription(
        id: "content-without-content-type",
        severity: .warning,
        category: .content,
        summary: "Response with content but no Content-Type field",
        rationale: """
            RFC 9110 §8.3: "A sender that generates a message containing content SHOULD \
            generate a Content-Type header field in that message unless the intended media \
            type of the enclosed representation is unknown to the sender. If a Content-Type \
            header field is not present, the recipient MAY either assume a media type of \
            \\"application/octet-stream\\" … or examine the data to determine its type." So \
            clients guess: browsers sniff (the MIME Sniffing Standard), which can turn \
            uploaded text into HTML or script, and API clients fail to pick a parser. Only \
            responses that carry content are judged: not 1xx, 204 or 304, not a response to \
            HEAD or a 2xx to CONNECT, not an empty body (Content-Length: 0 or a lone last \
            chunk), and not a 2xx read to the connection's close when the request is not \
            known (it may be a proxy's 200 to CONNECT followed by tunnel bytes). A server that truly does not know the type may leave the field out, hence \
            a warning, and the rule is opt-in: whether the server knew the type is not in the \
            bytes, and small servers and test fixtures often leave the field out of plain \
            answers.
            """,
        fix: "Send the media type of the content: `Content-Type: text/html; charset=utf-8`, `application/json`, or `application/octet-stream` for bytes of no known type",
        spec: [.rfc9110("8.3"), SpecReference(document: "MIME Sniffing", section: "7 Determining the computed MIME type of a resource",
                                              url: "https://mimesniff.spec.whatwg.org/#determining-the-computed-mime-type-of-a-resource")],
        fields: ["Content-Type"],
        runsWhen: .always,
        isEnabledByDefault: false,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Length: 14\n\n<p>hello</p>\n", line: 1),
            Example("HTTP/1.1 404 Not Found\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nTransfer-Encoding: chunked\n\n9\nnot found\n0\n\n", line: 1),
            // Read to the close, with the request known.
            Example("HTTP/1.0 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\n\nhello", request: "GET /notes HTTP/1.0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/html\nContent-Length: 14\n\n<p>hello</p>\n"),
            // No content: empty, a 204, a 304, a response to HEAD.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nTransfer-Encoding: chunked\n\n0\n\n"),
            Example("HTTP/1.1 204 No Content\nDate: Sun, 22 Nov 2026 10:00:00 GMT\n\n"),
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nETag: \"a\"\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Length: 13\n\n", request: "HEAD / HTTP/1.1\nHost: example.com\n\n"),
            // Without the request: a proxy's 200 to CONNECT and the tunnel's bytes after it.
            Example("HTTP/1.1 200 Connection established\n\n\u{16}\u{3}\u{1}\u{0}\u{5}hello"),
            // An interim response before a final one that has its type.
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/plain\nContent-Length: 3\n\nok\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let content = response.content
        switch content.framing {
        case .contentLength, .chunked, .closeDelimited: break
        case .none, .tunnel: return
        }
        guard content.length > 0, let status = response.status, status >= 200, status != 204, status != 304,
              !response.fields.contains("Content-Type") else { return }
        // Without the request, a 2xx read to the connection's close may be a proxy's answer to
        // CONNECT followed by the tunnel's bytes (RFC 9110 §9.3.6), not content.
        if content.framing == .closeDelimited, exchange.request == nil, (200...299).contains(status) { return }
        report.add("\(status) response has \(content.length) bytes of content\(content.isTruncated ? " (cut short)" : "") and no Content-Type, so recipients guess its type",
                   at: response.statusSpan, status: status)
    }
}
