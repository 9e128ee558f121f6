import HTTPLintCore

/// A gzip-encoded response decodes to the content sent without the coding.
struct GzipVariantContentDiffers: ExchangeSetRule {
    static let description = RuleDescription(
        id: "gzip-variant-content-differs",
        severity: .error,
        category: .requests,
        summary: "gzip-encoded response that decodes to other bytes than the same target's stable unencoded content",
        rationale: """
            RFC 9110 §8.4: Content-Encoding "indicates what content codings have been applied \
            to the representation, beyond those inherent in the media type, and thus what \
            decoding mechanisms have to be applied in order to obtain data in the media type \
            referenced by the Content-Type header field"; a content coding is a transformation \
            of the representation, not another one (§8.4.1). When the gzip variant decodes to \
            other bytes, clients get different data depending on what they accept: a \
            precompressed file gone stale (nginx `gzip_static`, a build that compresses \
            assets), content compressed twice, or a compressor that cut it short. httplint \
            reports a 200 to a GET with `Accept-Encoding: gzip` whose gzip or deflate codings \
            decode completely to bytes other than those of a 200 to an alike GET without \
            Accept-Encoding, only when two such GETs received identical bytes (so that dynamic \
            content is not blamed) and the Content-Type is the same.
            """,
        fix: "Compress the same bytes the unencoded response sends (rebuild precompressed files with their originals)",
        spec: [.rfc9110("8.4"), .rfc9110("8.4.1")],
        fields: ["Content-Encoding", "Accept-Encoding"],
        needsRequest: true,
        triggering: [
            Example.withContent("", ProbeExamples.ok("", Self.stale) + ProbeExamples.ok("", Self.stale)
                                    + ProbeExamples.ok("Content-Encoding: gzip\nVary: Accept-Encoding\n", CompressedExamples.gzip),
                                request: "GET /j HTTP/1.1\nHost: a.example\n\nGET /j HTTP/1.1\nHost: a.example\n\nGET /j HTTP/1.1\nHost: a.example\nAccept-Encoding: gzip\n\n",
                                line: 9),
        ],
        nonTriggering: [
            Example.withContent("", ProbeExamples.ok("", Array(CompressedExamples.text.utf8)) + ProbeExamples.ok("", Array(CompressedExamples.text.utf8))
                                    + ProbeExamples.ok("Content-Encoding: gzip\nVary: Accept-Encoding\n", CompressedExamples.gzip),
                                request: "GET /j HTTP/1.1\nHost: a.example\n\nGET /j HTTP/1.1\nHost: a.example\n\nGET /j HTTP/1.1\nHost: a.example\nAccept-Encoding: gzip\n\n"),
            // One unencoded GET: the content may change with every response.
            Example.withContent("", ProbeExamples.ok("", Self.stale)
                                    + ProbeExamples.ok("Content-Encoding: gzip\nVary: Accept-Encoding\n", CompressedExamples.gzip),
                                request: "GET /j HTTP/1.1\nHost: a.example\n\nGET /j HTTP/1.1\nHost: a.example\nAccept-Encoding: gzip\n\n"),
        ]
    )

    /// The examples' JSON text with its id 42 made 43: what a stale original looks like.
    private static let stale = CompressedExamples.changing(Array(CompressedExamples.text.utf8), at: 8, to: UInt8(ascii: "3"))

    func check(exchanges: [Exchange], _ report: inout FindingReporter) {
        for sameResource in ProbeExchange.byResource(exchanges) {
            for encoded in sameResource where encoded.isGzipVariant {
                let identities = sameResource.filter { $0.isIdentityVariant && $0.isAlike(encoded) }
                let contents = identities.map(\.response.receivedContent)
                guard identities.count >= 2, let first = contents[0], contents.allSatisfy({ $0 == first }),
                      identities.allSatisfy({ $0.response.normalizedContentType == encoded.response.normalizedContentType }),
                      let decoded = Self.decoded(encoded.response), let offset = decoded.firstDifference(from: first)
                else { continue }
                report.add("\(encoded.label)'s gzip content decodes to \(decoded.count) octets that differ from the \(first.count) \(identities[0].label) and \(identities[1].label) received without Accept-Encoding, first at octet \(offset)",
                           about: encoded.response, exchange: encoded.exchange.index,
                           request: encoded.request.fields.first(named: "Accept-Encoding")?.lineSpan)
            }
        }
    }

    /// The content with every coding undone, when every coding is one httplint decodes and
    /// the content decodes without a problem.
    private static func decoded(_ response: Response) -> [UInt8]? {
        let codings = response.contentCodings
        guard codings.allSatisfy(ContentCodingCheck.isDecodable), let content = response.receivedContent else { return nil }
        let check = content.withUnsafeBufferPointer {
            ContentCodingCheck(content: $0, codings: codings, keepingDecoded: ContentCodingCheck.outputLimit)
        }
        guard check.isComplete, check.problem == nil else { return nil }
        return check.decoded
    }
}
