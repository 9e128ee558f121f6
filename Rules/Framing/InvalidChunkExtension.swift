import HTTPLintCore

/// Chunk extension that does not follow `;name[=value]`.
struct InvalidChunkExtension: DeviationRule {
    static let deviation = Deviation.Kind.invalidChunkExtension
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Chunk extension that does not follow `;name[=value]`",
        rationale: """
            RFC 9112 §7.1.1: `chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS \
            chunk-ext-val ] )`, where the name is a token and the value a token or a quoted \
            string. Whitespace after the size is allowed only before a `;`. Parsers differ on \
            malformed extensions, which has been used to smuggle requests.
            """,
        fix: "Remove the extension, or write it as `;name=value` with a token or quoted-string value",
        spec: [.rfc9112("7.1.1")],
        triggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2;\nok\n0\n\n", line: 4),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2 \nok\n0\n\n", line: 4),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2;a=\"open\nok\n0\n\n", line: 4),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2;name=value ; q=\"a b\"\nok\n0\n\n"),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2 ;flag\nok\n0\n\n"),
        ]
    )
}
