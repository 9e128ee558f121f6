import HTTPLintCore

/// A media type parameter given twice (`charset=utf-8; charset=iso-8859-1`).
struct RepeatedMediaTypeParameter: Rule {
    static let description = RuleDescription(
        id: "repeated-media-type-parameter",
        severity: .error,
        category: .fields,
        summary: "Content-Type with the same parameter twice, such as two charsets",
        rationale: """
            RFC 6838 §4.3: parameter names are case-insensitive and "it is an error for a \
            specific parameter to be specified more than once". With two charsets (or two \
            boundaries) recipients pick different ones: some take the first, some the last, \
            so the same bytes decode differently from one client to the next.
            """,
        fix: "Send each parameter once: `Content-Type: text/html; charset=utf-8`",
        spec: [SpecReference(rfc: 6838, section: "4.3"), .rfc9110("8.3.1"), .rfc9110("5.6.6")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/html; charset=utf-8; Charset=iso-8859-1\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: text/html; charset=utf-8\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Type: multipart/related; type=\"text/html; charset=utf-8\"; boundary=x\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for line in report.reading(ContentTypes.self, of: response).all {
            let field = line.field, mediaType = line.mediaType
            // One parameter or none (the usual case) cannot repeat: no table built.
            guard let mediaType, mediaType.parameters.count > 1 else { continue }
            var seen: [String: String] = [:]
            var reported = Set<String>()
            for parameter in mediaType.parameters {
                if let first = seen[parameter.key] {
                    guard reported.insert(parameter.key).inserted else { continue }
                    report.add("Content-Type has the parameter \(parameter.key) more than once ('\(Printable.escape(first))' and '\(Printable.escape(parameter.text))')",
                               at: field.valueSpan, status: response.status)
                } else {
                    seen[parameter.key] = parameter.text
                }
            }
        }
    }
}
