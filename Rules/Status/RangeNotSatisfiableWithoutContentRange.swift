import HTTPLintCore

/// A 416 should tell the current length: `Content-Range: bytes */LENGTH`.
struct RangeNotSatisfiableWithoutContentRange: Rule {
    static let description = RuleDescription(
        id: "range-not-satisfiable-without-content-range",
        severity: .warning,
        category: .status,
        summary: "416 response without `Content-Range: bytes */LENGTH`",
        rationale: """
            RFC 9110 §15.5.17: "For byte ranges, failing to overlap the current extent means \
            that the first-pos of all of the range-spec values were greater than or equal to \
            the current length of the selected representation. When this status code is \
            generated in response to a byte-range request, the sender SHOULD generate a \
            Content-Range header field specifying the current length of the selected \
            representation", in the unsatisfied-range form `bytes */1234` (§14.4). Without it \
            the client cannot correct its range.
            """,
        fix: "Send `Content-Range: bytes */LENGTH` with the representation's current length",
        spec: [.rfc9110("15.5.17"), .rfc9110("14.4")],
        fields: ["Content-Range"],
        triggering: [
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes 0-10/5\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */1234\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 416 else { return }
        guard let field = response.fields.first(named: .contentRange) else {
            report.add("416 response has no Content-Range telling the representation's current length", about: response)
            return
        }
        let value = field.value
        let length = value.asciiLowercased().hasPrefix("bytes */") ? value.dropFirst("bytes */".count) : ""
        if length.isEmpty || !length.allSatisfy(\.isASCIIDigitCharacter) {
            report.add("416 response has Content-Range '\(value)'; it should be the unsatisfied form 'bytes */LENGTH'",
                       at: field.lineSpan, status: 416)
        }
    }
}
