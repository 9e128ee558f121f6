import HTTPLintCore

/// A charset label that browsers decode as a different encoding from the one it names.
struct CharsetLabelRemapped: Rule {
    static let description = RuleDescription(
        id: "charset-label-remapped",
        severity: .info,
        category: .fields,
        summary: "Content-Type charset that browsers decode as another encoding than the one it names (ISO-8859-1 as windows-1252), on content where the two differ",
        rationale: """
            The Encoding Standard's label table (§4.2) maps some labels to a different \
            encoding from the one their name registers: iso-8859-1, latin1 and us-ascii to \
            windows-1252; iso-8859-9 to windows-1254; iso-8859-11 and tis-620 to windows-874; \
            utf-16 and its aliases to UTF-16LE. Browsers therefore read some bytes \
            differently from other recipients, which follow the registered charset (RFC 9110 \
            §8.3.2): the same content shows differently in a browser and in a tool or \
            library. It is reported only when the content has such bytes (so a pure-ASCII \
            page labelled iso-8859-1 is not), which needs the content without a content \
            coding; and only for media types browsers decode by their charset (text, XML \
            and script types).
            """,
        fix: "Label the content with the encoding it is really in (often windows-1252), or better convert it to UTF-8",
        spec: [SpecReference(document: "Encoding Standard", section: "4.2 Names and labels", url: "https://encoding.spec.whatwg.org/#names-and-labels"),
               .rfc9110("8.3.2")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/html; charset=ISO-8859-1\nContent-Length: 7\n\n", [0x93, 0x68, 0x69, 0x94, 0x20, 0x80, 0x0A], line: 3),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/plain; charset=us-ascii\nContent-Length: 5\n\n", [0x63, 0x61, 0x66, 0xE9, 0x0A], line: 3),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: application/xml; charset=\"UTF-16\"\nContent-Length: 4\n\n", [0x00, 0x3C, 0x00, 0x61], line: 3),
        ],
        nonTriggering: [
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/html; charset=windows-1252\nContent-Length: 2\n\n", [0x80, 0x0A]),
            // Nothing in the content reads differently.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/html; charset=iso-8859-1\nContent-Length: 5\n\n", [0x63, 0x61, 0x66, 0xE9, 0x0A]),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: application/xml; charset=utf-16\nContent-Length: 4\n\n", [0xFE, 0xFF, 0x00, 0x3C]),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/html; charset=ISO-8859-15\nContent-Length: 0\n\n"),
            // Not decoded by its label in browsers.
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: application/octet-stream; charset=iso-8859-1\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for line in report.reading(ContentTypes.self, of: response).all {
            guard let mediaType = line.mediaType, EncodingLabels.isDecodedByLabel(mediaType),
                  let charset = mediaType.parameter("charset"), !EncodingLabels.isUTF8(charset.value),
                  let remapping = EncodingLabels.remapped[EncodingLabels.normalized(charset.text)] else { continue }
            var differs = false
            EncodingLabels.withUncodedContent(response) { differs = remapping.differs($0) }
            guard differs else { continue }
            report.add("charset '\(Printable.escape(charset.text))' names \(remapping.named), but browsers decode it as \(remapping.decodedAs), and in this content \(remapping.difference)",
                       at: line.field.valueSpan, status: response.status)
        }
    }
}
