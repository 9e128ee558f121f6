import HTTPLintCore

/// A 304 carries the cache-updating fields the 200 for the same request carried.
struct NotModifiedFieldsDiffer: ExchangeSetRule {
    static let description = RuleDescription(
        id: "not-modified-fields-differ",
        severity: .error,
        category: .requests,
        summary: "304 without the Content-Location, ETag, Vary, Cache-Control or Expires a 200 for the same target carried, or with another ETag or Vary",
        rationale: """
            RFC 9110 §15.4.5: "The server generating a 304 response MUST generate any of the \
            following header fields that would have been sent in a 200 (OK) response to the \
            same request: Content-Location, Date, ETag, and Vary; Cache-Control and Expires." \
            A cache updates its stored response with the 304's fields (RFC 9111 §4.3.4): a 304 \
            that drops them, or names another entity tag or other selecting fields, leaves the \
            cache with stale or contradictory metadata. httplint holds a 304 to a conditional \
            GET against a 200 to a GET for the same target that is otherwise alike (the same \
            fields, Accept-Encoding included, without the preconditions). A field counts when \
            every such 200 agrees on it. The ETag is compared when the request's If-None-Match \
            named the 200's entity tag or when two 200s agreed on it; an ETag missing when the \
            request had If-None-Match is left to not-modified-missing-fields, and Date too. \
            Cache-Control and Expires are only required to be present: their values may be \
            computed for each response.
            """,
        fix: "Send in the 304 the Content-Location, ETag, Vary, Cache-Control and Expires the 200 sends",
        spec: [.rfc9110("15.4.5"), SpecReference(rfc: 9111, section: "4.3.4")],
        fields: ["Content-Location", "ETag", "Vary", "Cache-Control", "Expires"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nVary: Accept-Encoding\nCache-Control: max-age=60\nContent-Length: 4\n\nhi\nHTTP/1.1 304 Not Modified\nETag: \"v1\"\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\nIf-None-Match: \"v1\"\n\n", line: 8),
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 4\n\nhi\nHTTP/1.1 304 Not Modified\nETag: \"v2\"\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\nIf-None-Match: \"v1\"\n\n", line: 6),
            Example("HTTP/1.1 200 OK\nLast-Modified: Sun, 06 Dec 2026 09:00:00 GMT\nExpires: Sun, 06 Dec 2026 11:00:00 GMT\nContent-Length: 4\n\nhi\nHTTP/1.1 304 Not Modified\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\nIf-Modified-Since: Sun, 06 Dec 2026 09:00:00 GMT\n\n", line: 7),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nVary: Accept-Encoding\nCache-Control: max-age=60\nContent-Length: 4\n\nhi\nHTTP/1.1 304 Not Modified\nETag: \"v1\"\nVary: accept-encoding\nCache-Control: max-age=59\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\nIf-None-Match: \"v1\"\n\n"),
            // The 200 answered a request without Accept-Encoding: not the same request.
            Example("HTTP/1.1 200 OK\nVary: Accept-Encoding\nContent-Length: 4\n\nhi\nHTTP/1.1 304 Not Modified\nETag: \"v1-gzip\"\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\nAccept-Encoding: gzip\nIf-None-Match: \"v1-gzip\"\n\n"),
            // One 200 and an If-Modified-Since: its ETag may change with every response.
            Example("HTTP/1.1 200 OK\nETag: \"r1\"\nLast-Modified: Sun, 06 Dec 2026 09:00:00 GMT\nContent-Length: 4\n\nhi\nHTTP/1.1 304 Not Modified\nETag: \"r2\"\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\nIf-Modified-Since: Sun, 06 Dec 2026 09:00:00 GMT\n\n"),
            // Two 200s that disagree on Expires' presence: nothing to hold the 304 to.
            Example("HTTP/1.1 200 OK\nExpires: Sun, 06 Dec 2026 11:00:00 GMT\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nContent-Length: 4\n\nhi\nHTTP/1.1 304 Not Modified\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\nIf-Modified-Since: Sun, 06 Dec 2026 09:00:00 GMT\n\n"),
        ]
    )

    func check(exchanges: [Exchange], _ report: inout FindingReporter) {
        for sameResource in ProbeExchange.byResource(exchanges) {
            for conditional in sameResource where conditional.status == 304 && conditional.method == "GET" && !conditional.hasRange {
                let oks = sameResource.filter {
                    $0.status == 200 && $0.method == "GET" && !$0.hasPrecondition && !$0.hasRange
                        && $0.acceptEncoding == conditional.acceptEncoding && $0.isAlike(conditional)
                }
                guard let ok = oks.first else { continue }
                let response = conditional.response
                let request = conditional.request
                var problems: [String] = []
                var missing: [String] = []
                for name in ["Content-Location", "ETag", "Vary", "Cache-Control", "Expires"] {
                    // An ETag missing from a 304 to If-None-Match is not-modified-missing-fields' finding.
                    if name == "ETag", request.fields.contains(.ifNoneMatch) { continue }
                    if oks.allSatisfy({ $0.response.fields.contains(name) }), !response.fields.contains(name) { missing.append(name) }
                }
                if !missing.isEmpty { problems.append("lacks \(Self.list(missing))") }
                if let etag = ok.response.joinedValue("ETag"), let sent = response.joinedValue("ETag"),
                   oks.allSatisfy({ $0.response.joinedValue("ETag") == etag }), sent != etag,
                   oks.count >= 2 || Self.asksFor(ok.response.entityTag, request) {
                    problems.append("ETag \(Printable.escape(sent)) instead of \(Printable.escape(etag))")
                }
                let vary = ok.response.lowercasedElements("Vary")
                if response.fields.contains(.vary), ok.response.fields.contains(.vary),
                   oks.allSatisfy({ $0.response.lowercasedElements("Vary") == vary }), response.lowercasedElements("Vary") != vary {
                    problems.append("Vary '\(Printable.escape(response.joinedValue("Vary") ?? ""))' instead of '\(Printable.escape(ok.response.joinedValue("Vary") ?? ""))'")
                }
                guard !problems.isEmpty else { continue }
                report.add("304 to \(conditional.label) differs from the 200 to \(ok.label): \(problems.joined(separator: "; "))",
                           about: response, exchange: conditional.exchange.index,
                           request: request.fields.first(named: .ifNoneMatch)?.lineSpan ?? request.fields.first(named: .ifModifiedSince)?.lineSpan)
            }
        }
    }

    /// Whether the request's If-None-Match names `tag` (weak comparison, as for If-None-Match).
    private static func asksFor(_ tag: EntityTag?, _ request: Request) -> Bool {
        guard let tag else { return false }
        let values = request.fields.named(.ifNoneMatch).map(\.value)
        guard !values.isEmpty, case .tags(let tags)? = EntityTag.list(values.joined(separator: ", ")) else { return false }
        return tags.contains { $0.weakMatches(tag) }
    }

    /// `A`, `A and B`, `A, B and C`.
    static func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
}
