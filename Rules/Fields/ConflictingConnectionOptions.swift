import HTTPLintCore

/// `Connection: close` together with keep-alive.
struct ConflictingConnectionOptions: Rule {
    static let description = RuleDescription(
        id: "conflicting-connection-options",
        severity: .warning,
        category: .fields,
        summary: "Connection says both close and keep-alive",
        rationale: """
            RFC 9112 §9.6: `close` says the sender will close the connection after this \
            response; `keep-alive` (Appendix C.2.2, from RFC 2068 §19.7.1) asks for a \
            persistent HTTP/1.0 connection. Recipients follow close, which §9.3 checks first, \
            so the keep-alive (and any Keep-Alive parameters) is dead weight and shows that \
            two layers of the server disagree about the connection. \
            Exchanges recorded as HTTP/2 or HTTP/3 (HAR entries), which have no such HTTP/1.1 connection handling, are left to connection-specific-field-in-http2.
            """,
        fix: "Send one of them: `Connection: close` when the server closes, otherwise keep-alive (or nothing, for HTTP/1.1)",
        spec: [.rfc9112("9.6"), .rfc9112("9.3"), .rfc9112("C.2.2")],
        fields: ["Connection"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nConnection: keep-alive, close\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nConnection: Keep-Alive\nConnection: close\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nConnection: close\nContent-Length: 0\n\n"),
            Example("HTTP/1.0 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nConnection: keep-alive\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        guard exchange.recordedMajorVersion == nil else { return }
        for response in exchange.responses {
            let connection = report.reading(ConnectionOptions.self, of: response)
            // Most responses say one option; a conflict needs two.
            guard let first = connection.lines.first?.field, connection.optionCount > 1,
                  connection.contains("close"), connection.contains("keep-alive") else { continue }
            report.add("Connection has both close and keep-alive; recipients close the connection",
                       at: connection.lines.count == 1 ? first.valueSpan : first.lineSpan, status: response.status)
        }
    }
}
