import HTTPLintCore

/// A byte arrived twice, with two values.
struct CaptureDifferingRetransmission: InputNoteRule {
    static let description = RuleDescription(
        id: "capture-differing-retransmission",
        severity: .info,
        category: .capture,
        summary: "Retransmitted bytes differ from the copy captured first; the first copy is read",
        rationale: """
            A retransmitted segment carries sequence numbers already received; the receiving \
            stack keeps the bytes it has and processes only the new part of a segment that \
            straddles old and new data (RFC 9293 §3.10.7.4). A sender retransmits the same \
            bytes, so two copies that differ mean a sender that changed data it had sent, a \
            middlebox rewriting it, corruption the checksum did not catch, or a capture edited \
            afterwards. The reader keeps the first copy, as the receiver would, and names the \
            stream offset and both frames so the two can be compared.
            """ + CaptureReader.noTextExample,
        fix: "Compare the two frames named in the finding; find what changed the bytes between the two sendings",
        spec: [.rfc9293("3.10.7.4"), .rfc9293("3.4")],
        reportedBy: CaptureReader.reportedBy,
        triggering: [],
        nonTriggering: []
    )
}
