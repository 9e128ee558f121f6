import HTTPLintCore

/// Bytes one side sent were never captured: what follows the hole is not guessed at.
struct CaptureGap: InputNoteRule {
    static let description = RuleDescription(
        id: "capture-gap",
        severity: .warning,
        category: .capture,
        summary: "The capture misses bytes one side of a connection sent; the exchanges from the hole on are not linted",
        rationale: """
            TCP numbers every byte a side sends (RFC 9293 §3.4), so the reader knows when a \
            stream has a hole: later bytes arrived, a FIN or a RST came after the missing \
            sequence numbers, or the other side acknowledged bytes the capture never saw \
            (the capturing host dropped the packets, or they took another path). The receiver \
            had those bytes; the capture does not, and a message with a piece missing cannot \
            be framed: a Content-Length or a chunk size read across the hole would pair every \
            later response with the wrong request. The exchange the hole falls in and those \
            after it are therefore not linted, and this finding says where the hole is (stream \
            offset, the frame after which bytes are missing and the frame where they resume). \
            A warning: the report is incomplete, though the server may be right.
            """ + CaptureReader.noTextExample,
        fix: "Capture again with a larger buffer (tcpdump -B), on the host that serves, with no snap length cut, or on a quieter link",
        spec: [.rfc9293("3.4"), .rfc9293("3.10.7.4")],
        reportedBy: CaptureReader.reportedBy,
        triggering: [],
        nonTriggering: []
    )
}
