import HTTPLintCore

/// A Trailer header field on a message whose framing cannot carry trailers.
struct TrailerWithoutChunked: Rule {
    static let description = RuleDescription(
        id: "trailer-without-chunked",
        severity: .info,
        category: .framing,
        summary: "Trailer header field on a response that is not chunked, so no trailer can follow",
        rationale: """
            RFC 9110 §6.6.2: Trailer lists the fields "the sender anticipates sending as trailer \
            fields within that message". In HTTP/1.1 a trailer section exists only at the end \
            of chunked content (RFC 9112 §7.1.2); a response framed by Content-Length or by \
            closing the connection, or one without content, has nowhere to put the promised \
            fields. The announcement is then wrong, and a recipient that waits for them, or \
            checks an announced digest or signature, is left without. No requirement is \
            broken, hence information.
            """,
        fix: "Send the response chunked if the trailers matter, or drop the Trailer field",
        spec: [.rfc9110("6.6.2"), .rfc9112("7.1.2")],
        fields: ["Trailer"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nTrailer: Server-Timing\nContent-Length: 2\n\nok", line: 2),
            Example("HTTP/1.1 200 OK\nTrailer: Content-Digest\nConnection: close\n\nok", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nTrailer: Server-Timing\nTransfer-Encoding: chunked\n\n2\nok\n0\nServer-Timing: db;dur=53\n\n"),
            // A 304 describes the response it validates, whose framing may well be chunked.
            Example("HTTP/1.1 304 Not Modified\nTrailer: Server-Timing\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let field = response.fields.first(named: "Trailer"), let status = response.status, status >= 200 else { return }
        switch response.content.framing {
        case .contentLength, .closeDelimited:
            report.add("Trailer announces \(Printable.escape(String(field.value.trimmingWhitespace()))), but the response is not chunked, so it can carry no trailer section",
                       at: field.lineSpan, status: status)
        case .none, .chunked, .tunnel:
            return
        }
    }
}
