import HTTPLintCore

/// A single-part 206 that encloses bytes the request did not ask for.
struct ContentRangeMismatch: Rule {
    static let description = RuleDescription(
        id: "content-range-mismatch",
        severity: .error,
        category: .requests,
        summary: "Single-part 206 whose Content-Range encloses bytes outside the ranges the request asked for",
        rationale: """
            RFC 9110 §14.2: the server "SHOULD send a 206 (Partial Content) response with content \
            containing one or more partial representations that correspond to the satisfiable \
            range-spec(s) requested", each resolved against the current length (§14.1.2: a \
            missing or too large last-pos means the remainder, a suffix longer than the \
            representation means all of it). A server may send less than was asked ("a server \
            might want to send only a subset of the data requested", §15.3.7), and "MAY coalesce \
            any of the ranges that overlap, or that are separated by a gap that is smaller than \
            the overhead of sending multiple parts" (§15.3.7.2), so a 206 may run from one \
            requested range across gaps to another. What it may not do is enclose bytes before \
            the first requested range or after the last one, or a stretch that touches no \
            requested range: a client that places the part by what it asked for corrupts its \
            copy. Judged only with a known complete length in `bytes FIRST-LAST/LENGTH`; the \
            Content-Length is left to invalid-content-range.
            """,
        fix: "Send the range the request asked for, resolved against the current length, in Content-Range and content",
        spec: [.rfc9110("14.2"), .rfc9110("14.1.2"), .rfc9110("15.3.7"), .rfc9110("15.3.7.2")],
        fields: ["Range", "Content-Range"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=10-14\n\n", line: 1),
            // The last 5 bytes of 100 are 95-99.
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=-5\n\n", line: 1),
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 10-19/100\nContent-Length: 10\n\n0123456789",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=10-14\n\n", line: 1),
            // Between two requested ranges, touching neither.
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 20-24/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-9, 50-59\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 95-99/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=-5\n\n"),
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 95-99/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=95-500\n\n"),
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/5\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=-50\n\n"),
            // Less than asked for.
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-\n\n"),
            // Two ranges coalesced across a small gap.
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-14/100\nContent-Length: 15\n\nhello, world!!!",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=10-14, 0-4\n\n"),
            // One of two ranges.
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 50-54/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-9, 50-59\n\n"),
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/*\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=10-14\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 206, let request = exchange.request, request.method == "GET",
              let range = RangeRequest(of: request), range.unit == "bytes",
              let (sent, length, field) = response.enclosedByteRange else { return }
        let asked = range.resolved(against: length)
        guard let low = asked.map(\.lowerBound).min(), let high = asked.map(\.upperBound).max() else { return }
        let askedText = asked.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ", ")
        if sent.lowerBound < low || sent.upperBound > high || !asked.contains(where: { $0.overlaps(sent) }) {
            report.add("206 encloses bytes \(sent.lowerBound)-\(sent.upperBound) (Content-Range '\(Printable.escape(field.value))'), but Range '\(Printable.escape(range.text))' asks for bytes \(askedText) of \(length)",
                       about: response, request: range.span)
        }
    }
}
