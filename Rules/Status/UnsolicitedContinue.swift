import HTTPLintCore

/// 100 Continue answers `Expect: 100-continue`.
struct UnsolicitedContinue: Rule {
    static let description = RuleDescription(
        id: "unsolicited-continue",
        severity: .warning,
        category: .status,
        summary: "100 Continue to a request that did not send `Expect: 100-continue`",
        rationale: """
            100 (Continue) tells a client that sent `Expect: 100-continue` to go on sending \
            the content (RFC 9110 §10.1.1, §15.2.1). Clients must cope with an unexpected 1xx \
            (§15.2), so this is not fatal, but a 100 nobody asked for usually means the server \
            misread the request's fields or sent it from the wrong code path.
            """,
        fix: "Send 100 Continue only when the request has `Expect: 100-continue`",
        spec: [.rfc9110("10.1.1"), .rfc9110("15.2.1")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 201 Created\nLocation: /f\nContent-Length: 0\n\n",
                    request: "PUT /f HTTP/1.1\nHost: example.com\nExpect: 100-Continue\nContent-Length: 2\n\nhi"),
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        guard let request = exchange.request,
              !request.fields.listElements(named: .expect).contains(where: { $0.asciiLowercased() == "100-continue" }) else { return }
        for response in exchange.interim where response.status == 100 {
            report.add("100 Continue answers a request that did not send 'Expect: 100-continue'", about: response)
        }
    }
}
