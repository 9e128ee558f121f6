import HTTPLintCore

/// A charset parameter on application/json, which defines none.
struct JSONCharsetParameter: Rule {
    static let description = RuleDescription(
        id: "json-charset-parameter",
        severity: .info,
        category: .fields,
        summary: "charset parameter on application/json, a type that defines none",
        rationale: """
            RFC 8259 §11, the application/json registration: "No 'charset' parameter is \
            defined for this registration. Adding one really has no effect on compliant \
            recipients." JSON exchanged between systems is UTF-8 (§8.1) whatever the label, so \
            charset=utf-8 is noise, and any other charset is wrong: recipients decode as \
            UTF-8 regardless. Other JSON types (+json, RFC 6839 §3.1) have their own \
            registrations and are not judged. Opt-in: frameworks add charset=utf-8 by default \
            and it does no harm.
            """,
        fix: "Send `Content-Type: application/json` without a charset, and the JSON in UTF-8",
        spec: [SpecReference(rfc: 8259, section: "11"), SpecReference(rfc: 8259, section: "8.1")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        isEnabledByDefault: false,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json; charset=utf-8\nContent-Length: 2\n\n{}", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: Application/JSON;Charset=ISO-8859-1\nContent-Length: 2\n\n{}", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Length: 2\n\n{}"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/problem+json; charset=utf-8\nContent-Length: 2\n\n{}"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/plain; charset=utf-8\nContent-Length: 2\n\n{}"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for line in report.reading(ContentTypes.self, of: response).all {
            guard let mediaType = line.mediaType, mediaType.type == "application", mediaType.subtype == "json",
                  let charset = mediaType.parameter("charset") else { continue }
            let label = charset.value.map { SourceText.decode($0[...]) } ?? ""
            let isUTF8 = EncodingEquivalence.encoding(of: label) == .utf8
            report.add("application/json has charset=\(Printable.escape(label)), a parameter RFC 8259 does not define"
                       + (isUTF8 ? " (JSON is UTF-8 anyway)" : "; recipients read JSON as UTF-8 whatever it says"),
                       at: line.field.valueSpan, status: response.status)
        }
    }
}
