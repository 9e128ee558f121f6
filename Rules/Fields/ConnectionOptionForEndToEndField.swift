import HTTPLintCore

/// A Connection option naming a field meant for every recipient, which proxies then strip.
struct ConnectionOptionForEndToEndField: Rule {
    static let description = RuleDescription(
        id: "connection-option-for-end-to-end-field",
        severity: .error,
        category: .fields,
        summary: "Connection lists a field meant for all recipients, such as Cache-Control or Content-Type",
        rationale: """
            RFC 9110 §7.6.1: intermediaries remove every field named as a connection option \
            before forwarding, and "a sender MUST NOT send a connection option corresponding \
            to a field that is intended for all recipients of the content"; Cache-Control is \
            the example given. Listing such a field makes the next proxy delete it, so the \
            client sees the response without its caching policy, media type or validators. \
            Reported are the representation metadata (Content-Type, Content-Encoding, \
            Content-Language, Content-Location, Content-Range, Content-Disposition, ETag, \
            Last-Modified), the caching fields (Cache-Control, Expires, Vary, Age), Date, and \
            the response controls Location, Allow, Retry-After, WWW-Authenticate and Set-Cookie. \
            Exchanges recorded as HTTP/2 or HTTP/3 (HAR entries), which have no such HTTP/1.1 connection handling, are left to connection-specific-field-in-http2.
            """,
        fix: "Remove the field's name from Connection; list only connection options such as close or upgrade",
        spec: [.rfc9110("7.6.1")],
        fields: ["Connection"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nCache-Control: max-age=60\nConnection: keep-alive, Cache-Control\nContent-Length: 0\n\n", line: 4),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nConnection: keep-alive, Keep-Alive\nKeep-Alive: timeout=5\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 101 Switching Protocols\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nConnection: Upgrade\nUpgrade: websocket\n\n"),
        ]
    )

    /// Fields that describe the content or how to treat the response, for every recipient.
    static let endToEnd: [String] = [
        "Content-Type", "Content-Encoding", "Content-Language", "Content-Location", "Content-Range",
        "Content-Disposition", "ETag", "Last-Modified", "Cache-Control", "Expires", "Vary", "Age", "Date",
        "Location", "Allow", "Retry-After", "WWW-Authenticate", "Set-Cookie",
    ]

    private static let byLowercase = Dictionary(uniqueKeysWithValues: endToEnd.map { ($0.asciiLowercased(), $0) })

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        guard exchange.recordedMajorVersion == nil else { return }
        for response in exchange.responses {
            for line in report.reading(ConnectionOptions.self, of: response).lines {
                let field = line.field
                for option in line.options {
                    guard let name = Self.byLowercase[option] else { continue }
                    report.add("Connection lists \(name), which is meant for all recipients; proxies will remove it",
                               at: field.valueSpan, status: response.status)
                }
            }
        }
    }
}
