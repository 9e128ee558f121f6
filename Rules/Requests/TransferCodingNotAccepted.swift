import HTTPLintCore

/// Transfer codings other than chunked need the request's TE.
struct TransferCodingNotAccepted: Rule {
    static let description = RuleDescription(
        id: "transfer-coding-not-accepted",
        severity: .warning,
        category: .requests,
        summary: "Response Transfer-Encoding with a coding other than chunked that the request's TE did not offer",
        rationale: """
            RFC 9112 §7.4: TE tells "what transfer codings, besides chunked, the client is \
            willing to accept in the response"; "If the TE field value is empty or if no TE \
            field is present, the only acceptable transfer coding is chunked", and a rank of 0 \
            "means \"not acceptable\"". RFC 9110 §10.1.4 defines the field. A response that \
            applies gzip or deflate as a transfer coding to a client that did not offer it \
            cannot be read by most clients, which implement only chunked. `x-gzip` and \
            `x-compress` count as `gzip` and `compress` (RFC 9112 §7.2). Requests below HTTP/1.1 \
            are left to `transfer-encoding-in-http10`.
            """,
        fix: "Use only chunked as transfer coding unless the request's TE lists the coding; compress with Content-Encoding instead",
        spec: [.rfc9112("7.4"), .rfc9110("10.1.4"), .rfc9112("6.1")],
        fields: ["Transfer-Encoding"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: gzip, chunked\n\n0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: gzip, chunked\n\n0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nTE: trailers, deflate\nConnection: TE\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: gzip, chunked\n\n0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nTE: gzip;q=0\nConnection: TE\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: gzip, chunked\n\n0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nTE: trailers, gzip;q=0.5\nConnection: TE\n\n"),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: x-gzip, chunked\n\n0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nTE: GZIP\nConnection: TE\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let request = exchange.request, let version = request.version, version >= .http11,
              let field = response.fields.first(named: "Transfer-Encoding"),
              let offered = WeightedList.members(request.fields.listElements(named: "TE")) else { return }
        for coding in response.fields.listElements(named: "Transfer-Encoding").map({ String($0.split(separator: ";").first ?? "").trimmingWhitespace().asciiLowercased() }) where coding != "chunked" {
            let name = WeightedList.canonicalCoding(coding)
            let weight = offered.first { WeightedList.canonicalCoding($0.name) == name }?.weight ?? 0
            guard weight == 0 else { continue }
            report.add("Transfer-Encoding '\(Printable.escape(coding))' was not offered by the request's TE; without it only chunked is acceptable",
                       at: field.lineSpan, status: response.status, request: request.fields.first(named: "TE")?.lineSpan ?? request.lineSpan)
            return
        }
    }
}
