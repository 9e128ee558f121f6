import HTTPLintCore

/// A 206 to a method for which range handling is not defined.
struct RangeOnNonGETPartialContent: Rule {
    static let description = RuleDescription(
        id: "range-on-non-get-206",
        severity: .error,
        category: .requests,
        summary: "206 to a request whose method is not GET",
        rationale: """
            RFC 9110 §14.2: "A server MUST ignore a Range header field received with a request \
            method that is unrecognized or for which range handling is not defined. For this \
            specification, GET is the only method for which range handling is defined." A \
            ranged answer to HEAD, POST or PUT is one the client did not ask for and may not \
            expect; a cache keyed on GET does not expect it either. Only registered methods \
            other than GET are judged, leaving QUERY and SEARCH, GET-like methods whose \
            specifications could define range handling, alone.
            """,
        fix: "Ignore Range on methods other than GET and answer as without it",
        spec: [.rfc9110("14.2"), .rfc9110("15.3.7")],
        fields: ["Range"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "POST /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\n",
                    request: "HEAD /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 5\n\n",
                    request: "HEAD /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\n\n"),
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "QUERY /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\nContent-Length: 0\n\n"),
        ]
    )

    /// Methods whose definitions could give Range a meaning: GET, and the GET-like methods with content.
    private static let rangeCapable: Set<String> = ["GET", "QUERY", "SEARCH"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 206, let request = exchange.request, request.hasRegisteredMethod,
              !Self.rangeCapable.contains(request.method), let range = request.fields.first(named: .range) else { return }
        report.add("206 to a \(request.method) request: Range '\(Printable.escape(range.value))' must be ignored for any method but GET",
                   about: response, request: range.lineSpan)
    }
}
