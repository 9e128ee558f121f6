import HTTPLintCore

/// A response gzip-encoded because the request asked for it says so in Vary.
struct GzipVariantWithoutVary: ExchangeSetRule {
    static let description = RuleDescription(
        id: "gzip-variant-without-vary",
        severity: .warning,
        category: .requests,
        summary: "Response gzip-encoded for Accept-Encoding: gzip, not encoded without it, and lacking Vary: Accept-Encoding",
        rationale: """
            RFC 9110 §12.5.5: "An origin server SHOULD generate a Vary header field on a \
            cacheable response when it wishes that response to be selectively reused for \
            subsequent requests." A server that encodes a target's content with gzip only when \
            the request's Accept-Encoding allows it has selected the content on that field; \
            without Vary naming it (or `*`), a shared cache stores the gzip bytes under the \
            target alone and serves them to the next client whatever it accepts (RFC 9111 \
            §4.1), and a client that cannot decode them gets garbage. httplint reports a 200 to \
            a GET with `Accept-Encoding: gzip` that is gzip-encoded and lacks Vary, when a 200 \
            to an alike GET without Accept-Encoding (or with only `identity`) for the same \
            target is not encoded. §12.5.5 lets Vary be elided when reuse is already limited by \
            cache directives, so a response with `no-store`, `private` or `no-cache`, or to a \
            request with Authorization that a shared cache would not reuse, is not reported.
            """,
        fix: "Send `Vary: Accept-Encoding` with every response whose encoding depends on Accept-Encoding",
        spec: [.rfc9110("12.5.5"), SpecReference(rfc: 9111, section: "4.1")],
        fields: ["Vary", "Content-Encoding", "Accept-Encoding"],
        needsRequest: true,
        triggering: [
            Example.withContent("", ProbeExamples.ok("Content-Type: application/json\n", Array(CompressedExamples.text.utf8))
                                    + ProbeExamples.ok("Content-Type: application/json\nContent-Encoding: gzip\n", CompressedExamples.gzip),
                                request: "GET /j HTTP/1.1\nHost: a.example\n\nGET /j HTTP/1.1\nHost: a.example\nAccept-Encoding: gzip, deflate\n\n",
                                line: 6),
        ],
        nonTriggering: [
            Example.withContent("", ProbeExamples.ok("Vary: Accept-Encoding\n", Array(CompressedExamples.text.utf8))
                                    + ProbeExamples.ok("Content-Encoding: gzip\nVary: Accept-Encoding\n", CompressedExamples.gzip),
                                request: "GET /j HTTP/1.1\nHost: a.example\n\nGET /j HTTP/1.1\nHost: a.example\nAccept-Encoding: gzip\n\n"),
            // Reuse is already limited by Cache-Control.
            Example.withContent("", ProbeExamples.ok("Cache-Control: private\n", Array(CompressedExamples.text.utf8))
                                    + ProbeExamples.ok("Content-Encoding: gzip\nCache-Control: private\n", CompressedExamples.gzip),
                                request: "GET /j HTTP/1.1\nHost: a.example\n\nGET /j HTTP/1.1\nHost: a.example\nAccept-Encoding: gzip\n\n"),
            // Encoded either way: nothing was selected on Accept-Encoding.
            Example.withContent("", ProbeExamples.ok("Content-Encoding: gzip\n", CompressedExamples.gzip)
                                    + ProbeExamples.ok("Content-Encoding: gzip\n", CompressedExamples.gzip),
                                request: "GET /j HTTP/1.1\nHost: a.example\n\nGET /j HTTP/1.1\nHost: a.example\nAccept-Encoding: gzip\n\n"),
        ]
    )

    func check(exchanges: [Exchange], _ report: inout FindingReporter) {
        for sameResource in ProbeExchange.byResource(exchanges) {
            for encoded in sameResource where encoded.isGzipVariant {
                guard let identity = sameResource.first(where: { $0.isIdentityVariant && $0.isAlike(encoded) }) else { continue }
                let response = encoded.response
                let vary = response.lowercasedElements("Vary")
                guard !vary.contains("accept-encoding"), !vary.contains("*"), !Self.limitsReuse(encoded) else { continue }
                let neither = identity.response.lowercasedElements("Vary").contains("accept-encoding") ? "" : " (nor has the unencoded one)"
                report.add("The gzip-encoded response to \(encoded.label) has no Vary: Accept-Encoding\(neither), though \(identity.label) without Accept-Encoding is answered unencoded",
                           about: response, exchange: encoded.exchange.index,
                           request: encoded.request.fields.first(named: "Accept-Encoding")?.lineSpan)
            }
        }
    }

    /// Whether caches are already kept from reusing the response for other requests.
    private static func limitsReuse(_ encoded: ProbeExchange) -> Bool {
        let directives = Set(encoded.response.fields.named(.cacheControl).flatMap(\.listElements).map {
            String($0.split(separator: "=", maxSplits: 1).first ?? "").trimmingWhitespace().asciiLowercased()
        })
        if !directives.isDisjoint(with: ["no-store", "private", "no-cache"]) { return true }
        // RFC 9111 §3.5: a shared cache reuses a response to a request with Authorization only so allowed.
        return encoded.request.fields.contains(.authorization) && directives.isDisjoint(with: ["public", "s-maxage", "must-revalidate"])
    }
}

extension ProbeExchange {
    /// A 200 to a GET that asked for gzip (no precondition, no range), gzip-encoded.
    var isGzipVariant: Bool {
        status == 200 && method == "GET" && !hasPrecondition && !hasRange && asksForGzip
            && response.contentCodings.contains { ["gzip", "x-gzip"].contains($0.asciiLowercased()) }
    }

    /// A 200 to a plain GET, not content-encoded.
    var isIdentityVariant: Bool {
        status == 200 && method == "GET" && isPlain && response.contentCodings.isEmpty
    }
}
