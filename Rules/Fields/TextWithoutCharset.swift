import HTTPLintCore

/// A text/* Content-Type that leaves the charset to the recipient's guess.
struct TextWithoutCharset: Rule {
    static let description = RuleDescription(
        id: "text-without-charset",
        severity: .info,
        category: .fields,
        summary: "text/* Content-Type without a charset parameter",
        rationale: """
            HTTP gives textual media types no default charset any more: RFC 7231 Appendix B \
            removed RFC 2616's ISO-8859-1 default, so the default is whatever the media type \
            says, and RFC 6657 §3 and §4 leave it to each text subtype (text/plain's is still \
            US-ASCII). Charset names are those of RFC 9110 §8.3.2. Without one, recipients use the \
            subtype's default or guess from the content: browsers sniff text/html, and a UTF-8 \
            page can come out as windows-1252. Stating the charset removes the guess. \
            text/event-stream is always UTF-8 and is not reported. Opt-in: many servers leave \
            it out for plain ASCII files.
            """,
        fix: "Add the charset: `Content-Type: text/html; charset=utf-8`",
        spec: [.rfc9110("8.3.2"), SpecReference(rfc: 6657, section: "3"), SpecReference(rfc: 7231, section: "B")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        isEnabledByDefault: false,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/html\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/html; charset=utf-8\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: application/json\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/event-stream\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for line in report.reading(ContentTypes.self, of: response).all {
            let field = line.field, mediaType = line.mediaType
            guard let mediaType, mediaType.type == "text",
                  mediaType.subtype != "event-stream", mediaType.parameter("charset") == nil else { continue }
            report.add("Content-Type \(mediaType.type)/\(mediaType.subtype) has no charset, so recipients fall back to a default or guess",
                       at: field.valueSpan, status: response.status,
                       fix: "Add the charset: `Content-Type: \(mediaType.type)/\(mediaType.subtype); charset=utf-8`")
        }
    }
}
