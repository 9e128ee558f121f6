import HTTPLintCore

/// Content codings outside the IANA registry.
struct UnknownContentCoding: Rule {
    static let description = RuleDescription(
        id: "unknown-content-coding",
        severity: .warning,
        category: .fields,
        summary: "Content-Encoding with a coding that is not registered",
        rationale: """
            RFC 9110 §8.4.1: content codings are registered with IANA (§16.6); a recipient \
            that does not know a coding cannot decode the content, and "an origin server MAY \
            respond with a status code of 415" to such requests. Unknown codings in responses \
            leave clients with undecodable bytes. Coding names compare case-insensitively.
            """,
        fix: "Use a registered coding such as gzip, br, zstd or deflate, or send the content unencoded",
        spec: [.rfc9110("8.4.1"), .rfc9110("16.6")],
        fields: ["Content-Encoding"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Encoding: brotli\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Encoding: gzip, lz4\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Encoding: GZIP\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Encoding: br\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Encoding: zstd\nContent-Length: 0\n\n"),
        ]
    )

    /// The IANA HTTP Content Coding Registry.
    static let registered: Set<String> = ["aes128gcm", "br", "compress", "dcb", "dcz", "deflate", "exi", "gzip", "identity",
                                          "pack200-gzip", "x-compress", "x-gzip", "zstd"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.contentEncoding) {
            for coding in field.listElements where !Self.registered.contains(coding.asciiLowercased()) {
                report.add("content coding '\(Printable.escape(coding))' is not registered; clients cannot decode it",
                           at: field.valueSpan, status: response.status)
            }
        }
    }
}
