import HTTPLintCore

/// Content that starts with a byte order mark of another encoding than its charset names.
struct ByteOrderMarkContradictsCharset: Rule {
    static let description = RuleDescription(
        id: "bom-contradicts-charset",
        severity: .warning,
        category: .content,
        summary: "Content starts with a UTF-8 or UTF-16 byte order mark but Content-Type declares another charset",
        rationale: """
            The charset parameter (RFC 9110 §8.3.2) and a byte order mark at the start of the \
            content both say how to decode it, and here they disagree. Recipients pick \
            different sides: browsers let the mark win (the Encoding Standard's decode \
            sniffs it before the label), XML processors do too (RFC 7303 §3.2: a BOM is \
            authoritative), while other decoders follow the label and show the mark as \
            'ï»¿' (a UTF-8 mark read as windows-1252) or the whole text as garbage (UTF-16 \
            read as a one-byte encoding). The usual cause is a file saved 'with BOM' by an \
            editor behind a server that labels everything ISO-8859-1. Labels are compared as \
            the Encoding Standard groups them (utf8 is UTF-8; any UTF-16 label accepts either \
            UTF-16 mark); labels httplint does not know, and types whose charset parameter \
            means nothing (images, JSON, octets), are not judged. The content is read with its \
            gzip and deflate codings undone.
            """,
        fix: "Make the label and the content agree: declare the encoding the mark names (charset=utf-8), or save the file without the mark in the declared encoding",
        spec: [.rfc9110("8.3.2"), SpecReference(rfc: 7303, section: "3.2"),
               SpecReference(document: "Encoding", section: "6 decode", url: "https://encoding.spec.whatwg.org/#decode")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/html; charset=iso-8859-1\nContent-Length: 16\n\n",
                         [0xEF, 0xBB, 0xBF] + Array("<p>hello</p>".utf8) + [0x0A], line: 6),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/plain; charset=utf-8\nContent-Length: 6\n\n",
                         [0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00], line: 6),
        ],
        nonTriggering: [
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/plain; charset=UTF8\nContent-Length: 6\n\n",
                         [0xEF, 0xBB, 0xBF] + Array("hi\n".utf8)),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/plain; charset=utf-16\nContent-Length: 6\n\n",
                         [0xFE, 0xFF, 0x00, 0x68, 0x00, 0x69]),
            // No charset, or one httplint does not know: not judged.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/plain\nContent-Length: 6\n\n",
                         [0xEF, 0xBB, 0xBF] + Array("hi\n".utf8)),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/plain; charset=x-custom\nContent-Length: 6\n\n",
                         [0xEF, 0xBB, 0xBF] + Array("hi\n".utf8)),
            // Non-ASCII text with no mark.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/plain; charset=iso-8859-1\nContent-Length: 7\n\nabc\u{e9}\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let content = report.reading(ContentReading.self, of: response)
        guard content.mayHaveText else { return }
        let reading = CharsetReading.of(response, report)
        guard let declared = reading.declaredEncoding, reading.isCharsetText else { return }
        guard let (found, wasDecoded) = content.withText({ (ContentText.byteOrderMark($0), $1) }), let mark = found else { return }
        let agrees = mark.encoding == .utf8 ? declared == .utf8 : declared.isUTF16
        guard !agrees else { return }
        let markName = mark.encoding == .utf8 ? "UTF-8" : "UTF-16 (\(mark.encoding == .utf16be ? "big" : "little")-endian)"
        report.add("the \(wasDecoded ? "decoded " : "")content starts with a \(markName) byte order mark but Content-Type declares charset=\(Printable.escape(reading.declaredLabel ?? "")) (\(declared.rawValue)): "
                   + "browsers decode it as \(mark.encoding == .utf8 ? "UTF-8" : "UTF-16"), recipients that follow the label as \(declared.rawValue)",
                   at: content.span(at: 0), status: response.status)
    }
}
