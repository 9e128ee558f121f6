import HTTPLintCore

/// Chunk size that is not hexadecimal digits.
struct InvalidChunkSize: DeviationRule {
    static let deviation = Deviation.Kind.invalidChunkSize
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Chunk size that is not hexadecimal digits",
        rationale: """
            RFC 9112 §7.1: `chunk-size = 1*HEXDIG`, followed only by chunk extensions and CRLF. \
            Prefixes such as `0x`, signs and other bytes make the size unreadable; recipients \
            that guess differently split the stream differently. The framing is lost from there \
            on, so the rest of the input is read as content.
            """,
        fix: "Write each chunk size as plain hexadecimal digits followed by CRLF",
        spec: [.rfc9112("7.1")],
        triggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n0x2\nok\n0\n\n", line: 4),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\nzz\nok\n0\n\n", line: 4),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n\n", line: 4),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n1A\nabcdefghijklmnopqrstuvwxyz\n0\n\n"),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n0000000000000000002\nok\n00000000000000000000\n\n"),
        ]
    )
}
