import HTTPLintCore

/// What the rules of this folder share: they are notes of the packet-capture reader, not
/// checks of exchanges.
enum CaptureReader {
    /// The reader that reports them, and why they show no example.
    static let reportedBy = "the packet-capture reader (pcap and pcapng files, `--input pcap`)"

    /// Said after each rationale: the examples of these rules are captures.
    static let noTextExample = """
         No example is shown: its input is a capture file, binary packets that the examples \
        (a response and a request written as text) cannot express; the capture tests build \
        packets that report it and near-misses that do not.
        """

    /// The pcap and pcapng file formats.
    static func pcap(_ section: String, _ anchor: String) -> SpecReference {
        SpecReference(document: "draft-ietf-opsawg-pcap", section: section,
                      url: "https://datatracker.ietf.org/doc/html/draft-ietf-opsawg-pcap#\(anchor)")
    }

    static func pcapng(_ section: String, _ anchor: String) -> SpecReference {
        SpecReference(document: "draft-ietf-opsawg-pcapng", section: section,
                      url: "https://datatracker.ietf.org/doc/html/draft-ietf-opsawg-pcapng#\(anchor)")
    }
}

extension SpecReference {
    /// RFC 9293, Transmission Control Protocol.
    static func rfc9293(_ section: String) -> Self { Self(rfc: 9293, section: section) }
}
