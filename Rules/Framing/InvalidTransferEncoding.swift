import HTTPLintCore

/// Transfer-Encoding with a coding that is not a token, or with chunked applied twice.
struct InvalidTransferEncoding: DeviationRule {
    static let deviation = Deviation.Kind.invalidTransferEncoding
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Transfer-Encoding with a coding that is not a token, an empty member, chunked with parameters, or chunked twice",
        rationale: """
            RFC 9112 §6.1: `Transfer-Encoding = #transfer-coding`, each coding a token with \
            optional parameters (§7), and "A sender MUST NOT apply the chunked transfer coding more \
            than once to a message body"; the chunked coding "does not define any parameters" (§7.1). \
            Recipients that disagree on such values disagree on the \
            framing.
            """,
        fix: "Send `Transfer-Encoding: chunked` once, with only registered codings before it",
        spec: [.rfc9112("6.1"), .rfc9112("7")],
        fields: ["Transfer-Encoding"],
        triggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked, chunked\n\n0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: \"chunked\"\n\n0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked abc\n\n0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked;foo=bar\n\n0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked, \n\n0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n0\n\n"),
        ]
    )
}
