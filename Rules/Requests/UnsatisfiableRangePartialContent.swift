import HTTPLintCore

/// A 206 to a byte range set none of whose ranges fits the representation.
struct UnsatisfiableRangePartialContent: Rule {
    static let description = RuleDescription(
        id: "unsatisfiable-range-206",
        severity: .error,
        category: .requests,
        summary: "206 to a GET whose byte ranges are all unsatisfiable against the complete length the 206 gives",
        rationale: """
            RFC 9110 §14.1.1: a byte range-spec is satisfiable for GET if it is "an int-range with \
            a first-pos that is less than the current length of the selected representation or \
            a suffix-range with a non-zero suffix-length"; "Otherwise, the ranges-specifier is \
            unsatisfiable". §14.2: for an unsatisfiable set "the server SHOULD send a 416 (Range \
            Not Satisfiable) response" (or ignore Range and send 200), and 206 fulfils a range \
            request "by transferring one or more parts of the selected representation" \
            (§15.3.7): a part nobody asked for is none of them. The 206's Content-Range gives \
            the complete length (§14.4); without a known length, for a multipart 206, and for an \
            invalid range set, nothing is judged.
            """,
        fix: "Answer a range set that starts at or past the end with 416 and `Content-Range: bytes */LENGTH`",
        spec: [.rfc9110("14.1.1"), .rfc9110("14.2"), .rfc9110("15.3.7"), .rfc9110("15.5.17")],
        fields: ["Range", "Content-Range"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/5\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=5-9\n\n", line: 1),
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/5\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=100-, -0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 4-4/5\nContent-Length: 1\n\no",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=4-9\n\n"),
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/5\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=100-, -10\n\n"),
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/*\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=100-\n\n"),
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */5\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=5-9\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 206, let request = exchange.request, request.method == "GET",
              let range = RangeRequest(of: request), range.unit == "bytes",
              let (_, length, field) = response.enclosedByteRange, !range.isSatisfiable(against: length) else { return }
        report.add("206 to Range '\(Printable.escape(range.text))', none of whose ranges is satisfiable in the complete length \(length) its Content-Range '\(Printable.escape(field.value))' gives; the answer should be 416",
                   about: response, request: range.span)
    }
}
