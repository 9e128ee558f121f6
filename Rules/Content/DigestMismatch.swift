import HTTPLintCore

/// Content-Digest or Repr-Digest whose sha-256 or sha-512 value is not that of the content.
struct DigestMismatch: Rule {
    static let description = RuleDescription(
        id: "digest-mismatch",
        severity: .error,
        category: .content,
        summary: "Content-Digest or Repr-Digest whose sha-256 or sha-512 digest does not match the content",
        rationale: """
            RFC 9530 §2: Content-Digest holds digests "calculated using a hashing algorithm \
            applied to the actual message content", that is the content as sent, after any \
            content coding and without the chunked framing of the transfer (RFC 9110 §6.4). §3: Repr-Digest is computed over \
            the selected representation data, which for a complete 200 answer to GET is the \
            same bytes, content coding included (RFC 9110 §8.4.1). §5 defines sha-256 and \
            sha-512 as the active algorithms (32- and 64-byte Byte Sequences). A digest that \
            does not match makes every recipient that checks it reject a response that may be \
            intact; the usual mistake is a digest of the content before compression. A 206 \
            carries part of the representation and a HEAD or 304 none of it, so Repr-Digest is \
            checked only on a 200 that answers GET (or an unknown request); Content-Digest is \
            checked wherever the whole content is there. Other algorithms are not checked.
            """,
        fix: "Compute the digest over the bytes sent: after gzip or br for Content-Digest (and Repr-Digest of an encoded representation)",
        spec: [SpecReference(rfc: 9530, section: "2"), SpecReference(rfc: 9530, section: "3"),
               SpecReference(rfc: 9530, section: "5")],
        fields: ["Content-Digest", "Repr-Digest"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Digest: sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:\nContent-Length: 11\n\nhello world", line: 2),
            Example("HTTP/1.1 200 OK\nRepr-Digest: sha-512=:2zl0qX8kB7fK4a5jfAAwaHoRkTJ01XhJJVjjnBbAF96E6s3Ixi/jTuThK0sUKIF/Cbaidgw/imZM6ulNJDSlkw==:\nContent-Length: 2\n\nok", line: 2),
            // The digest of the JSON before gzip, sent with the gzipped bytes.
            Example.withContent("HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Digest: sha-256=:Ckr1/+2CvHSA4Q84c6CetsEEKxv0wwTheJPxr8/2748=:\nContent-Length: \(CompressedExamples.gzip.count)\n\n",
                                CompressedExamples.gzip, line: 4),
            // Chunked, with the digest in the trailer section.
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\nTrailer: Content-Digest\n\n5\nhello\n6\n world\n0\nContent-Digest: sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:\n\n", line: 10),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Digest: sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:, sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:\nContent-Length: 18\n\n{\"hello\": \"world\"}"),
            Example.withContent("HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Digest: sha-256=:tpATQ02Wz314mnPSVTQAMazcWY47Q+JUbLdR6Rzj0aE=:\nRepr-Digest: sha-256=:tpATQ02Wz314mnPSVTQAMazcWY47Q+JUbLdR6Rzj0aE=:\nContent-Length: \(CompressedExamples.gzip.count)\n\n",
                                CompressedExamples.gzip),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\nTrailer: Content-Digest\n\n5\nhello\n6\n world\n0\nContent-Digest: sha-256=:uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=:\n\n"),
            // A 206 carries part of the representation: its Repr-Digest is that of the whole.
            Example("HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-1/18\nRepr-Digest: sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:\nContent-Digest: sha-256=:YBfbyo4+6y9zvkEjsAMsc22Mj5v4yG5mMYhzQsBv7JA=:\nContent-Length: 2\n\n{\""),
            // A HEAD answer carries no content to check.
            Example("HTTP/1.1 200 OK\nContent-Digest: sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:\nContent-Length: 18\n\n",
                    request: "HEAD / HTTP/1.1\nHost: example.com\n\n"),
            // Algorithms other than sha-256 and sha-512 are not checked.
            Example("HTTP/1.1 200 OK\nContent-Digest: md5=:AAAAAAAAAAAAAAAAAAAAAA==:\nContent-Length: 2\n\nok"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, status >= 200, Self.hasWholeContent(response) else { return }
        let method = exchange.request?.method
        let representationIsContent = status == 200 && (method == nil || method == "GET")
            && !response.fields.contains(.contentRange)
        var content: [UInt8]?
        for name in ["Content-Digest", "Repr-Digest"] {
            if name == "Repr-Digest", !representationIsContent { continue }
            let lines = Array(response.fields.named(name)) + Array(response.trailers.named(name))
            guard let anchor = lines.first else { continue }
            let value = lines.map(\.value).joined(separator: ", ")
            guard let dictionary = try? StructuredFields.parseDictionary(value) else { continue }
            for (key, member) in dictionary {
                guard key == "sha-256" || key == "sha-512",
                      case .item(let item) = member, case .byteSequence(let digest) = item.bare else { continue }
                let expectedLength = key == "sha-256" ? 32 : 64
                if content == nil { content = Self.contentBytes(response) }
                guard let content else { return }
                let actual = key == "sha-256" ? SHA2.sha256(content) : SHA2.sha512(content)
                if digest.count != expectedLength {
                    report.add("\(name) \(key) is \(digest.count) bytes; a \(key) digest is \(expectedLength)",
                               at: anchor.lineSpan, status: status)
                } else if digest != actual {
                    let over = name == "Content-Digest" ? "the \(content.count) bytes of content as sent" : "the \(content.count) bytes of the representation"
                    report.add("\(name) \(key)=:\(Self.base64(digest)): does not match \(over), whose \(key) is :\(Self.base64(actual)):",
                               at: anchor.lineSpan, status: status)
                }
            }
        }
    }

    /// Whether the whole content is in the input: framed by Content-Length, chunked or the
    /// close, not cut short, and with no transfer coding but chunked.
    static func hasWholeContent(_ response: Response) -> Bool {
        switch response.content.framing {
        case .contentLength, .chunked, .closeDelimited: break
        case .none, .tunnel: return false
        }
        return !response.content.isTruncated
            && response.fields.named(.transferEncoding).flatMap(\.listElements).allSatisfy { $0.asciiLowercased() == "chunked" }
    }

    /// The content with the chunked framing removed.
    static func contentBytes(_ response: Response) -> [UInt8] {
        let source = response.source
        guard response.content.framing == .chunked else { return Array(source.bytes[source.clamped(response.content.span)]) }
        var joined: [UInt8] = []
        joined.reserveCapacity(response.content.length)
        for chunk in response.content.chunks { joined += source.bytes[source.clamped(chunk)] }
        return joined
    }

    /// `bytes` in base64 (RFC 4648 §4), as Byte Sequences are written.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group = 0
            for offset in 0..<3 { group = group << 8 | (offset < count ? Int(bytes[index + offset]) : 0) }
            for position in 0..<4 {
                out.append(position <= count ? alphabet[(group >> (18 - 6 * position)) & 63] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
