import HTTPLintCore

/// A request the server had to refuse with a status got no answer at all.
struct RequestNotAnswered: Rule {
    static let description = RuleDescription(
        id: "request-not-answered",
        severity: .warning,
        category: .requests,
        summary: "No answer at all to a request the server must or should refuse with 400",
        rationale: """
            RFC 9112 §3.2, §5.1 and §6.3 say a server "MUST respond with a 400 (Bad Request) \
            status code" to a request without Host in HTTP/1.1, with two Host fields or an \
            invalid one, with whitespace before a colon, or whose length cannot be determined \
            (an invalid Content-Length without Transfer-Encoding, a Transfer-Encoding that does \
            not end in chunked); §3 says recipients of an invalid request line "SHOULD respond \
            with either a 400 (Bad Request) error or a 301 (Moved Permanently) redirect". A \
            server that closes the connection (or waits) without a word leaves the client \
            unable to tell a refused request from a lost one, and a retrying client sends it \
            again. A well-formed request that gets no answer is not reported: RFC 9112 §9.5 \
            lets either side close a connection at any time. Judged only where the response \
            input is empty, so the capture must hold everything the server sent.
            """,
        fix: "Answer the malformed request with 400 Bad Request before closing the connection",
        spec: [.rfc9112("3.2"), .rfc9112("5.1"), .rfc9112("6.3"), .rfc9112("3"), .rfc9112("9.5")],
        needsRequest: true,
        triggering: [
            Example("", request: "GET / HTTP/1.1\n\n", line: 1),
            Example("", request: "POST / HTTP/1.1\nHost: a.example\nContent-Length: abc\n\nhello", line: 1),
            Example("", request: "GET / HTTP/1.1\nHost : a.example\n\n", line: 1),
            Example("", request: "G(T / HTTP/1.1\nHost: a.example\n\n", line: 1),
        ],
        nonTriggering: [
            Example("", request: "GET / HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\n\n"),
            Example.rawRequest("", request: "GET /x\r\n"),
            Example("", request: "GET / HTTP/2.0\nHost: a.example\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        guard let request = exchange.request, let silence = exchange.deviations.first(where: { $0.kind == .noResponse }) else { return }
        let reason: (String, ByteSpan)?
        if let required = RequiredRejection.reasons(for: request).first(where: \.isRequired) {
            reason = ("\(required.reason); \(required.duty)", required.span)
        } else if !request.has(.http09RequestLine), let (what, span) = InvalidRequestLineAccepted.invalidity(of: request) {
            reason = ("the request line is invalid (\(what)); the server should answer 400 (RFC 9112 §3)", span)
        } else {
            reason = nil
        }
        guard let (why, span) = reason else { return }
        report.add("the server sent nothing in answer: \(why)", at: silence.span, status: nil, request: span)
    }
}
