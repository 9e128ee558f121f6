import HTTPLintCore

/// A request-target refused for its length is answered with 414.
struct LongTargetNotURITooLong: Rule {
    static let description = RuleDescription(
        id: "long-target-not-414",
        severity: .info,
        category: .status,
        summary: "Request-target over 8000 octets refused with a 4xx other than 414",
        rationale: """
            RFC 9112 §3 recommends that recipients support request lines of at least 8000 \
            octets, and RFC 9110 §15.5.15 defines 414 (URI Too Long) for "a request-target \
            that is longer than the server is willing to interpret". When a longer target is \
            refused with 400 or 431, 414 would tell the client exactly what to shorten.
            """,
        fix: "Answer request-targets that are too long with 414 URI Too Long",
        spec: [.rfc9110("15.5.15"), .rfc9112("3")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n",
                    request: longTargetRequest, line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 414 URI Too Long\nContent-Length: 0\n\n",
                    request: longTargetRequest),
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "GET /?q=short HTTP/1.1\nHost: example.com\n\n"),
        ]
    )

    /// A request whose target is 8,107 bytes long (built from bytes: every linter reads the
    /// examples once at start-up).
    static let longTargetRequest = "GET /?q=" + String(decoding: [UInt8](repeating: UInt8(ascii: "a"), count: 8100), as: UTF8.self)
        + " HTTP/1.1\nHost: example.com\n\n"

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, (400..<500).contains(status), status != 414,
              let request = exchange.request, request.target.utf8.count > 8000 else { return }
        report.add("the request-target is \(request.target.utf8.count) octets; if it was refused for its length, 414 says so, not \(status)",
                   about: response)
    }
}
