import HTTPLintCore

/// A charset written in a spelling that the IANA registry does not list (`utf8`, `latin-1`).
struct UnregisteredCharset: Rule {
    static let description = RuleDescription(
        id: "unregistered-charset",
        severity: .warning,
        category: .fields,
        summary: "Content-Type charset misspelt, such as `utf8` or `ISO8859-1`, instead of its registered name",
        rationale: """
            RFC 9110 §8.3.2: charset names are matched case-insensitively and ought to be \
            registered in the IANA "Character Sets" registry, which lists each charset's name \
            and aliases. Spellings that are not there (`utf8`, `UTF_8`, `ISO8859-1`, `cp1252`) \
            are understood by browsers, whose Encoding Standard knows extra labels, but not \
            by every other recipient, which then falls back to a default and shows mojibake. \
            Only spellings of common charsets are reported; names that resemble none of them \
            are left alone.
            """,
        fix: "Write the registered name, such as `charset=utf-8` or `charset=iso-8859-1`",
        spec: [.rfc9110("8.3.2"), .rfc9110("8.3.1")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/html; charset=utf8\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/plain; charset=\"ISO8859-1\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/plain; charset=cp1252\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/html; charset=UTF-8\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/plain; charset=latin1\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/plain; charset=\"Shift_JIS\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/plain; charset=x-mac-roman\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for line in report.reading(ContentTypes.self, of: response).all {
            let field = line.field, mediaType = line.mediaType
            guard let mediaType else { continue }
            // utf-8 (any case), the usual value, is a registered name: no string is built for it.
            for parameter in mediaType.parameters where parameter.key == "charset" && !EncodingLabels.isUTF8(parameter.value) {
                let name = parameter.text
                guard let registered = CharsetNames.registeredSpelling(of: name) else { continue }
                report.add("charset '\(Printable.escape(name))' is not a registered charset name; the registered name is \(registered)",
                           at: field.valueSpan, status: response.status)
            }
        }
    }
}
