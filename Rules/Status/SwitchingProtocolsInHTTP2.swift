import HTTPLintCore

/// A 101 in an exchange an input recorded as HTTP/2 or HTTP/3.
struct SwitchingProtocolsInHTTP2: Rule {
    static let description = RuleDescription(
        id: "switching-protocols-in-http2",
        severity: .error,
        category: .status,
        summary: "101 Switching Protocols in an exchange recorded as HTTP/2 or HTTP/3",
        rationale: """
            RFC 9113 §8.6: "HTTP/2 removes support for the 101 (Switching Protocols) \
            informational status code"; RFC 9114 §4.5: "HTTP/3 does not support the HTTP \
            Upgrade mechanism … or the 101 (Switching Protocols) informational status code". \
            Protocol changes there go through extended CONNECT (RFC 8441 for WebSocket over \
            HTTP/2, RFC 9220 over HTTP/3), answered by a 2xx. A 101 recorded on an HTTP/2 or \
            HTTP/3 exchange is either a server or front end speaking HTTP/1.1 semantics over \
            the wrong protocol, or a recording tool's mislabel; either way no HTTP/2 client \
            can act on it. Judged only on exchanges an input recorded as HTTP/2 or HTTP/3 (a \
            HAR entry's httpVersion).
            """,
        fix: "Answer WebSocket and other protocol changes over HTTP/2 and HTTP/3 with extended CONNECT and a 200 (RFC 8441, RFC 9220), or serve them over HTTP/1.1",
        spec: [SpecReference(rfc: 9113, section: "8.6"), SpecReference(rfc: 9114, section: "4.5"), .rfc9110("15.2.2")],
        runsWhen: .always,
        triggering: [
            .recorded("h2", "HTTP/1.1 101 \ndate: Sun, 22 Nov 2026 10:00:00 GMT\nsec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 101 Switching Protocols\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nConnection: upgrade\nUpgrade: websocket\n\n"),
            .recorded("HTTP/1.1", "HTTP/1.1 101 Switching Protocols\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nConnection: upgrade\nUpgrade: websocket\n\n"),
            // WebSocket over HTTP/2: extended CONNECT answered by a 200.
            .recorded("h2", "HTTP/1.1 200 \ndate: Sun, 22 Nov 2026 10:00:00 GMT\n\n",
                      request: "CONNECT /chat HTTP/1.1\nHost: example.com\nsec-websocket-version: 13\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        guard let major = exchange.recordedMajorVersion else { return }
        for response in exchange.responses where response.status == 101 {
            report.add("101 Switching Protocols in an exchange recorded as HTTP/\(major) (\(Printable.escape(exchange.recordedVersion ?? ""))), "
                       + "which has no 101 and no Upgrade", at: response.statusSpan, status: response.status)
        }
    }
}
