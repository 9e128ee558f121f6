import HTTPLintCore

/// A stream grew past what is kept of one direction of a connection.
struct CaptureLimitExceeded: InputNoteRule {
    static let description = RuleDescription(
        id: "capture-limit-exceeded",
        severity: .warning,
        category: .capture,
        summary: "A direction of a connection outgrew the bytes kept per connection; the rest is not read",
        rationale: """
            The reader keeps each direction of a connection up to a limit (64 MiB, or \
            `--max-input-size` when smaller), so that a capture of any size is read in memory \
            bounded by that limit times the connections open at once, not by the file. A \
            stream that reaches it, in order or waiting behind a hole (RFC 9293 §3.4: bytes \
            after missing sequence numbers are held until those arrive), is read up to the \
            limit; the exchange the limit cuts and those after it are not linted, rather than \
            judged on bytes cut short by httplint.
            """ + CaptureReader.noTextExample,
        fix: "Raise --max-input-size, or capture fewer or shorter exchanges per connection",
        spec: [.rfc9293("3.4"), .rfc9112("6.3")],
        reportedBy: CaptureReader.reportedBy,
        triggering: [],
        nonTriggering: []
    )
}
