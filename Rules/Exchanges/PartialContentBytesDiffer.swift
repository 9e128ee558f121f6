import HTTPLintCore

/// A 206 encloses the bytes of the representation at the offsets its Content-Range names.
struct PartialContentBytesDiffer: ExchangeSetRule {
    static let description = RuleDescription(
        id: "partial-content-bytes-differ",
        severity: .error,
        category: .requests,
        summary: "206 whose bytes are not those of the full 200 content at the offsets its Content-Range names",
        rationale: """
            RFC 9110 §14.4: Content-Range "is sent in a single part 206 (Partial Content) \
            response to indicate the partial range of the selected representation enclosed as \
            the message content", and §15.3.7: a 206 "is successfully fulfilling a range \
            request for the target resource by transferring one or more parts of the selected \
            representation." A client that resumes a download or fetches a file piecewise \
            (§14.3) splices the parts together: bytes from elsewhere, or a complete length \
            other than the representation's, corrupt what it assembles. httplint compares a \
            single-part 206 to a Range GET with the content of a 200 to a GET for the same \
            target that is otherwise alike, neither having a Content-Encoding, and only when \
            that content is known to be the same representation: two such GETs received \
            identical content, or the one 200 has a strong ETag equal to the 206's.
            """,
        fix: "Serve ranges from the same bytes as the full response (and change the ETag when the bytes change)",
        spec: [.rfc9110("14.4"), .rfc9110("15.3.7"), .rfc9110("14.3")],
        fields: ["Content-Range", "Range", "ETag"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 10\n\n0123456789HTTP/1.1 206 Partial Content\nETag: \"v1\"\nContent-Range: bytes 2-4/10\nContent-Length: 3\n\n345",
                    request: "GET /f HTTP/1.1\nHost: a.example\n\nGET /f HTTP/1.1\nHost: a.example\nRange: bytes=2-4\n\n", line: 5),
            Example("HTTP/1.1 200 OK\nContent-Length: 10\n\n0123456789HTTP/1.1 200 OK\nContent-Length: 10\n\n0123456789HTTP/1.1 206 Partial Content\nContent-Range: bytes 8-9/12\nContent-Length: 2\n\n89",
                    request: "GET /f HTTP/1.1\nHost: a.example\n\nGET /f HTTP/1.1\nHost: a.example\n\nGET /f HTTP/1.1\nHost: a.example\nRange: bytes=8-\n\n", line: 7),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 10\n\n0123456789HTTP/1.1 206 Partial Content\nETag: \"v1\"\nContent-Range: bytes 2-4/10\nContent-Length: 3\n\n234",
                    request: "GET /f HTTP/1.1\nHost: a.example\n\nGET /f HTTP/1.1\nHost: a.example\nRange: bytes=2-4\n\n"),
            // Dynamic content: the two GETs differ, so the 206 may be of a third version.
            Example("HTTP/1.1 200 OK\nContent-Length: 10\n\n0123456789HTTP/1.1 200 OK\nContent-Length: 10\n\n9876543210HTTP/1.1 206 Partial Content\nContent-Range: bytes 2-4/10\nContent-Length: 3\n\nabc",
                    request: "GET /f HTTP/1.1\nHost: a.example\n\nGET /f HTTP/1.1\nHost: a.example\n\nGET /f HTTP/1.1\nHost: a.example\nRange: bytes=2-4\n\n"),
            // One 200 with a weak ETag: the bytes may have changed since.
            Example("HTTP/1.1 200 OK\nETag: W/\"v1\"\nContent-Length: 10\n\n0123456789HTTP/1.1 206 Partial Content\nETag: W/\"v1\"\nContent-Range: bytes 2-4/10\nContent-Length: 3\n\n345",
                    request: "GET /f HTTP/1.1\nHost: a.example\n\nGET /f HTTP/1.1\nHost: a.example\nRange: bytes=2-4\n\n"),
        ]
    )

    func check(exchanges: [Exchange], _ report: inout FindingReporter) {
        for sameResource in ProbeExchange.byResource(exchanges) {
            for partial in sameResource where partial.status == 206 && partial.method == "GET" && partial.hasRange && partial.asksForIdentity {
                let response = partial.response
                guard response.contentCodings.isEmpty, !response.isMultipartByteranges,
                      let part = response.receivedContent, response.fields.named(.contentRange).count == 1,
                      case .success(.range(let unit, let first?, let last?, _, let length))? =
                          response.fields.first(named: .contentRange).map({ InvalidContentRange.parse($0.value) }),
                      unit.asciiLowercased() == "bytes", first <= last, UInt64(part.count) == last - first + 1,
                      let (full, from) = Self.fullContent(for: partial, in: sameResource)
                else { continue }
                let rangeSpan = partial.request.fields.first(named: .range)?.lineSpan
                let contentRange = Printable.escape(response.joinedValue("Content-Range") ?? "")
                let problem: String
                if let length, length != UInt64(full.count) {
                    problem = "Content-Range '\(contentRange)' gives a complete length of \(length) octets, but \(from) received \(full.count)"
                } else if last >= UInt64(full.count) {
                    problem = "Content-Range '\(contentRange)' reaches past the \(full.count) octets \(from) received"
                } else if let offset = part.firstDifference(from: Array(full[Int(first)...Int(last)])) {
                    problem = "its octets differ from octets \(first)-\(last) of the content \(from) received, first at octet \(first + UInt64(offset))"
                } else {
                    continue
                }
                report.add("206 to \(partial.label): \(problem)", about: response, exchange: partial.exchange.index, request: rangeSpan)
            }
        }
    }

    /// The identity content of the representation `partial` is a part of, and which exchanges
    /// received it: that of two alike plain GETs that received the same bytes, or of the one
    /// plain GET whose strong ETag is the 206's.
    private static func fullContent(for partial: ProbeExchange, in sameResource: [ProbeExchange]) -> ([UInt8], String)? {
        let gets = sameResource.filter { $0.method == "GET" && $0.isPlain && $0.isAlike(partial) }
        guard gets.allSatisfy({ $0.status == 200 && $0.response.contentCodings.isEmpty }) else { return nil }
        let contents = gets.map(\.response.receivedContent)
        guard let first = contents.first, let full = first, contents.allSatisfy({ $0 == full }) else { return nil }
        if gets.count >= 2 { return (full, "\(gets[0].label) and \(gets[1].label)") }
        guard let tag = gets[0].response.entityTag, let partialTag = partial.response.entityTag,
              tag.strongMatches(partialTag) else { return nil }
        return (full, gets[0].label)
    }
}
