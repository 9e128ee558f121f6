import HTTPLintCore

/// The capture began after the connection did.
struct CaptureMidConnection: InputNoteRule {
    static let description = RuleDescription(
        id: "capture-mid-connection",
        severity: .info,
        category: .capture,
        summary: "The capture begins inside a connection: its handshake and first bytes are not in it",
        rationale: """
            A connection starts with the three-way handshake, each side's SYN taking the \
            sequence number before its first byte (RFC 9293 §3.5). When the capture has no SYN \
            from a side, it began after the connection was opened: the bytes sent before are \
            unknown, and a stream read from its first captured byte may start inside a \
            message. The reader starts the client's stream at the first whole request line \
            at the start of a line, and the server's at the first status line that arrived \
            after that request, and says how many bytes it skipped; exchanges before the \
            capture are not linted.
            """ + CaptureReader.noTextExample,
        fix: "Start the capture before the client connects (or open new connections once it runs)",
        spec: [.rfc9293("3.5"), .rfc9112("2.2")],
        reportedBy: CaptureReader.reportedBy,
        triggering: [],
        nonTriggering: []
    )
}
