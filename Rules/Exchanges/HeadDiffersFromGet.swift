import HTTPLintCore

/// HEAD answers like GET, without the content.
struct HeadDiffersFromGet: ExchangeSetRule {
    static let description = RuleDescription(
        id: "head-differs-from-get",
        severity: .warning,
        category: .requests,
        summary: "HEAD answered with another status, or without or with other representation fields, than GET for the same target",
        rationale: """
            RFC 9110 §9.3.2: "The HEAD method is identical to GET except that the server MUST \
            NOT send content in the response." and "The server SHOULD send the same header \
            fields in response to a HEAD request as it would have sent if the request method \
            had been GET. However, a server MAY omit header fields for which a value is \
            determined only while generating the content." Link checkers, crawlers and caches \
            take a HEAD answer for the GET one (a cache may update its stored response from it, \
            RFC 9111 §4.3.5). httplint compares a HEAD and a GET for the same target whose \
            requests are otherwise alike (no precondition, range or content coding asked for), \
            and only: the status; Content-Type, Content-Language, Cache-Control (its directive \
            names), Allow, Location and Last-Modified, missing or different; ETag and \
            Accept-Ranges when different. Content-Length, Transfer-Encoding and Vary are not \
            compared (§9.3.2 names Content-Length and Vary as fields a HEAD answer may lack), \
            nor an ETag HEAD leaves out (it may be a digest of content HEAD does not make), nor \
            fields that change with every response (Date, Age, Expires, Set-Cookie, request \
            ids). A value that may change with every response (ETag, Last-Modified, Location) \
            counts as different only when two GETs agreed on it, and nothing is compared when \
            the GETs disagree among themselves or a status is transient (408, 429, 502, 503, 504).
            """,
        fix: "Answer HEAD through the GET code path, dropping only the content",
        spec: [.rfc9110("9.3.2"), SpecReference(rfc: 9111, section: "4.3.5")],
        fields: ["Content-Type", "Content-Language", "Cache-Control", "Allow", "Location", "Last-Modified", "ETag", "Accept-Ranges"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: 4\n\nhi\nHTTP/1.1 405 Method Not Allowed\nAllow: GET\nContent-Length: 0\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nHEAD /a HTTP/1.1\nHost: a.example\n\n", line: 6),
            Example("HTTP/1.1 200 OK\nContent-Type: text/html\nCache-Control: max-age=60\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: 4\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nHEAD /a HTTP/1.1\nHost: a.example\n\n", line: 7),
            // An ETag two GETs agree on, and another one on HEAD.
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 4\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nGET /a HTTP/1.1\nHost: a.example\n\nHEAD /a HTTP/1.1\nHost: a.example\n\n", line: 11),
        ],
        nonTriggering: [
            // Content-Length, Vary and ETag may be left out of a HEAD answer; Date differs.
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Dec 2026 10:00:00 GMT\nContent-Type: text/html; charset=UTF-8\nVary: Accept-Encoding\nETag: \"v1\"\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nDate: Sun, 06 Dec 2026 10:00:01 GMT\nContent-Type: text/html;charset=utf-8\nTransfer-Encoding: chunked\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nHEAD /a HTTP/1.1\nHost: a.example\n\n"),
            // One GET only: its ETag may change with every response.
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 4\n\nhi\nHTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 4\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nHEAD /a HTTP/1.1\nHost: a.example\n\n"),
            // Another target, or a GET that asked for gzip.
            Example("HTTP/1.1 200 OK\nContent-Length: 4\n\nhi\nHTTP/1.1 404 Not Found\nContent-Length: 0\n\nHTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Type: text/html\nContent-Length: 0\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nHEAD /b HTTP/1.1\nHost: a.example\n\nGET /b HTTP/1.1\nHost: a.example\nAccept-Encoding: gzip\n\n"),
            // Rate limited: not the method's doing.
            Example("HTTP/1.1 200 OK\nContent-Length: 4\n\nhi\nHTTP/1.1 429 Too Many Requests\nRetry-After: 1\nContent-Length: 0\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\n\nHEAD /a HTTP/1.1\nHost: a.example\n\n"),
            // Requests that differ otherwise (a cookie) are not held to the same answer.
            Example("HTTP/1.1 200 OK\nContent-Length: 4\n\nhi\nHTTP/1.1 302 Found\nLocation: /login\nContent-Length: 0\n\n",
                    request: "GET /a HTTP/1.1\nHost: a.example\nCookie: s=1\n\nHEAD /a HTTP/1.1\nHost: a.example\n\n"),
        ]
    )

    /// Statuses that say more about the moment than about the method.
    private static let transient: Set<Int> = [408, 429, 502, 503, 504]

    /// How a compared field is read.
    private enum Reading {
        /// The value with case and whitespace ignored (a media type).
        case mediaType
        /// The list elements, lowercased, as a set.
        case caseInsensitiveSet
        /// The list elements as a set, case kept (methods are case-sensitive).
        case set
        /// Cache-Control's directive names, as a set.
        case directiveNames
        /// The value as sent.
        case exact
    }

    private struct Comparison {
        let name: String
        let reading: Reading
        /// Whether a HEAD answer may leave it out (it may be computed from the content).
        let mayBeOmitted: Bool
        /// Whether its value may change with every response, so that a difference counts only
        /// when two GETs agreed.
        let mayChange: Bool
    }

    private static let comparisons: [Comparison] = [
        Comparison(name: "Content-Type", reading: .mediaType, mayBeOmitted: false, mayChange: false),
        Comparison(name: "Content-Language", reading: .caseInsensitiveSet, mayBeOmitted: false, mayChange: false),
        Comparison(name: "Cache-Control", reading: .directiveNames, mayBeOmitted: false, mayChange: false),
        Comparison(name: "Allow", reading: .set, mayBeOmitted: false, mayChange: false),
        Comparison(name: "Location", reading: .exact, mayBeOmitted: false, mayChange: true),
        Comparison(name: "Last-Modified", reading: .exact, mayBeOmitted: false, mayChange: true),
        Comparison(name: "ETag", reading: .exact, mayBeOmitted: true, mayChange: true),
        Comparison(name: "Accept-Ranges", reading: .caseInsensitiveSet, mayBeOmitted: true, mayChange: false),
    ]

    func check(exchanges: [Exchange], _ report: inout FindingReporter) {
        for sameResource in ProbeExchange.byResource(exchanges) {
            for head in sameResource where head.method == "HEAD" && head.isPlain && !Self.transient.contains(head.status) {
                let gets = sameResource.filter { $0.method == "GET" && $0.isPlain && $0.isAlike(head) }
                // GETs answered differently among themselves: the resource is changing under the probe.
                guard let get = gets.first, gets.allSatisfy({ $0.status == get.status }), !Self.transient.contains(get.status)
                else { continue }
                if head.status != get.status {
                    report.add("\(head.label) answers \(head.response.statusText) where \(get.label) answered \(get.response.statusText)",
                               about: head.response, exchange: head.exchange.index, request: head.request.methodSpan)
                    continue
                }
                var differences: [String] = []
                for comparison in Self.comparisons {
                    let values = gets.map { Self.read(comparison, in: $0.response) }
                    // Only a value every GET agrees on is held against HEAD.
                    guard let expected = values[0], values.allSatisfy({ $0 == expected }) else { continue }
                    let sent = gets[0].response.joinedValue(comparison.name) ?? ""
                    guard let found = Self.read(comparison, in: head.response) else {
                        if !comparison.mayBeOmitted { differences.append("no \(comparison.name) (GET sent '\(Printable.escape(sent))')") }
                        continue
                    }
                    if found != expected, !comparison.mayChange || gets.count >= 2 {
                        let headValue = head.response.joinedValue(comparison.name) ?? ""
                        differences.append("\(comparison.name) '\(Printable.escape(headValue))' where GET sent '\(Printable.escape(sent))'")
                    }
                }
                guard !differences.isEmpty else { continue }
                report.add("\(head.label) answers with other fields than \(get.label): \(differences.joined(separator: "; "))",
                           about: head.response, exchange: head.exchange.index, request: head.request.methodSpan)
            }
        }
    }

    /// The field as `comparison` reads it, `nil` when the response lacks it.
    private static func read(_ comparison: Comparison, in response: Response) -> Set<String>? {
        let lines = response.fields.named(comparison.name)
        guard !lines.isEmpty else { return nil }
        switch comparison.reading {
        case .mediaType:
            return response.normalizedContentType.map { [$0] }
        case .caseInsensitiveSet:
            return response.lowercasedElements(comparison.name)
        case .set:
            return Set(lines.flatMap(\.listElements))
        case .directiveNames:
            return Set(lines.flatMap(\.listElements).map {
                String($0.split(separator: "=", maxSplits: 1).first ?? "").trimmingWhitespace().asciiLowercased()
            })
        case .exact:
            return [response.joinedValue(comparison.name) ?? ""]
        }
    }
}
