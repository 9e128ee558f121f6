import HTTPLintCore

/// The same bytes answered to the same request keep their strong entity tag.
struct ETagChangesBetweenIdenticalGets: ExchangeSetRule {
    static let description = RuleDescription(
        id: "etag-changes-between-identical-gets",
        severity: .info,
        category: .requests,
        summary: "Two identical GETs received identical content under different strong ETags",
        rationale: """
            RFC 9110 §8.8.1: "A strong validator might change for reasons other than a change \
            to the representation data, such as when a semantically significant part of the \
            representation metadata is changed (e.g., Content-Type), but it is in the best \
            interests of the origin server to only change the value when it is necessary to \
            invalidate the stored responses held by remote caches and authoring tools." An \
            entity tag that changes while the content does not (one made per response, or from \
            an inode that differs between the servers behind a load balancer) makes every \
            If-None-Match fail, so caches download again what they hold. Nothing requires the \
            tag to stay, hence info. httplint reports two 200s to identical GETs (no \
            precondition, range or content coding asked for) with byte-identical content, the \
            same Content-Type, Content-Encoding and Content-Language, and different strong ETags.
            """,
        fix: "Derive the ETag from the content or a revision number shared by every server, not from per-server or per-response data",
        spec: [.rfc9110("8.8.1"), .rfc9110("8.8.3")],
        fields: ["ETag"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nETag: \"1f-5e1a\"\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nETag: \"2c-5e1a\"\nContent-Length: 4\n\nhi\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\n\n", line: 6),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 4\n\nho\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\n\n"),
            // Weak tags, and a Content-Type that changed.
            Example("HTTP/1.1 200 OK\nETag: W/\"v1\"\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nETag: W/\"v2\"\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nETag: \"t1\"\nContent-Type: text/plain\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nETag: \"t2\"\nContent-Type: text/html\nContent-Length: 4\n\nhi\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\n\nGET /b HTTP/1.1\nHost: a.example\n\nGET /b HTTP/1.1\nHost: a.example\n\n"),
        ]
    )

    func check(exchanges: [Exchange], _ report: inout FindingReporter) {
        for sameResource in ProbeExchange.byResource(exchanges) {
            // The 200s to plain GETs, each with its strong tag and content, told apart by their
            // other request fields; within one kind, the first response under each tag.
            var seen: [[String]: [(get: ProbeExchange, tag: EntityTag, content: [UInt8])]] = [:]
            for later in sameResource where later.method == "GET" && later.isPlain && later.status == 200 {
                guard let tag = later.response.entityTag, !tag.isWeak, let content = later.response.receivedContent else { continue }
                let earlier = seen[later.otherFields, default: []]
                if let match = earlier.first(where: { $0.tag != tag && $0.content == content && Self.sameMetadata($0.get, later) }) {
                    report.add("\(later.label) received the same \(content.count) octets as \(match.get.label) under ETag \(Printable.escape(later.response.joinedValue("ETag") ?? "")) instead of \(Printable.escape(match.get.response.joinedValue("ETag") ?? ""))",
                               about: later.response, exchange: later.exchange.index)
                    break
                }
                // A bounded number of tags per kind of request: a tag made per response cannot
                // make the comparisons grow with the square of the input.
                if earlier.count < 16, !earlier.contains(where: { $0.tag == tag }) {
                    seen[later.otherFields, default: []].append((later, tag, content))
                }
            }
        }
    }

    /// Whether the two responses describe their content alike.
    private static func sameMetadata(_ one: ProbeExchange, _ other: ProbeExchange) -> Bool {
        ["Content-Type", "Content-Encoding", "Content-Language"].allSatisfy {
            one.response.joinedValue($0) == other.response.joinedValue($0)
        }
    }
}
