import HTTPLintCore

/// A GET whose validator still matches is answered 304, not with the content again.
struct ConditionalRequestIgnored: ExchangeSetRule {
    static let description = RuleDescription(
        id: "conditional-request-ignored",
        severity: .info,
        category: .requests,
        summary: "Conditional GET naming the validator the server gave answered 200 with the same content",
        rationale: """
            RFC 9110 §13.1.2: "When an origin server receives a request that selects a \
            representation and that request includes an If-None-Match header field, the origin \
            server MUST evaluate the If-None-Match condition", and when one of the listed tags \
            matches "the origin server MUST respond with ... the 304 (Not Modified) status \
            code"; If-Modified-Since (§13.1.3) is evaluated the same way when there is no \
            If-None-Match. A server that sends the content again makes revalidation cost a \
            full download. httplint reports a 200 to a GET whose If-None-Match names the ETag \
            a 200 to an otherwise alike GET carried, or whose If-Modified-Since is exactly that \
            200's Last-Modified, when the content received is byte for byte the same (and, for \
            If-Modified-Since, the Last-Modified too). A 200 that repeats the matching ETag is \
            precondition-evaluated-wrongly's (an error: the response itself shows it), so here \
            only one without an ETag is reported; the evidence is indirect (the representation \
            might have changed and changed back, or the ETag been dropped on purpose), hence info.
            """,
        fix: "Evaluate If-None-Match and If-Modified-Since against the current ETag and Last-Modified and answer 304 when they match",
        spec: [.rfc9110("13.1.2"), .rfc9110("13.1.3"), .rfc9110("13.2.2")],
        fields: ["ETag", "Last-Modified", "If-None-Match", "If-Modified-Since"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nContent-Length: 4\n\nhi\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\nIf-None-Match: \"v1\"\n\n", line: 6),
            Example("HTTP/1.1 200 OK\nLast-Modified: Sun, 06 Dec 2026 09:00:00 GMT\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nLast-Modified: Sun, 06 Dec 2026 09:00:00 GMT\nContent-Length: 4\n\nhi\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\nIf-Modified-Since: Sun, 06 Dec 2026 09:00:00 GMT\n\n", line: 6),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 4\n\nhi\nHTTP/1.1 304 Not Modified\nETag: \"v1\"\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\nIf-None-Match: \"v1\"\n\n"),
            // The content changed: a 200 is right.
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nContent-Length: 4\n\nho\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\nIf-None-Match: \"v1\"\n\n"),
            // A later modification date than the one asked about.
            Example("HTTP/1.1 200 OK\nLast-Modified: Sun, 06 Dec 2026 09:00:00 GMT\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nLast-Modified: Sun, 06 Dec 2026 09:30:00 GMT\nContent-Length: 4\n\nhi\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\nIf-Modified-Since: Sun, 06 Dec 2026 09:00:00 GMT\n\n"),
        ]
    )

    func check(exchanges: [Exchange], _ report: inout FindingReporter) {
        for sameResource in ProbeExchange.byResource(exchanges) {
            for conditional in sameResource where conditional.method == "GET" && conditional.status == 200 && !conditional.hasRange {
                let request = conditional.request
                let noneMatch = request.fields.named(.ifNoneMatch)
                let modifiedSince = request.fields.named(.ifModifiedSince)
                guard !noneMatch.isEmpty || !modifiedSince.isEmpty, !request.fields.contains("If-Match"),
                      !request.fields.contains("If-Unmodified-Since"), let content = conditional.response.receivedContent,
                      let base = sameResource.first(where: {
                          $0.method == "GET" && $0.status == 200 && !$0.hasPrecondition && !$0.hasRange
                              && $0.acceptEncoding == conditional.acceptEncoding && $0.isAlike(conditional)
                      }),
                      base.response.receivedContent == content,
                      base.response.contentCodings == conditional.response.contentCodings
                else { continue }
                let field: Field
                let validator: String
                if !noneMatch.isEmpty {
                    guard let tag = base.response.entityTag, !conditional.response.fields.contains(.etag),
                          case .tags(let tags)? = EntityTag.list(noneMatch.map(\.value).joined(separator: ", ")),
                          tags.contains(where: { $0.weakMatches(tag) }) else { continue }
                    field = noneMatch[0]
                    validator = "the ETag \(Printable.escape(base.response.joinedValue("ETag") ?? ""))"
                } else {
                    guard modifiedSince.count == 1, let lastModified = base.response.joinedValue("Last-Modified"),
                          modifiedSince[0].value == lastModified,
                          conditional.response.joinedValue("Last-Modified") == lastModified else { continue }
                    field = modifiedSince[0]
                    validator = "the Last-Modified \(Printable.escape(lastModified))"
                }
                report.add("\(conditional.label) names \(validator) of \(base.label) in \(field.name), yet is answered 200 with the same \(content.count) octets instead of 304",
                           about: conditional.response, exchange: conditional.exchange.index, request: field.lineSpan)
            }
        }
    }
}
