import HTTPLintCore

/// A method the target's Allow lists is not refused as not allowed.
struct AllowedMethodRefused: ExchangeSetRule {
    static let description = RuleDescription(
        id: "allowed-method-refused",
        severity: .warning,
        category: .requests,
        summary: "405 to a method that another response's Allow lists for the same target",
        rationale: """
            RFC 9110 §10.2.1: "The \"Allow\" header field lists the set of methods advertised \
            as supported by the target resource. The purpose of this field is strictly to \
            inform the recipient of valid request methods associated with the resource." \
            §15.5.6: 405 "indicates that the method received in the request-line is known by \
            the origin server but not supported by the target resource." A server that lists a \
            method in Allow and answers it with 405 contradicts itself, and clients (and \
            CORS preflights built from Allow) try what will fail. "The actual set of allowed \
            methods is defined by the origin server at the time of each request", so this is a \
            warning, for the same target (Host and request-target) within one input or probe; \
            a 405 whose own Allow lists the method is method-not-allowed-lists-request-method's.
            """,
        fix: "List in Allow only the methods the target accepts, the same way on every response",
        spec: [.rfc9110("10.2.1"), .rfc9110("15.5.6")],
        fields: ["Allow"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nAllow: GET, HEAD, PUT, DELETE\nContent-Length: 0\n\nHTTP/1.1 405 Method Not Allowed\nAllow: GET, HEAD\nContent-Length: 0\n\n",
                    request: "OPTIONS /a HTTP/1.1\nHost: a.example\n\nDELETE /a HTTP/1.1\nHost: a.example\n\n", line: 5),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nAllow: GET, HEAD, PUT\nContent-Length: 0\n\nHTTP/1.1 405 Method Not Allowed\nAllow: GET, HEAD, PUT\nContent-Length: 0\n\n",
                    request: "OPTIONS /a HTTP/1.1\nHost: a.example\n\nDELETE /a HTTP/1.1\nHost: a.example\n\n"),
            // Another target; and methods are case-sensitive.
            Example("HTTP/1.1 200 OK\nAllow: GET, HEAD, DELETE, put\nContent-Length: 0\n\nHTTP/1.1 405 Method Not Allowed\nAllow: GET\nContent-Length: 0\n\nHTTP/1.1 405 Method Not Allowed\nAllow: GET\nContent-Length: 0\n\n",
                    request: "OPTIONS /a HTTP/1.1\nHost: a.example\n\nDELETE /b HTTP/1.1\nHost: a.example\n\nPUT /a HTTP/1.1\nHost: a.example\nContent-Length: 0\n\n"),
        ]
    )

    func check(exchanges: [Exchange], _ report: inout FindingReporter) {
        for sameResource in ProbeExchange.byResource(exchanges) {
            for refused in sameResource where refused.status == 405 {
                guard let advertiser = sameResource.first(where: {
                    $0.exchange.index != refused.exchange.index && $0.resource == refused.resource
                        && $0.response.fields.named(.allow).flatMap(\.listElements).contains(refused.method)
                }) else { continue }
                report.add("\(refused.label) is answered 405, though the response to \(advertiser.label) lists \(refused.method) in Allow: \(Printable.escape(advertiser.response.joinedValue("Allow") ?? ""))",
                           about: refused.response, exchange: refused.exchange.index, request: refused.request.methodSpan)
            }
        }
    }
}
