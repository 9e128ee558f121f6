import HTTPLintCore

/// An HTML or XML document that declares another encoding for itself than its Content-Type.
struct CharsetDeclarationMismatch: Rule {
    static let description = RuleDescription(
        id: "charset-declaration-mismatch",
        severity: .warning,
        category: .content,
        summary: "HTML <meta charset> or XML encoding declaration that names another encoding than the Content-Type charset",
        rationale: """
            An HTML page can declare its encoding in a <meta charset> or <meta \
            http-equiv="Content-Type"> within its first 1024 bytes (HTML Standard §4.2.5.4), \
            and an XML document in its XML declaration (XML 1.0 §4.3.3); the Content-Type \
            charset (RFC 9110 §8.3.2) says it too. When both are there, the field wins for \
            browsers (the HTML Standard's encoding sniffing takes the transport layer's \
            charset before the prescan) and for XML processors (RFC 7303 §3.2: absent a BOM, \
            the charset parameter is authoritative), so the document's own declaration is \
            ignored until the file is saved, cached without its fields or opened elsewhere, \
            and then the text decodes differently. One of the two is wrong, and non-ASCII \
            text shows it. Labels are compared as the Encoding Standard groups them, so \
            iso-8859-1, latin1 and windows-1252 agree, as do utf-8 and utf8; labels httplint \
            does not know, a UTF-16 label (HTML reads a meta UTF-16 as UTF-8; UTF-16 text has \
            no ASCII declaration to find) and content starting with a byte order mark \
            (bom-contradicts-charset) are not judged. The content is read with its gzip and \
            deflate codings undone.
            """,
        fix: "Make the declarations agree: the same charset in Content-Type and in the document (UTF-8 in both, ideally)",
        spec: [.rfc9110("8.3.2"), SpecReference(rfc: 7303, section: "3.2"),
               SpecReference(document: "HTML", section: "4.2.5.4 Specifying the document's character encoding",
                             url: "https://html.spec.whatwg.org/multipage/semantics.html#charset"),
               SpecReference(document: "XML 1.0", section: "4.3.3 Character Encoding in Entities",
                             url: "https://www.w3.org/TR/xml/#charencoding")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/html; charset=iso-8859-1\nContent-Length: 65\n\n<!doctype html><html><head><meta charset=\"utf-8\"><title>x</title>", line: 6),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/html; charset=utf-8\nContent-Length: 90\n\n<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\"></head>", line: 6),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/rss+xml; charset=utf-8\nContent-Length: 51\n\n<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss/>", line: 6),
        ],
        nonTriggering: [
            // Labels of one encoding.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/html; charset=ISO-8859-1\nContent-Length: 39\n\n<html><head><meta charset=windows-1252>"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/xml; charset=UTF-8\nContent-Length: 45\n\n<?xml version='1.0' encoding='utf8'?>\n<a/>\n"),
            // A meta inside a comment, a meta without a charset, and no charset in the field.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/html; charset=utf-8\nContent-Length: 80\n\n<html><!-- <meta charset=\"iso-8859-2\"> --><meta name=\"charset\" content=\"latin2\">"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/html\nContent-Length: 31\n\n<meta charset=\"windows-1251\">\n"),
            // XML with no charset parameter: the declaration decides (RFC 7303 §3.2).
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/xml\nContent-Length: 47\n\n<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n<a/>\n"),
            // A meta charset in an XML type, an XML declaration in HTML: neither counts there.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/xhtml+xml; charset=utf-8\nContent-Length: 41\n\n<html><meta charset=\"iso-8859-1\"/></html>"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        // No content to read: nothing to judge, whatever the Content-Type says.
        let content = report.reading(ContentReading.self, of: response)
        guard content.mayHaveText else { return }
        let reading = CharsetReading.of(response, report)
        guard let declared = reading.declaredEncoding, !declared.isUTF16, reading.isHTML || reading.isXML else { return }
        guard let (found, wasDecoded) = content.withText({ bytes, wasDecoded -> ((label: String, offset: Int)?, Bool) in
            guard ContentText.byteOrderMark(bytes) == nil else { return (nil, wasDecoded) }
            return (reading.isHTML ? ContentText.htmlMetaCharset(bytes) : ContentText.xmlDeclaredEncoding(bytes), wasDecoded)
        }) else { return }
        guard let found, let own = EncodingEquivalence.encoding(of: found.label), !own.isUTF16, own != declared else { return }
        let what = reading.isHTML ? "its <meta> declares charset" : "its XML declaration says encoding="
        report.add("Content-Type declares charset=\(Printable.escape(reading.declaredLabel ?? "")) (\(declared.rawValue)) but \(what) '\(Printable.escape(found.label))' (\(own.rawValue))"
                   + (wasDecoded ? " at byte \(found.offset) of the decoded content" : ""),
                   at: content.span(at: wasDecoded ? 0 : found.offset), status: response.status)
    }
}
