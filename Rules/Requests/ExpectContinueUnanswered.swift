import HTTPLintCore

/// A client waiting for 100 Continue, and a server that sent nothing.
struct ExpectContinueUnanswered: Rule {
    static let description = RuleDescription(
        id: "expect-continue-unanswered",
        severity: .error,
        category: .requests,
        summary: "Request with `Expect: 100-continue` held its content back and got no response at all",
        rationale: """
            RFC 9110 §10.1.1: "Upon receiving an HTTP/1.1 (or later) request that has a \
            method, target URI, and complete header section that contains a 100-continue \
            expectation and an indication that request content will follow, an origin server \
            MUST send either: an immediate response with a final status code, if that status \
            can be determined by examining just the method, target URI, and header fields, or \
            an immediate 100 (Continue) response to encourage the client to send the request \
            content. The origin server MUST NOT wait for the content before sending the 100 \
            (Continue) response." The rule reports what the bytes can show: an HTTP/1.1 \
            request with the expectation, a Content-Length above zero or chunked content, no \
            content after its head (the client waited), and a response input with no bytes \
            at all. Client and server then wait for each other until the client's timeout; \
            uploads stall by that much on every request. Not reported: a final response \
            without a 100 (allowed: "an immediate response with a final status code"), a 417 \
            (never required), a request whose content was sent anyway (the server "MAY omit \
            sending a 100 (Continue) response if it has already received some or all of the \
            content"), and HTTP/1.0 requests, whose expectation a server "MUST ignore". A \
            capture stopped before the server could answer looks the same: capture until the \
            client gives up.
            """,
        fix: "Answer `Expect: 100-continue` at once with 100 Continue, or with the final status when the head decides it",
        spec: [.rfc9110("10.1.1"), .rfc9110("15.2.1")],
        fields: ["Expect"],
        needsRequest: true,
        triggering: [
            Example("", request: "PUT /f HTTP/1.1\nHost: a.example\nExpect: 100-continue\nContent-Length: 5\n\n", line: 1),
            Example("\n", request: "POST /f HTTP/1.1\nHost: a.example\nExpect: 100-Continue\nTransfer-Encoding: chunked\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "PUT /f HTTP/1.1\nHost: a.example\nExpect: 100-continue\nContent-Length: 5\n\n"),
            Example("HTTP/1.1 100 Continue\n\n", request: "PUT /f HTTP/1.1\nHost: a.example\nExpect: 100-continue\nContent-Length: 5\n\n"),
            Example("", request: "PUT /f HTTP/1.1\nHost: a.example\nExpect: 100-continue\nContent-Length: 5\n\nhello"),
            Example("", request: "PUT /f HTTP/1.0\nExpect: 100-continue\nContent-Length: 5\n\n"),
            Example("", request: "PUT /f HTTP/1.1\nHost: a.example\nExpect: 100-continue\nContent-Length: 0\n\n"),
            Example("", request: "PUT /f HTTP/1.1\nHost: a.example\nContent-Length: 5\n\n"),
            Example("<html>busy</html>", request: "PUT /f HTTP/1.1\nHost: a.example\nExpect: 100-continue\nContent-Length: 5\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == nil, exchange.interim.isEmpty, Self.holdsNoBytes(exchange), let request = exchange.request,
              let version = request.version, version >= .http11, request.contentSpan.length == 0,
              let expect = request.fields.named(.expect).first(where: { $0.listElements.contains { $0.asciiLowercased() == "100-continue" } }),
              let indication = Self.contentIndication(of: request) else { return }
        report.add("no response at all to a request with 'Expect: 100-continue' and \(indication) whose content was held back; the server must send 100 Continue or a final status at once",
                   about: response, request: expect.lineSpan)
    }

    /// Whether the response input held nothing but line breaks.
    static func holdsNoBytes(_ exchange: Exchange) -> Bool {
        exchange.deviations.allSatisfy { $0.kind == .noResponse || $0.kind == .extraLineBreaks }
    }

    /// How the request says content follows ("Content-Length: 5"), when its framing is sound.
    static func contentIndication(of request: Request) -> String? {
        guard !request.requiresClose, !RequiredRejection.explains400(request) else { return nil }
        if let coding = request.fields.named(.transferEncoding).first {
            return "'Transfer-Encoding: \(Printable.escape(coding.value))'"
        }
        guard let field = request.fields.first(named: .contentLength), let length = Int(field.value), length > 0 else { return nil }
        return "'Content-Length: \(length)'"
    }
}
