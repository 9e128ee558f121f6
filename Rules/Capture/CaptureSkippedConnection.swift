import HTTPLintCore

/// A TCP connection the linter cannot read as HTTP/1.x, listed rather than dropped silently.
struct CaptureSkippedConnection: InputNoteRule {
    static let description = RuleDescription(
        id: "capture-skipped-connection",
        severity: .info,
        category: .capture,
        summary: "A captured connection is not linted: TLS, HTTP/2, or no HTTP/1.x request from its client",
        rationale: """
            Every TCP connection of the capture is looked at, on any port (or those of \
            `--port`), and is HTTP/1.x when its client sends a request line (RFC 9112 §3). A \
            connection that begins with a TLS record is encrypted, and one that begins with \
            the HTTP/2 connection preface (RFC 9113 §3.4) speaks another protocol: neither \
            can be linted, and each is listed with the frame it starts in. Connections that \
            carry something else are counted in one note, and a capture with no HTTP/1.x \
            connection at all says so, so that an empty report is never silent.
            """ + CaptureReader.noTextExample,
        fix: "Capture plain-text HTTP/1.x (before TLS, or with the server's TLS turned off), or narrow with --port",
        spec: [.rfc9112("3"), SpecReference(rfc: 9113, section: "3.4"), SpecReference(rfc: 8446, section: "5.1")],
        reportedBy: CaptureReader.reportedBy,
        triggering: [],
        nonTriggering: []
    )
}
