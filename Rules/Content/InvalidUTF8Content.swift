import HTTPLintCore

/// Content declared as UTF-8 by its charset parameter, or XML that is UTF-8 for want of any
/// declaration, that is not UTF-8.
struct InvalidUTF8Content: Rule {
    static let description = RuleDescription(
        id: "invalid-utf8-content",
        severity: .warning,
        category: .content,
        summary: "Content declared charset=utf-8, or XML with no encoding declared anywhere, that is not valid UTF-8",
        rationale: """
            RFC 9110 §8.3.2: the charset parameter names the encoding of textual content, and \
            recipients decode by it. UTF-8 (RFC 3629 §3, §4) has no overlong forms, no \
            surrogates and nothing past U+10FFFF; a byte outside a well-formed sequence makes \
            browsers show U+FFFD (the Encoding Standard's UTF-8 decoder replaces it) and makes \
            strict decoders (Python, Java, Go's validation, XML parsers) fail. The usual cause \
            is text stored in windows-1252 or ISO-8859-1 served under a UTF-8 label, or text \
            cut in the middle of a character. Every UTF-8 label (utf-8, utf8, \
            unicode-1-1-utf-8…) counts. httplint reads the content with its gzip and deflate \
            codings undone, up to 16 MB, and names the first bad byte: its offset in the \
            content as sent, or in the decoded content. Only types whose charset parameter \
            names the encoding are judged: text/*, XML (RFC 7303 §3) and JavaScript (RFC 9239 \
            §4.1); a charset on an image or octets means nothing, and JSON types are left to \
            invalid-json-content, which reads them as UTF-8 whatever the label. Content that \
            starts with a UTF-16 byte order mark is left to bom-contradicts-charset. XML with \
            no charset parameter is judged too when nothing else names its encoding: RFC 7303 \
            §3.2 leaves it to XML 1.0 §4.3.3, under which an entity with no byte order mark \
            and no encoding declaration is UTF-8 (another encoding MUST be declared), so a \
            non-UTF-8 byte there is a fatal error for XML processors. Responses without \
            content, 206 parts and content cut short are not judged.
            """,
        fix: "Serve the text in UTF-8 (re-encode the file or template), or declare the charset it is really in",
        spec: [.rfc9110("8.3.2"), SpecReference(rfc: 3629, section: "4"), SpecReference(rfc: 3629, section: "3"),
               SpecReference(rfc: 7303, section: "3.2"),
               SpecReference(document: "XML 1.0", section: "4.3.3 Character Encoding in Entities",
                             url: "https://www.w3.org/TR/xml/#charencoding")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            // "café" in ISO-8859-1 under a UTF-8 label.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/plain; charset=utf-8\nContent-Length: 5\n\n",
                         Array("caf".utf8) + [0xE9, 0x0A], line: 6),
            // A character cut in two at the end; the label written as utf8.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/html; charset=\"UTF8\"\nContent-Length: 5\n\n",
                         Array("<p>".utf8) + [0xE2, 0x82], line: 6),
            // An encoded surrogate (CESU-8), not UTF-8.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/css; charset=utf-8\nContent-Length: 3\n\n",
                         [0xED, 0xA0, 0x80], line: 6),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/atom+xml; charset=utf-8\nContent-Length: 9\n\n",
                         Array("<a>".utf8) + [0xFC] + Array("</a>".utf8) + [0x0A], line: 6),
            // XML with no charset, no byte order mark and no encoding declaration is UTF-8.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/xml\nContent-Length: 29\n\n",
                         Array("<?xml version=\"1.0\"?><a>".utf8) + [0xFC] + Array("</a>".utf8), line: 6),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/plain; charset=utf-8\nContent-Length: 15\n\ncaf\u{e9} \u{1F600} ok\n"),
            // The same bytes declared ISO-8859-1, or with no charset: not judged.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/plain; charset=iso-8859-1\nContent-Length: 5\n\n",
                         Array("caf".utf8) + [0xE9, 0x0A]),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/plain\nContent-Length: 5\n\n",
                         Array("caf".utf8) + [0xE9, 0x0A]),
            // The same XML declaring its encoding, or with a charset parameter that is not UTF-8.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/xml\nContent-Length: 51\n\n",
                         Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>".utf8) + [0xFC] + Array("</a>".utf8)),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/xml; charset=windows-1252\nContent-Length: 8\n\n",
                         Array("<a>".utf8) + [0xFC] + Array("</a>".utf8)),
            // JSON is invalid-json-content's.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json; charset=utf-8\nContent-Length: 4\n\n",
                         [0x22, 0xE9, 0x22, 0x0A]),
            // A charset on a type that has none: an image.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: image/png; charset=utf-8\nContent-Length: 4\n\n",
                         [0x89, 0x50, 0x4E, 0x47]),
            // UTF-16 with its byte order mark under a UTF-8 label: bom-contradicts-charset's.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/plain; charset=utf-8\nContent-Length: 6\n\n",
                         [0xFF, 0xFE, 0x68, 0x00, 0xE9, 0x00]),
            // A response to HEAD has no content.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/plain; charset=utf-8\nContent-Length: 5\n\n",
                    request: "HEAD / HTTP/1.1\nHost: example.com\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let content = report.reading(ContentReading.self, of: response)
        guard content.mayHaveText else { return }
        let reading = CharsetReading.of(response, report)
        let declared = reading.declaredEncoding == .utf8 && reading.isCharsetText
        // XML with no charset parameter: UTF-8 unless a mark or a declaration says otherwise.
        let implied = reading.isXML && reading.declaredLabel == nil
        guard declared || implied else { return }
        guard let found = content.withText({ bytes, wasDecoded -> (offset: Int, byte: UInt8, wasDecoded: Bool)? in
            guard ContentText.byteOrderMark(bytes).map({ $0.encoding == .utf8 }) ?? true,
                  !implied || !ContentText.xmlDeclarationNamesEncoding(bytes),
                  let offset = ContentText.firstNonUTF8Byte(bytes) else { return nil }
            return (offset, bytes[offset], wasDecoded)
        }), let (offset, bad, wasDecoded) = found else { return }
        let byte = "0x" + String(bad, radix: 16, uppercase: true)
        let place = wasDecoded ? "byte \(offset) of the decoded content" : "byte \(offset) of the content"
        let premise = declared ? "the content is declared charset=\(Printable.escape(reading.declaredLabel ?? ""))"
            : "\(reading.typeName) content with no charset parameter, byte order mark or encoding declaration is UTF-8 (XML 1.0 §4.3.3)"
        report.add("\(premise) but \(place) (\(byte)) does not start a well-formed UTF-8 sequence",
                   at: content.span(at: wasDecoded ? 0 : offset), status: response.status)
    }
}
