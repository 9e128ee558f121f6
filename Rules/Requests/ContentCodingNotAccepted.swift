import HTTPLintCore

/// The response's content coding is one the request's Accept-Encoding accepts.
struct ContentCodingNotAccepted: Rule {
    static let description = RuleDescription(
        id: "content-coding-not-accepted",
        severity: .warning,
        category: .requests,
        summary: "Content-Encoding the request's Accept-Encoding did not accept (not listed, listed with q=0, or an empty Accept-Encoding)",
        rationale: """
            RFC 9110 §12.5.3: without Accept-Encoding "any content coding is considered \
            acceptable"; with it, a coding is acceptable when listed without `q=0`, or matched by \
            `*` (which "matches any available content coding not explicitly listed") without \
            `q=0`. An empty value "implies that the user agent does not want any content coding \
            in response". "If a non-empty Accept-Encoding header field is present in a request \
            and none of the available representations for the response have a content coding \
            that is listed as acceptable, the origin server SHOULD send a response without any \
            content coding unless the identity coding is indicated as unacceptable." A client \
            that did not ask for gzip may not be able to decode it. `x-gzip` and `x-compress` \
            count as `gzip` and `compress` (§8.4.1). Not reported: 304 responses, requests that \
            refuse identity (`identity;q=0`, or `*;q=0` without identity), and values whose \
            weights do not parse.
            """,
        fix: "Send the representation without content coding when the request's Accept-Encoding does not accept the coding",
        spec: [.rfc9110("12.5.3"), .rfc9110("8.4"), .rfc9110("12.4.2")],
        fields: ["Accept-Encoding"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Encoding: br\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nAccept-Encoding: gzip, deflate\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nAccept-Encoding: gzip;q=0, br\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nAccept-Encoding: identity\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nAccept-Encoding:\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nAccept-Encoding: br, identity, *;q=0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nAccept-Encoding: GZIP;q=0.5\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Encoding: x-gzip\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nAccept-Encoding: gzip\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Encoding: zstd\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nAccept-Encoding: gzip, *\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nAccept-Encoding: br, identity;q=0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Encoding: identity\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nAccept-Encoding: br\n\n"),
            Example("HTTP/1.1 304 Not Modified\nContent-Encoding: gzip\n\n",
                    request: "GET / HTTP/1.1\nHost: a.example\nAccept-Encoding: br\nIf-None-Match: \"a\"\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, status >= 200, status != 304, let request = exchange.request,
              let acceptLine = request.fields.first(named: "Accept-Encoding"),
              let codingLine = response.fields.first(named: "Content-Encoding"),
              let accepted = WeightedList.members(request.fields.listElements(named: "Accept-Encoding")) else { return }
        let codings = response.fields.listElements(named: "Content-Encoding").map { $0.asciiLowercased() }.filter { $0 != "identity" }
        let star = accepted.first { $0.name == "*" }
        // Identity refused: the server may send a coding the client did not list (§12.5.3).
        let identity = accepted.first { $0.name == "identity" } ?? star
        if let identity, identity.weight == 0 { return }
        for coding in codings {
            let name = WeightedList.canonicalCoding(coding)
            let weight = accepted.first { WeightedList.canonicalCoding($0.name) == name }?.weight ?? star?.weight ?? 0
            guard weight == 0 else { continue }
            report.add("Content-Encoding '\(Printable.escape(coding))' is not acceptable to the request's 'Accept-Encoding: \(Printable.escape(request.fields.named("Accept-Encoding").map(\.value).joined(separator: ", ")))'",
                       at: codingLine.lineSpan, status: status, request: acceptLine.lineSpan)
            return
        }
    }
}
