import HTTPLintCore

/// The capture stops while a message is still being sent.
struct CaptureEnded: InputNoteRule {
    static let description = RuleDescription(
        id: "capture-ended",
        severity: .info,
        category: .capture,
        summary: "The capture ends before a request or response on an open connection does; that exchange is not linted",
        rationale: """
            A connection neither side closed (no FIN, no RST: RFC 9293 §3.6, §3.5.3) was still \
            open when the capture stopped, and the last message on it is cut where the \
            capture ends: a response shorter than its Content-Length, a chunked response \
            without its last chunk, a header section without its empty line. The server did \
            not send a short message; the capture stopped first. That exchange is not linted, \
            so that no truncated-content finding blames the server for the capture's end. On \
            a closed connection the same cut is the server's doing and is linted.
            """ + CaptureReader.noTextExample,
        fix: "Stop the capture after the connections of interest close, or read the other findings knowing the last exchange is missing",
        spec: [.rfc9293("3.6"), .rfc9112("6.3")],
        reportedBy: CaptureReader.reportedBy,
        triggering: [],
        nonTriggering: []
    )
}
