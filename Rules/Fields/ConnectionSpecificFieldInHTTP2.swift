import HTTPLintCore

/// A connection-specific field in a response an input recorded as HTTP/2 or HTTP/3.
struct ConnectionSpecificFieldInHTTP2: Rule {
    static let description = RuleDescription(
        id: "connection-specific-field-in-http2",
        severity: .error,
        category: .fields,
        summary: "Connection, Keep-Alive, Proxy-Connection, Transfer-Encoding, Upgrade or TE in an HTTP/2 or HTTP/3 response",
        rationale: """
            RFC 9113 §8.2.2: "An endpoint MUST NOT generate an HTTP/2 message containing \
            connection-specific header fields. This includes the Connection header field and \
            those listed as having connection-specific semantics in Section 7.6.1 of [HTTP] \
            (that is, Proxy-Connection, Keep-Alive, Transfer-Encoding, and Upgrade). Any message \
            containing connection-specific header fields MUST be treated as malformed"; the \
            one exception is TE, and only in a request. RFC 9114 §4.2 says the same of HTTP/3. \
            HTTP/2 and HTTP/3 manage the connection in frames, so these fields mean nothing \
            there; a client that follows the RFC refuses the response as malformed (Safari \
            does; Chrome and Firefox drop the fields), and an intermediary that passes them \
            on can be steered into smuggling. They usually come from an HTTP/1.1 backend whose \
            fields a front end forwards as they are. Judged only on exchanges an input \
            recorded as HTTP/2 or HTTP/3 (a HAR entry whose httpVersion is h2, HTTP/2.0, h3…); \
            HTTP/1.x bytes have their own rules for these fields.
            """,
        fix: "Drop Connection, Keep-Alive, Proxy-Connection, Transfer-Encoding, Upgrade and TE from HTTP/2 and HTTP/3 responses (in the front end that converts an HTTP/1.1 backend's response)",
        spec: [SpecReference(rfc: 9113, section: "8.2.2"), SpecReference(rfc: 9114, section: "4.2"), .rfc9110("7.6.1")],
        fields: ["Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "Upgrade", "TE"],
        runsWhen: .anyFieldPresent,
        triggering: [
            .recorded("h2", "HTTP/1.1 200 \ndate: Sun, 22 Nov 2026 10:00:00 GMT\ncontent-type: text/html; charset=utf-8\nconnection: keep-alive\ncontent-length: 0\n\n", line: 4),
            .recorded("HTTP/2.0", "HTTP/1.1 200 \ndate: Sun, 22 Nov 2026 10:00:00 GMT\nkeep-alive: timeout=5\ncontent-length: 0\n\n", line: 3),
            .recorded("h3", "HTTP/1.1 200 \ndate: Sun, 22 Nov 2026 10:00:00 GMT\ntransfer-encoding: chunked\n\n0\n\n", line: 3),
            .recorded("h2", "HTTP/1.1 200 \ndate: Sun, 22 Nov 2026 10:00:00 GMT\nupgrade: h2c\ncontent-length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            // The same fields in HTTP/1.1, as bytes or as a HAR entry.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nConnection: keep-alive\nContent-Length: 0\n\n"),
            .recorded("HTTP/1.1", "HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nConnection: keep-alive\nContent-Length: 0\n\n"),
            // Google QUIC ("http/2+quic/46") is neither RFC 9113 nor RFC 9114.
            .recorded("http/2+quic/46", "HTTP/1.1 200 \ndate: Sun, 22 Nov 2026 10:00:00 GMT\nconnection: keep-alive\ncontent-length: 0\n\n"),
            .recorded("h2", "HTTP/1.1 200 \ndate: Sun, 22 Nov 2026 10:00:00 GMT\ncontent-type: text/plain\nvary: accept-encoding\ncontent-length: 0\n\n"),
        ]
    )

    /// The connection-specific fields of RFC 9113 §8.2.2 (TE too: a response has no use for it).
    static let names = ["Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "Upgrade", "TE"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        guard let major = exchange.recordedMajorVersion else { return }
        for response in exchange.responses {
            for field in response.fields where Self.names.contains(where: { field.hasName($0) }) {
                report.add("\(Printable.escape(field.name)) in a response recorded as HTTP/\(major) (\(Printable.escape(exchange.recordedVersion ?? ""))), "
                           + "where connection-specific fields make the message malformed",
                           at: field.lineSpan, status: response.status)
            }
        }
    }
}
