import HTTPLintCore

/// A success's Allow lists the method that just succeeded.
struct AllowOmitsMethodServed: Rule {
    static let description = RuleDescription(
        id: "allow-omits-method-served",
        severity: .info,
        category: .requests,
        summary: "2xx whose Allow field does not list the request's method",
        rationale: """
            RFC 9110 §10.2.1: Allow "lists the set of methods advertised as supported by the \
            target resource". A 2xx response shows that the resource supports the request's \
            method; an Allow in that same response that leaves it out is stale or computed for \
            another resource, and clients that read it (to build a UI, or to decide whether to \
            try PUT) are misled. HEAD is taken as listed when GET is (§9.3.2 defines it as GET \
            without content), and CORS preflight answers are not judged.
            """,
        fix: "Compute Allow from the methods the resource really supports, including the one being served",
        spec: [.rfc9110("10.2.1"), .rfc9110("9.3.2")],
        fields: ["Allow"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nAllow: GET, HEAD\nContent-Length: 0\n\n",
                    request: "POST /form HTTP/1.1\nHost: a.example\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nAllow: POST\nContent-Length: 0\n\n",
                    request: "GET /form HTTP/1.1\nHost: a.example\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nAllow: GET, POST\nContent-Length: 0\n\n",
                    request: "POST /form HTTP/1.1\nHost: a.example\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nAllow: GET, POST\nContent-Length: 0\n\n",
                    request: "HEAD /form HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 405 Method Not Allowed\nAllow: GET, HEAD\nContent-Length: 0\n\n",
                    request: "POST /form HTTP/1.1\nHost: a.example\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 204 No Content\nAllow: GET\nAccess-Control-Allow-Methods: PUT\n\n",
                    request: "OPTIONS /form HTTP/1.1\nHost: a.example\nOrigin: https://b.example\nAccess-Control-Request-Method: PUT\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, (200..<300).contains(status), let request = exchange.request, request.hasRequestLine,
              !request.fields.contains("Access-Control-Request-Method"),
              let field = response.fields.first(named: "Allow") else { return }
        let allowed = Set(response.fields.listElements(named: "Allow"))
        guard !allowed.contains(request.method), !(request.isHEAD && allowed.contains("GET")) else { return }
        report.add("\(response.statusText) serves \(Printable.escape(request.method)) but its Allow does not list it",
                   at: field.lineSpan, status: status, request: request.methodSpan)
    }
}
