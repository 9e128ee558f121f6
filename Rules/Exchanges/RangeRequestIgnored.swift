import HTTPLintCore

/// A server that advertises byte ranges answers a plain satisfiable range with 206.
struct RangeRequestIgnored: ExchangeSetRule {
    static let description = RuleDescription(
        id: "range-request-ignored",
        severity: .info,
        category: .requests,
        summary: "Satisfiable single byte range answered 200 though the target advertises Accept-Ranges: bytes",
        rationale: """
            RFC 9110 §14.3: a server that sends `Accept-Ranges: bytes` indicates "that it \
            supports byte range requests for that target resource". §14.2: "A server MAY \
            ignore the Range header field. However, origin servers and intermediate caches \
            ought to support byte ranges when possible", and when the range is valid and \
            satisfiable "the server SHOULD send a 206 (Partial Content) response". A client \
            must not take Accept-Ranges as a promise (§14.3), so this is advice: a server that \
            advertises ranges and then sends the whole content makes resumed downloads start \
            over. httplint reports a 200 to a GET with one byte range (`bytes=first-last`, \
            `bytes=first-` or `bytes=-suffix`) that the 200's own identity content shows to be \
            satisfiable, with no precondition (If-Range may rightly turn a range into a 200), \
            when a response for the same target carries `Accept-Ranges: bytes`.
            """,
        fix: "Serve byte ranges where Accept-Ranges: bytes is sent, or send Accept-Ranges: none",
        spec: [.rfc9110("14.2"), .rfc9110("14.3")],
        fields: ["Range", "Accept-Ranges"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nAccept-Ranges: bytes\nContent-Length: 10\n\n0123456789HTTP/1.1 200 OK\nAccept-Ranges: bytes\nContent-Length: 10\n\n0123456789",
                    request: "GET /f HTTP/1.1\nHost: a.example\n\nGET /f HTTP/1.1\nHost: a.example\nRange: bytes=2-4\n\n", line: 5),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nAccept-Ranges: bytes\nContent-Length: 10\n\n0123456789HTTP/1.1 206 Partial Content\nContent-Range: bytes 2-4/10\nContent-Length: 3\n\n234",
                    request: "GET /f HTTP/1.1\nHost: a.example\n\nGET /f HTTP/1.1\nHost: a.example\nRange: bytes=2-4\n\n"),
            // Not advertised; then a range past the end; then several ranges.
            Example("HTTP/1.1 200 OK\nContent-Length: 10\n\n0123456789HTTP/1.1 200 OK\nAccept-Ranges: bytes\nContent-Length: 10\n\n0123456789HTTP/1.1 200 OK\nAccept-Ranges: bytes\nContent-Length: 10\n\n0123456789",
                    request: "GET /f HTTP/1.1\nHost: a.example\nRange: bytes=2-4\n\nGET /g HTTP/1.1\nHost: a.example\nRange: bytes=20-\n\nGET /g HTTP/1.1\nHost: a.example\nRange: bytes=0-1,4-5\n\n"),
            // If-Range that may no longer match.
            Example("HTTP/1.1 200 OK\nAccept-Ranges: bytes\nETag: \"v2\"\nContent-Length: 10\n\n0123456789",
                    request: "GET /f HTTP/1.1\nHost: a.example\nRange: bytes=2-4\nIf-Range: \"v1\"\n\n"),
        ]
    )

    func check(exchanges: [Exchange], _ report: inout FindingReporter) {
        for sameResource in ProbeExchange.byResource(exchanges) {
            for ranged in sameResource where ranged.method == "GET" && ranged.status == 200 && ranged.hasRange && !ranged.hasPrecondition {
                let ranges = ranged.request.fields.named(.range)
                guard ranges.count == 1, ranged.response.contentCodings.isEmpty, let content = ranged.response.receivedContent,
                      !content.isEmpty, Self.isSatisfiable(ranges[0].value, length: content.count),
                      let advertiser = sameResource.first(where: {
                          $0.resource == ranged.resource && $0.response.lowercasedElements("Accept-Ranges").contains("bytes")
                      })
                else { continue }
                let whose = advertiser.exchange.index == ranged.exchange.index ? "its own response" : "the response to \(advertiser.label)"
                report.add("\(ranged.label) asks for \(Printable.escape(ranges[0].value)), within the \(content.count) octets it received, and is answered 200 with all of them, though \(whose) advertises Accept-Ranges: bytes",
                           about: ranged.response, exchange: ranged.exchange.index, request: ranges[0].lineSpan)
            }
        }
    }

    /// Whether `value` is one byte range (RFC 9110 §14.1.2) satisfiable for `length` octets:
    /// `bytes=first-last` or `bytes=first-` with first below the length, or `bytes=-suffix`
    /// with a suffix above zero.
    static func isSatisfiable(_ value: String, length: Int) -> Bool {
        let trimmed = value.trimmingWhitespace()
        guard let equals = trimmed.firstIndex(of: "="), trimmed[..<equals].asciiLowercased() == "bytes" else { return false }
        let spec = trimmed[trimmed.index(after: equals)...].trimmingWhitespace()
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return false }
        let firstText = spec[..<dash]
        let lastText = spec[spec.index(after: dash)...]
        let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        if firstText.isEmpty {
            guard isDigits(lastText), let suffix = UInt64(lastText) else { return false }
            return suffix > 0
        }
        guard isDigits(firstText), let first = UInt64(firstText), lastText.isEmpty || isDigits(lastText) else { return false }
        if let last = UInt64(lastText), last < first { return false }
        return first < UInt64(length)
    }
}
