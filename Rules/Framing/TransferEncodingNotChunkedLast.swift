import HTTPLintCore

/// Transfer-Encoding whose final coding is not chunked.
struct TransferEncodingNotChunkedLast: DeviationRule {
    static let deviation = Deviation.Kind.transferEncodingNotChunkedLast
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .warning,
        category: .framing,
        summary: "Transfer-Encoding whose final coding is not chunked",
        rationale: """
            RFC 9112 §6.1: a server that applies a transfer coding other than chunked "MUST \
            either apply chunked as the final transfer coding or terminate the message by closing \
            the connection", and §6.3 reads such a response until the connection closes. That is \
            legal but fragile: the response cannot be reused on a kept-alive connection, and many \
            clients and proxies reject or misread it (`Transfer-Encoding: gzip`, `chunked, gzip`, \
            obfuscated values such as `xchunked`).
            """,
        fix: "End Transfer-Encoding with chunked (`Transfer-Encoding: gzip, chunked`), or use Content-Encoding for compression",
        spec: [.rfc9112("6.1"), .rfc9112("6.3")],
        fields: ["Transfer-Encoding"],
        triggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: gzip\nConnection: close\n\nxxxx", line: 2),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked, gzip\n\nxxxx", line: 2),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: xchunked\n\nxxxx", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: gzip, chunked\n\n0\n\n"),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: gzip\nTransfer-Encoding: Chunked\n\n0\n\n"),
        ]
    )
}
