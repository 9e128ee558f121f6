import HTTPLintCore

/// A multipart 206 puts Content-Range in each part, never at the top.
struct MultipartByterangesWithContentRange: Rule {
    static let description = RuleDescription(
        id: "multipart-byteranges-with-content-range",
        severity: .error,
        category: .status,
        summary: "multipart/byteranges 206 response with a Content-Range field in its header section",
        rationale: """
            RFC 9110 §15.3.7.2: "To avoid confusion with single-part responses, a server MUST \
            NOT generate a Content-Range header field in the HTTP header section of a multiple \
            part response (this field will be sent in each part instead)." A client that sees \
            the top-level Content-Range may take the whole multipart body for one range.
            """,
        fix: "Remove Content-Range from the header section; keep it in each part",
        spec: [.rfc9110("15.3.7.2")],
        fields: ["Content-Range", "Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 206 Partial Content\nContent-Type: multipart/byteranges; boundary=XYZ\nContent-Range: bytes 0-4/100\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 206 Partial Content\nContent-Type: multipart/byteranges; boundary=XYZ\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 206 Partial Content\nContent-Type: text/plain\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 206, response.isMultipartByteranges,
              let field = response.fields.first(named: .contentRange) else { return }
        report.add("multipart/byteranges 206 response has Content-Range '\(field.value)' in its header section",
                   at: field.lineSpan, status: 206)
    }
}
