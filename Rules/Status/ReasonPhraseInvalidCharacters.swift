import HTTPLintCore

/// Control characters or non-ASCII bytes in the reason phrase.
struct ReasonPhraseInvalidCharacters: Rule {
    static let description = RuleDescription(
        id: "reason-phrase-invalid-characters",
        severity: .warning,
        category: .status,
        summary: "Reason phrase with control characters or non-ASCII bytes",
        rationale: """
            RFC 9112 §4: `reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )`. Control \
            characters are not allowed at all, and obs-text (bytes 0x80–0xFF) is allowed only \
            for old implementations: such bytes have no defined character set, so clients show \
            them as mojibake, and some reject the response.
            """,
        fix: "Use a plain US-ASCII reason phrase, such as the registered one",
        spec: [.rfc9112("4"), .rfc9110("5.5")],
        triggering: [
            Example("HTTP/1.1 200 O\u{1}K\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 200 Tr\u{E8}s bien\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 All\tgood (really)!\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            guard let span = response.reasonSpan else { continue }
            let bytes = response.source.bytes
            // CR is the bare-cr rule's.
            guard let bad = span.range.first(where: {
                let byte = bytes[$0]
                return (byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte >= 0x7F
            }) else { continue }
            let what = bytes[bad] >= 0x80 ? "non-ASCII byte 0x\(Printable.hex(bytes[bad]))" : Printable.describe(bytes[bad])
            report.add("reason phrase contains \(what)", at: ByteSpan(offset: bad, length: 1), status: response.status)
        }
    }
}
