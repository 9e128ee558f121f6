import HTTPLintCore

/// A request with both Upgrade and `Expect: 100-continue` gets 100 before 101.
struct SwitchingProtocolsBeforeContinue: Rule {
    static let description = RuleDescription(
        id: "switching-protocols-before-continue",
        severity: .error,
        category: .requests,
        summary: "101 to a request with Upgrade and `Expect: 100-continue`, without a 100 Continue before it",
        rationale: """
            RFC 9110 §7.8: "If a server receives both an Upgrade and an Expect header field with \
            the \"100-continue\" expectation (Section 10.1.1), the server MUST send a 100 \
            (Continue) response before sending a 101 (Switching Protocols) response." The client \
            holds its content back until the 100 and "cannot begin using an upgraded protocol \
            on the connection until it has completely sent the request message"; a 101 without \
            the 100 leaves it unsure whether the bytes it sends next are still the request's \
            content or already the new protocol. HTTP/1.0 requests, whose Upgrade is ignored, \
            are not judged.
            """,
        fix: "Send `HTTP/1.1 100 Continue`, read the request's content, then send the 101",
        spec: [.rfc9110("7.8"), .rfc9110("10.1.1"), .rfc9110("15.2.2")],
        fields: ["Upgrade", "Expect"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 101 Switching Protocols\nConnection: upgrade\nUpgrade: example/1\n\n",
                    request: "POST /chat HTTP/1.1\nHost: a.example\nConnection: upgrade\nUpgrade: example/1\nExpect: 100-continue\nContent-Length: 2\n\nhi",
                    line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 101 Switching Protocols\nConnection: upgrade\nUpgrade: example/1\n\n",
                    request: "POST /chat HTTP/1.1\nHost: a.example\nConnection: upgrade\nUpgrade: example/1\nExpect: 100-continue\nContent-Length: 2\n\nhi"),
            Example("HTTP/1.1 101 Switching Protocols\nConnection: upgrade\nUpgrade: example/1\n\n",
                    request: "GET /chat HTTP/1.1\nHost: a.example\nConnection: upgrade\nUpgrade: example/1\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 101, let request = exchange.request, let version = request.version, version >= .http11,
              request.fields.contains("Upgrade"),
              let expect = request.fields.named("Expect").first(where: { $0.listElements.contains { $0.asciiLowercased() == "100-continue" } }),
              !exchange.interim.contains(where: { $0.status == 100 }) else { return }
        report.add("101 Switching Protocols without a 100 Continue first, to a request with Upgrade and 'Expect: 100-continue'",
                   about: response, request: expect.lineSpan)
    }
}
