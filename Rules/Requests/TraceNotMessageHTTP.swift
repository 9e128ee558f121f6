import HTTPLintCore

/// A 200 to TRACE that does not reflect the request as message/http.
struct TraceNotMessageHTTP: Rule {
    static let description = RuleDescription(
        id: "trace-not-message-http",
        severity: .info,
        category: .requests,
        summary: "200 to TRACE whose Content-Type is not message/http",
        rationale: """
            RFC 9110 §9.3.8: "The final recipient of the request SHOULD reflect the message \
            received, excluding some fields described below, back to the client as the content \
            of a 200 (OK) response. The "message/http" format (Section 10.1 of [HTTP/1.1]) is \
            one way to do so." A 200 with an HTML page or no content usually means TRACE was \
            routed like GET and nothing was reflected; a client reading the loop-back cannot \
            tell what reached the server. message/http is "one way", not the only one, so this \
            is advice.
            """,
        fix: "Reflect the received request as the content of the 200, labelled `Content-Type: message/http`, or refuse TRACE with 405 or 501",
        spec: [.rfc9110("9.3.8"), .rfc9112("10.1")],
        fields: ["Content-Type"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: 13\n\n<html></html>",
                    request: "TRACE / HTTP/1.1\nHost: a.example\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "TRACE / HTTP/1.1\nHost: a.example\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Type: message/http\nContent-Length: 37\n\nTRACE / HTTP/1.1\nHost: a.example\n\n",
                    request: "TRACE / HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Type: Message/HTTP; msgtype=request\nContent-Length: 0\n\n",
                    request: "TRACE / HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 405 Method Not Allowed\nAllow: GET, HEAD\nContent-Type: text/html\nContent-Length: 0\n\n",
                    request: "TRACE / HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: a.example\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 200, let request = exchange.request, request.method == "TRACE" else { return }
        guard let field = response.fields.first(named: .contentType) else {
            report.add("200 answers TRACE without Content-Type: the request is not reflected as message/http", about: response,
                       request: request.methodSpan)
            return
        }
        if let type = MediaType(bytes: field.valueUTF8), type.type == "message", type.subtype == "http" { return }
        report.add("200 answers TRACE with Content-Type '\(Printable.escape(field.value))', not message/http, the format RFC 9110 §9.3.8 names for reflecting the request",
                   at: field.lineSpan, status: 200, request: request.methodSpan)
    }
}
