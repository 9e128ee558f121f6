import HTTPLintCore

/// A 416 to a byte range that its own Content-Range shows to be satisfiable.
struct SatisfiableRangeRefused: Rule {
    static let description = RuleDescription(
        id: "satisfiable-range-refused",
        severity: .warning,
        category: .requests,
        summary: "416 to a GET whose byte range is satisfiable against the length the 416 itself gives",
        rationale: """
            RFC 9110 §14.1.1: for GET, a byte range-spec "is satisfiable if it is either: an \
            int-range with a first-pos that is less than the current length of the selected \
            representation or a suffix-range with a non-zero suffix-length", and a range set is \
            satisfiable when one of its range-specs is. §14.2: when the preconditions are true \
            and the set is satisfiable, "the server SHOULD send a 206 (Partial Content) \
            response"; a server may also ignore Range and send 200. 416 is for a set none of \
            whose ranges is satisfiable (§15.5.17), and `Content-Range: bytes */N` in it gives \
            the current length N (§14.4). A 416 whose N shows the range to fit leaves a \
            resuming download stuck. §14.2 and §15.5.17 let a server reject "more than two \
            overlapping ranges" or "an excessive number of small or overlapping ranges", so \
            only one range, or two disjoint ones in ascending order, are judged; nothing is \
            judged without the `*/N` length, for a zero length (which a server MAY treat as \
            having nothing to range over), or when the 416 sends Accept-Ranges without bytes \
            (a range unit the resource does not support also earns 416).
            """,
        fix: "Answer a satisfiable range with 206 and the range (or 200 and the whole representation); keep 416 for ranges that start at or past the current length",
        spec: [.rfc9110("14.1.1"), .rfc9110("14.2"), .rfc9110("15.5.17"), .rfc9110("14.4")],
        fields: ["Range", "Content-Range"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */1000\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=500-1500\n\n", line: 1),
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */1000\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=-2000\n\n", line: 1),
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */1000\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-99, 2000-\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */1000\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=1000-\n\n"),
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */1000\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=-0\n\n"),
            // No length in the 416: nothing to compare with.
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-10\n\n"),
            // Overlapping or many ranges may be rejected.
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */1000\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-99, 50-150\n\n"),
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */1000\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-1, 3-4, 6-7\n\n"),
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */0\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=-5\n\n"),
            Example("HTTP/1.1 416 Range Not Satisfiable\nAccept-Ranges: none\nContent-Range: bytes */1000\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-10\n\n"),
            // An invalid range set may be rejected.
            Example("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */1000\nContent-Length: 0\n\n",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=10-5\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 416, let request = exchange.request, request.method == "GET",
              let range = RangeRequest(of: request), range.unit == "bytes", range.count <= 2,
              let (length, field) = response.unsatisfiedByteLength, length > 0,
              range.isSatisfiable(against: length) else { return }
        let acceptRanges = response.fields.named(.acceptRanges)
        if !acceptRanges.isEmpty, !acceptRanges.contains(where: { $0.listContains("bytes") }) { return }
        let resolved = range.resolved(against: length)
        if resolved.count == 2, resolved[0].upperBound >= resolved[1].lowerBound { return }
        let parts = resolved.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ", ")
        report.add("416 refuses Range '\(Printable.escape(range.text))', yet its Content-Range '\(Printable.escape(field.value))' gives a length of \(length), in which bytes \(parts) exist",
                   about: response, request: range.span)
    }
}
