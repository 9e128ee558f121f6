import HTTPLintCore

/// Filenames that user agents decode differently: raw non-ASCII, or an extended value that is not UTF-8.
struct UnportableContentDispositionFilename: Rule {
    static let description = RuleDescription(
        id: "unportable-content-disposition-filename",
        severity: .warning,
        category: .fields,
        summary: "Content-Disposition filename with raw non-ASCII bytes, or filename* in a charset other than UTF-8",
        rationale: """
            A plain `filename` parameter carries no charset: RFC 6266 Appendix D advises \
            against non-ASCII characters in it, since most user agents decode them as \
            ISO-8859-1 and some guess UTF-8, so the saved name differs between browsers. \
            Names that need non-ASCII characters go in `filename*` (§4.3), whose RFC 8187 \
            ext-value states the charset; RFC 8187 §3.2.1 tells producers to use UTF-8 (the \
            ISO-8859-1 that RFC 5987 also allowed is no longer required of recipients), and \
            RFC 6266 Appendix D gives the same advice because some implementations support \
            nothing else.
            """,
        fix: "Put an ASCII fallback in `filename=\"…\"` and the real name in `filename*=UTF-8''` with percent-encoded UTF-8",
        spec: [SpecReference(rfc: 6266, section: "D"), SpecReference(rfc: 8187, section: "3.2.1"),
               SpecReference(rfc: 6266, section: "4.3")],
        fields: ["Content-Disposition"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename=\"na\u{EF}ve.txt\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename*=ISO-8859-1''na%EFve.txt\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename=\"naive.txt\"; filename*=UTF-8''na%C3%AFve.txt\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename*=utf-8'fr'na%C3%AFve.txt\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.contentDisposition) {
            // A value that does not parse is invalid-content-disposition's.
            guard case .success(let disposition) = InvalidContentDisposition.parse(field.valueUTF8) else { continue }
            for parameter in disposition.parameters {
                guard let bytes = parameter.value else { continue }
                if parameter.key == "filename", bytes.contains(where: { $0 >= 0x80 }) {
                    report.add("Content-Disposition filename \"\(Printable.escape(bytes))\" has non-ASCII bytes, which user agents decode differently; add filename*=UTF-8''… for them",
                               at: field.valueSpan, status: response.status)
                } else if parameter.key == "filename*", !parameter.isQuoted,
                          case .success(let extValue) = ExtValue.parse(bytes), !extValue.isUTF8 {
                    report.add("Content-Disposition filename* is in \(Printable.escape(extValue.charset)); RFC 8187 requires UTF-8 from senders",
                               at: field.valueSpan, status: response.status)
                }
            }
        }
    }
}
