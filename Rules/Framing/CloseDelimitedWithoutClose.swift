import HTTPLintCore

/// A response delimited by closing the connection says that the connection closes.
struct CloseDelimitedWithoutClose: Rule {
    static let description = RuleDescription(
        id: "close-delimited-without-connection-close",
        severity: .warning,
        category: .framing,
        summary: "HTTP/1.1 response whose content ends with the connection, without `Connection: close`",
        rationale: """
            RFC 9112 §9.3: a recipient decides whether a connection persists from the most \
            recent message: without the `close` option, "If the received protocol is HTTP/1.1 \
            (or later), the connection will persist after the current response". A response \
            without Content-Length or chunked framing is delimited by the server closing the \
            connection (§6.3 item 8), so this connection cannot persist, and §9.6 has "A server \
            that does not support persistent connections MUST send the \"close\" connection \
            option in every response message that does not have a 1xx (Informational) status \
            code". Without it the client is told that the connection persists and learns \
            otherwise only from the close; §6.3 also asks servers to "generate encoding or \
            length-delimited messages whenever possible", since a close cannot be told apart \
            from a cut connection. HTTP/1.0 responses (and HTTP/2 ones, as curl shows them), which do not persist by default, are \
            not reported, nor, when the request is not known, a 2xx without Content-Type, which \
            may be the start of a CONNECT tunnel.
            """,
        fix: "Send Content-Length or chunked framing; when closing is intended, send `Connection: close`",
        spec: [.rfc9112("9.6"), .rfc9112("9.3"), .rfc9112("6.3")],
        fields: ["Connection"],
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Type: text/plain\n\nhello\n", line: 1),
            Example("HTTP/1.1 404 Not Found\n\nnot here\n", request: "GET /x HTTP/1.1\nHost: a.example\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Type: text/plain\nConnection: close\n\nhello\n"),
            Example("HTTP/1.0 200 OK\nContent-Type: text/plain\n\nhello\n"),
            Example("HTTP/2 200\ncontent-type: text/plain\n\nhello\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 6\n\nhello\n"),
            Example("HTTP/1.1 204 No Content\n\n"),
            Example("HTTP/1.1 200 Connection established\n\n\u{16}\u{03}\u{01}"),
            Example("HTTP/1.1 200 Connection established\n\n\u{16}\u{03}\u{01}",
                    request: "CONNECT a.example:443 HTTP/1.1\nHost: a.example:443\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.content.framing == .closeDelimited, let version = response.version, version.major == 1, version.minor >= 1,
              !response.fields.named("Connection").contains(where: { $0.listContains("close") }) else { return }
        // Without the request a 2xx to CONNECT (a tunnel, RFC 9110 §9.3.6) reads as close-delimited:
        // such answers carry no Content-Type, unlike a representation.
        if exchange.request == nil, let status = response.status, (200..<300).contains(status),
           !response.fields.contains("Content-Type") { return }
        report.add("\(response.statusText) ends with the connection but has no 'Connection: close': HTTP/1.1 tells the client the connection persists",
                   about: response)
    }
}
