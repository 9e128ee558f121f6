import HTTPLintCore

/// A single-part 206 must say which range it carries.
struct PartialContentWithoutContentRange: Rule {
    static let description = RuleDescription(
        id: "partial-content-without-content-range",
        severity: .error,
        category: .status,
        summary: "Single-part 206 response without Content-Range",
        rationale: """
            RFC 9110 §15.3.7.1: "If a single part is being transferred, the server generating \
            the 206 response MUST generate a Content-Range header field, describing what range \
            of the selected representation is enclosed." Without it the client cannot place the \
            bytes. A multipart/byteranges 206 carries Content-Range in each part instead.
            """,
        fix: "Send `Content-Range: bytes FIRST-LAST/LENGTH` with the range the content holds",
        spec: [.rfc9110("15.3.7.1"), .rfc9110("14.4")],
        fields: ["Content-Range", "Content-Type"],
        triggering: [
            Example("HTTP/1.1 206 Partial Content\nContent-Length: 5\n\nhello", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello"),
            Example("HTTP/1.1 206 Partial Content\nContent-Type: multipart/byteranges; boundary=XYZ\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 206, !response.fields.contains(.contentRange), !response.isMultipartByteranges else { return }
        report.add("206 response has no Content-Range, so the client cannot tell which bytes it holds", about: response)
    }
}

extension Response {
    /// Whether Content-Type is multipart/byteranges (RFC 9110 §14.6).
    var isMultipartByteranges: Bool {
        fields.named(.contentType).contains { field in
            field.value.split(separator: ";").first.map { $0.trimmingWhitespace().asciiLowercased() } == "multipart/byteranges"
        }
    }
}
