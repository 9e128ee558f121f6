import HTTPLintCore

/// A charset label that browsers map to the replacement encoding: the content becomes one U+FFFD.
struct CharsetReplacementEncoding: Rule {
    static let description = RuleDescription(
        id: "charset-replacement-encoding",
        severity: .warning,
        category: .fields,
        summary: "Content-Type charset that browsers map to the replacement encoding, so the content shows as a single U+FFFD",
        rationale: """
            The Encoding Standard (§4.2 and the replacement encoding, §14.1) maps the labels \
            iso-2022-kr, csiso2022kr, iso-2022-cn, iso-2022-cn-ext, hz-gb-2312 and \
            replacement to the replacement encoding, whose decoder turns any content into a \
            single U+FFFD. These encodings could smuggle markup past filters, so browsers \
            refuse to decode them: an HTML page, stylesheet, script or text file labelled \
            so shows nothing of what was sent. Only media types browsers decode by their \
            charset (text, XML and script types) are reported.
            """,
        fix: "Convert the content to UTF-8 and label it `charset=utf-8`",
        spec: [SpecReference(document: "Encoding Standard", section: "4.2 Names and labels", url: "https://encoding.spec.whatwg.org/#names-and-labels"),
               SpecReference(document: "Encoding Standard", section: "14.1 replacement", url: "https://encoding.spec.whatwg.org/#replacement")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/html; charset=ISO-2022-KR\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/plain; charset=\"hz-gb-2312\"\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/html; charset=ISO-2022-JP\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: application/octet-stream; charset=iso-2022-kr\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for line in report.reading(ContentTypes.self, of: response).all {
            guard let mediaType = line.mediaType, EncodingLabels.isDecodedByLabel(mediaType),
                  let charset = mediaType.parameter("charset"), !EncodingLabels.isUTF8(charset.value),
                  EncodingLabels.replacement.contains(EncodingLabels.normalized(charset.text)) else { continue }
            report.add("charset '\(Printable.escape(charset.text))' is one browsers map to the replacement encoding; they show the content as a single U+FFFD",
                       at: line.field.valueSpan, status: response.status)
        }
    }
}
