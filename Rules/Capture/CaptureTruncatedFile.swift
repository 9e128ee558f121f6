import HTTPLintCore

/// The capture file itself is cut short or malformed.
struct CaptureTruncatedFile: InputNoteRule {
    static let description = RuleDescription(
        id: "capture-truncated-file",
        severity: .warning,
        category: .capture,
        summary: "The capture file ends inside a packet or block, or a block is malformed; the packets before it are read",
        rationale: """
            A pcap file is a file header followed by packet records, each with a header \
            giving the length captured; a pcapng file is a sequence of blocks, each starting \
            and ending with its total length, a multiple of 4 and at least 12. A file whose \
            last record or block is shorter than it announces was cut (a capture still being \
            written, a copy interrupted), and a block with an impossible length cannot be \
            stepped over. The reader reads every packet before that point and says where it \
            stopped; the connections then end where the file does.
            """ + CaptureReader.noTextExample,
        fix: "Copy the capture again once tcpdump or dumpcap has stopped, or repair it (editcap, pcapfix)",
        spec: [CaptureReader.pcap("5 Packet Record", "section-5"), CaptureReader.pcapng("3.1 General Block Structure", "section-3.1")],
        reportedBy: CaptureReader.reportedBy,
        triggering: [],
        nonTriggering: []
    )
}
