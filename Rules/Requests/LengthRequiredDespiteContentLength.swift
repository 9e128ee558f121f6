import HTTPLintCore

/// 411 asks for the Content-Length the request already has.
struct LengthRequiredDespiteContentLength: Rule {
    static let description = RuleDescription(
        id: "length-required-despite-content-length",
        severity: .warning,
        category: .requests,
        summary: "411 to a request that sent a valid Content-Length and no Transfer-Encoding",
        rationale: """
            RFC 9110 §15.5.12: 411 "indicates that the server refuses to accept the request \
            without a defined Content-Length", and "the client MAY repeat the request if it adds \
            a valid Content-Length header field". A request that already framed its content \
            with a valid Content-Length (RFC 9112 §6.3) has nothing to add; repeating it gets \
            the same answer. A request with Transfer-Encoding, or a Content-Length that is not \
            one number, is not judged.
            """,
        fix: "Answer with the status that names the real problem (413 for too much content, 400 for a bad request)",
        spec: [.rfc9110("15.5.12"), .rfc9110("8.6")],
        fields: ["Content-Length"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 411 Length Required\nContent-Length: 0\n\n",
                    request: "POST /upload HTTP/1.1\nHost: a.example\nContent-Length: 5\n\nhello", line: 1),
            Example("HTTP/1.1 411 Length Required\nContent-Length: 0\n\n",
                    request: "POST /upload HTTP/1.1\nHost: a.example\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 411 Length Required\nContent-Length: 0\n\n",
                    request: "POST /upload HTTP/1.1\nHost: a.example\nTransfer-Encoding: chunked\n\n5\nhello\n0\n\n"),
            Example("HTTP/1.1 411 Length Required\nContent-Length: 0\n\n",
                    request: "POST /upload HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 411 Length Required\nContent-Length: 0\n\n",
                    request: "POST /upload HTTP/1.1\nHost: a.example\nContent-Length: 5, 6\n\nhello"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 411, let request = exchange.request, !request.fields.contains("Transfer-Encoding"),
              let field = request.fields.first(named: "Content-Length") else { return }
        let values = Set(request.fields.listElements(named: "Content-Length"))
        guard values.count == 1, let value = values.first, !value.isEmpty,
              value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return }
        report.add("411 Length Required to a request that sent 'Content-Length: \(Printable.escape(value))'",
                   about: response, request: field.lineSpan)
    }
}
