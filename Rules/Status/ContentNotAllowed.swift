import HTTPLintCore

/// Content, or framing fields, where the status or the request method rules content out.
struct ContentNotAllowed: Rule {
    static let description = RuleDescription(
        id: "content-not-allowed",
        severity: .error,
        category: .status,
        summary: "Content, Content-Length or Transfer-Encoding where the response cannot have content",
        rationale: """
            1xx, 204 and 304 responses end with their header section and "cannot contain \
            content or trailers" (RFC 9110 §15.2, §15.3.5, §15.4.5); a response to HEAD ends \
            there too (RFC 9112 §6.3), and a 205 "MUST NOT generate content" (RFC 9110 §15.3.6). \
            Bytes sent after such a response are read by the client as the start of the next \
            response, which desynchronises the connection. A server also "MUST NOT send a \
            Content-Length header field in any response with a status code of 1xx or 204" \
            (RFC 9110 §8.6) nor Transfer-Encoding in one (RFC 9112 §6.1), and neither field in a \
            2xx answer to CONNECT (RFC 9110 §9.3.6). A 304 or a response \
            to HEAD may carry the Content-Length that the full response would have had.
            """,
        fix: "Send no content (and no Content-Length or Transfer-Encoding on 1xx and 204), or use a status that has content",
        spec: [.rfc9110("6.4.1"), .rfc9110("8.6"), .rfc9110("9.3.6"), .rfc9110("15.3.5"), .rfc9110("15.3.6"), .rfc9110("15.4.5"), .rfc9112("6.1")],
        fields: ["Content-Length", "Transfer-Encoding"],
        triggering: [
            Example("HTTP/1.1 204 No Content\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 204 No Content\n\nhello", line: 3),
            Example("HTTP/1.1 304 Not Modified\nETag: \"v1\"\n\n<html></html>", line: 4),
            Example("HTTP/1.1 205 Reset Content\nContent-Length: 5\n\nreset", line: 1),
            Example("HTTP/1.1 100 Continue\nContent-Length: 0\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 103 Early Hints\nTransfer-Encoding: chunked\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Length: 5\n\nhello", request: "HEAD / HTTP/1.1\nHost: example.com\n\n", line: 4),
            Example("HTTP/1.1 200 Connection Established\nContent-Length: 0\n\n",
                    request: "CONNECT example.com:443 HTTP/1.1\nHost: example.com:443\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 204 No Content\nDate: Sun, 22 Nov 2026 10:00:00 GMT\n\n"),
            Example("HTTP/1.1 304 Not Modified\nETag: \"v1\"\nContent-Length: 1234\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 1234\n\n", request: "HEAD / HTTP/1.1\nHost: example.com\n\n"),
            Example("HTTP/1.1 205 Reset Content\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nContent-Length: 2\n\nok"),
            Example("HTTP/1.1 204 No Content\n\nHTTP/1.1 200 OK\nContent-Length: 2\n\nok"),
            Example("HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: Basic realm=\"p\"\nContent-Length: 0\n\n",
                    request: "CONNECT example.com:443 HTTP/1.1\nHost: example.com:443\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let isHEAD = exchange.request?.isHEAD == true
        for response in exchange.responses {
            guard let status = response.status else { continue }
            let noContent = (100..<200).contains(status) && status != 101 || status == 204 || status == 304
            checkFramingFields(response, status: status, &report)
            if exchange.request?.isCONNECT == true, (200..<300).contains(status) {
                // RFC 9110 §9.3.6: no Content-Length or Transfer-Encoding in a 2xx to CONNECT.
                for field in response.fields where field.hasName("Content-Length") || field.hasName("Transfer-Encoding") {
                    report.add("\(field.name) on a \(response.statusText) answer to CONNECT, which starts a tunnel, not content",
                               at: field.lineSpan, status: status)
                }
            }
            if let extra = response.unexpectedContent {
                let what = isHEAD && !noContent ? "a response to HEAD" : "a \(status) response"
                report.add("\(extra.length) bytes of content follow \(what), which ends with its header section; clients read them as the next response",
                           at: extra, status: status)
            } else if status == 205, response.content.length > 0 {
                report.add("205 Reset Content response has \(response.content.length) bytes of content; a 205 must have none",
                           about: response)
            }
        }
    }

    /// RFC 9110 §8.6 and RFC 9112 §6.1: no Content-Length or Transfer-Encoding on 1xx and 204.
    private func checkFramingFields(_ response: Response, status: Int, _ report: inout FindingReporter) {
        guard (100..<200).contains(status) || status == 204 else { return }
        for field in response.fields where field.hasName("Content-Length") || field.hasName("Transfer-Encoding") {
            report.add("\(field.name) on a \(response.statusText) response, which cannot have content",
                       at: field.lineSpan, status: status)
        }
    }
}
