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
        let gets = ProbeExchange.all(exchanges).filter { $0.method == "GET" && $0.isPlain && $0.status == 200 }
        var reported: Set<String> = []
        for (position, later) in gets.enumerated() where !reported.contains(later.resource) {
            guard let tag = later.response.entityTag, !tag.isWeak, let content = later.response.receivedContent else { continue }
            let earlier = gets[..<position].first { earlier in
                guard earlier.isAlike(later), let other = earlier.response.entityTag, !other.isWeak, other != tag,
                      earlier.response.receivedContent == content else { return false }
                return ["Content-Type", "Content-Encoding", "Content-Language"].allSatisfy {
                    earlier.response.joinedValue($0) == later.response.joinedValue($0)
                }
            }
            guard let earlier else { continue }
            reported.insert(later.resource)
            report.add("\(later.label) received the same \(content.count) octets as \(earlier.label) under ETag \(Printable.escape(later.response.joinedValue("ETag") ?? "")) instead of \(Printable.escape(earlier.response.joinedValue("ETag") ?? ""))",
                       about: later.response, exchange: later.exchange.index)
        }
    }
}
