import HTTPLintCore

/// A Content-Type parameter in the RFC 8187 `name*` notation, which media types do not define.
struct ContentTypeExtendedParameter: Rule {
    static let description = RuleDescription(
        id: "content-type-extended-parameter",
        severity: .info,
        category: .fields,
        summary: "Content-Type parameter written as `name*=charset'lang'value` (RFC 8187), which Content-Type does not define",
        rationale: """
            RFC 8187's extended notation, a parameter name ending in `*` with a \
            `charset'language'percent-encoded` value, applies only to the fields whose \
            definitions adopt it (§4: a field specification has to say so and use ext-value \
            in its grammar), such as Content-Disposition's filename* (RFC 6266) and Link's \
            title* (RFC 8288). Media type parameters (RFC 9110 §8.3.1, §5.6.6) do not, so a \
            recipient reads `charset*=UTF-8''utf-8` as an unknown parameter called \
            `charset*`, and whatever it was meant to say is lost. Advice, since an unknown \
            parameter is allowed.
            """,
        fix: "Write the parameter plainly, as a token or quoted string: `charset=utf-8`",
        spec: [SpecReference(rfc: 8187, section: "4"), .rfc9110("8.3.1")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/plain; charset*=UTF-8''utf-8\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: application/octet-stream; name*=UTF-8''r%C3%A9sum%C3%A9.pdf\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/plain; charset=utf-8\nContent-Length: 0\n\n"),
            // Content-Disposition defines filename*.
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"resume.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for line in report.reading(ContentTypes.self, of: response).all {
            guard let mediaType = line.mediaType else { continue }
            for parameter in mediaType.parameters where parameter.name.hasSuffix("*") {
                report.add("Content-Type parameter '\(Printable.escape(parameter.name))' uses RFC 8187 extended notation, which Content-Type does not define; recipients read it as an unknown parameter",
                           at: line.field.valueSpan, status: response.status)
            }
        }
    }
}
