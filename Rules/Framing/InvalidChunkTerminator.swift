import HTTPLintCore

/// Chunk data not followed by CRLF.
struct InvalidChunkTerminator: DeviationRule {
    static let deviation = Deviation.Kind.invalidChunkTerminator
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Chunk data not followed by CRLF",
        rationale: """
            RFC 9112 §7.1: `chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF`. When the bytes \
            after the chunk data are not CRLF, the chunk size does not match the data, and \
            recipients lose the framing.
            """,
        fix: "Make each chunk size the exact number of data bytes, and end the data with CRLF",
        spec: [.rfc9112("7.1")],
        triggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2\nokay\n0\n\n", line: 5),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n4\nokay\n0\n\n"),
        ]
    )
}
