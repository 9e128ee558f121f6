import HTTPLintCore

/// Codes a server writes to its own logs, and never sends, seen on the wire.
struct LogOnlyStatusCode: Rule {
    static let description = RuleDescription(
        id: "log-only-status-code",
        severity: .error,
        category: .status,
        summary: "Status code that a server only writes to its logs, seen on the wire",
        rationale: """
            nginx logs 444 when it closes a connection without answering, 499 when the client \
            went away first, and 494–497 for request errors that it answers with 400. These \
            codes exist in access logs only; a response that carries one on the wire was made \
            up by something that copied a log line (a proxy, a test double, a hand-written \
            fixture), and clients treat it as an unknown code (RFC 9110 §15). 499 is reported \
            only when the Server field names nginx, since Esri sends 499 on purpose.
            """,
        fix: "Send the code the server really sends in that case (400 for 494–497; nothing at all for 444)",
        spec: [.rfc9110("15")],
        triggering: [
            Example("HTTP/1.1 444 No Response\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 499 Client Closed Request\nServer: nginx/1.22.1\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 495 SSL Certificate Error\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 499 Token Required\nServer: ArcGIS\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 400 Bad Request\nServer: nginx\nContent-Length: 0\n\n"),
        ]
    )

    /// The log-only use that applies to `response`: the only kind of use the code has, or
    /// the one whose vendor the Server field names.
    static func logOnlyUse(of entry: StatusCode, in response: Response) -> StatusCode.UnofficialUse? {
        let logOnly = entry.unofficialUses.filter(\.isLogOnly)
        guard let first = logOnly.first else { return nil }
        if logOnly.count == entry.unofficialUses.count, entry.registration == nil { return first }
        let server = response.fields.named(.server).map { $0.value.asciiLowercased() }.joined(separator: " ")
        return logOnly.first { server.contains($0.vendor.asciiLowercased()) }
    }

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            guard let status = response.status, let entry = StatusCode.lookup(status),
                  let use = Self.logOnlyUse(of: entry, in: response) else { continue }
            let meaning = use.meaning.hasSuffix(".") ? String(use.meaning.dropLast()) : use.meaning
            report.add("\(status) is \(use.vendor)'s log-only code '\(use.phrase)' (\(meaning)); it is never sent to a client",
                       about: response)
        }
    }
}
