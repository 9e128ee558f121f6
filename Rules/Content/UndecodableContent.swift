import HTTPLintCore

/// Content that does not decode with the gzip, deflate, br or zstd coding Content-Encoding names.
struct UndecodableContent: Rule {
    static let description = RuleDescription(
        id: "undecodable-content",
        severity: .error,
        category: .content,
        summary: "Content that does not decode with its Content-Encoding (gzip, deflate, br, zstd)",
        rationale: """
            RFC 9110 §8.4.1: Content-Encoding lists the codings applied to the representation, \
            in the order applied, and a recipient undoes them to get the data. gzip (and \
            x-gzip) is the format of RFC 1952 (§8.4.1.3); deflate is the zlib format of RFC \
            1950 around DEFLATE data of RFC 1951 (§8.4.1.2); br is the brotli format of RFC \
            7932, whose §10 says that a stream that ends before its last meta-block is \
            complete "should be rejected as invalid"; zstd is one or more Zstandard frames \
            (RFC 8878 §3.1), and RFC 9659 §3 bounds their window for HTTP: "encoders MUST NOT \
            generate frames requiring a Window_Size larger than 8 MB"; decoders need support no \
            more, and §4 expects them to fail such invalid frames, so a frame asking for more is \
            reported and not decoded. Content that does not decode (uncompressed bytes labelled \
            gzip, br or zstd, a compressed file cut short, a wrong checksum or length, bytes \
            after the last zstd frame) fails in clients: browsers show an error page instead of \
            the resource. httplint decodes each gzip, x-gzip, deflate, br and zstd layer, the \
            last listed first, and compares the CRC-32, Adler-32 or XXH64 checksum and the \
            length the data gives (brotli carries no checksum); a brotli stream is rejected where \
            RFC 7932 says it should be and the reference decoder does (non-zero padding bits, a \
            needless zero length nibble, a copy past its meta-block's length). compress is not \
            decoded, nor is a zstd frame that names a dictionary (RFC 8878 §3.1.1.1.3; \
            content-not-checked says so), and decoding stops without a verdict past 128 MB. \
            Bytes after the end of gzip, deflate or brotli data are not judged. Not judged: responses \
            without content (HEAD, 204, 304, an empty body), a 206 part, content already cut \
            short (truncated-content), content with a transfer coding besides chunked, and \
            inputs whose content a tool decoded (HAR entries, curl transcripts, URL-loader \
            responses). Only the first gzip member is read.
            """,
        fix: "Send the content compressed whole with the coding Content-Encoding names, or drop Content-Encoding for content sent as is",
        spec: [.rfc9110("8.4.1"), .rfc9110("8.4.1.3"), .rfc9110("8.4.1.2"), SpecReference(rfc: 1952, section: "2.3"),
               SpecReference(rfc: 1950, section: "2.2"), SpecReference(rfc: 1951, section: "3.2"),
               SpecReference(rfc: 7932, section: "9"), SpecReference(rfc: 7932, section: "10"),
               SpecReference(rfc: 8878, section: "3.1"), SpecReference(rfc: 9659, section: "3")],
        fields: ["Content-Encoding"],
        runsWhen: .anyFieldPresent,
        triggering: [
            // Plain text labelled gzip: the classic misconfiguration.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/html\nContent-Encoding: gzip\nContent-Length: 15\n\n",
                         Array("<!doctype html>".utf8), line: 7),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Encoding: x-gzip\nContent-Length: 5\n\n",
                         Array("hello".utf8), line: 6),
            // A wrong CRC-32 in the trailer.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Length: 67\n\n",
                         CompressedExamples.changing(CompressedExamples.gzip, at: 59, to: 0x00), line: 8),
            // A compressed file cut short, with a Content-Length that matches the cut.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Length: 40\n\n",
                         Array(CompressedExamples.gzip.prefix(40)), line: 8),
            // Corrupt DEFLATE data in the second chunk.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: gzip\nTransfer-Encoding: chunked\n\n",
                         CompressedExamples.chunked(CompressedExamples.changing(CompressedExamples.gzip, at: 40, to: 0xFF), size: 32), line: 11),
            // Neither zlib data nor raw DEFLATE.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Encoding: deflate\nContent-Length: 5\n\n",
                         Array("hello".utf8), line: 6),
            // A wrong Adler-32.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Encoding: deflate\nContent-Length: 55\n\n",
                         CompressedExamples.changing(CompressedExamples.zlib, at: 54, to: 0x00), line: 7),
            // Two codings listed, one applied: the gzip layer decodes to JSON text, which is not deflate data.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Encoding: deflate, gzip\nContent-Length: 67\n\n",
                         CompressedExamples.gzip, line: 6),
            // Plain text labelled br (brotli data has no magic bytes; this is not a brotli stream).
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/html\nContent-Encoding: br\nContent-Length: 15\n\n",
                         Array("<!doctype html>".utf8), line: 7),
            // Brotli data cut short, with a Content-Length that matches the cut.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: br\nContent-Length: 40\n\n",
                         Array(CompressedExamples.brotli.prefix(40)), line: 7),
            // Applied as gzip then br, listed the other way round: the br layer is gzip data.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Encoding: br, gzip\nContent-Length: 67\n\n",
                         CompressedExamples.gzip, line: 6),
            // Labelled zstd, but gzip data.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: zstd\nContent-Length: 67\n\n",
                         CompressedExamples.gzip, line: 7),
            // A wrong zstd content checksum.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: zstd\nContent-Length: 68\n\n",
                         CompressedExamples.changing(CompressedExamples.zstd, at: 67, to: 0x00), line: 8),
            // A zstd frame cut short.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: zstd\nContent-Length: 40\n\n",
                         Array(CompressedExamples.zstd.prefix(40)), line: 8),
            // A zstd frame that asks for a 16 MB window.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Encoding: zstd\nContent-Length: 14\n\n",
                         CompressedExamples.zstdWideWindow, line: 6),
        ],
        nonTriggering: [
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: br\nContent-Length: 62\n\n",
                         CompressedExamples.brotli),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: BR\nTransfer-Encoding: chunked\n\n",
                         CompressedExamples.chunked(CompressedExamples.brotli, size: 16)),
            // Two codings applied in the order listed: br undone first, then gzip.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: gzip, br\nContent-Length: 72\n\n",
                         CompressedExamples.gzipThenBrotli),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Length: 67\n\n",
                         CompressedExamples.gzip),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: X-GZIP\nContent-Length: 67\n\n",
                         CompressedExamples.gzip),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: deflate\nContent-Length: 55\n\n",
                         CompressedExamples.zlib),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: gzip\nTransfer-Encoding: chunked\n\n",
                         CompressedExamples.chunked(CompressedExamples.gzip, size: 32)),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Encoding: identity, gzip\nContent-Length: 67\n\n",
                         CompressedExamples.gzip),
            // No content to decode: a response to HEAD, an empty body.
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Encoding: gzip\nContent-Length: 67\n\n",
                    request: "HEAD / HTTP/1.1\nHost: example.com\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Encoding: gzip\nContent-Length: 0\n\n"),
            // A part of the compressed representation.
            .withContent("HTTP/1.1 206 Partial Content\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Encoding: gzip\nContent-Range: bytes 0-19/67\nContent-Length: 20\n\n",
                         Array(CompressedExamples.gzip.prefix(20)), request: "GET / HTTP/1.1\nHost: example.com\nRange: bytes=0-19\n\n"),
            // Codings httplint does not decode are not judged.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Encoding: compress\nContent-Length: 5\n\n", Array("hello".utf8)),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Encoding: gzip, compress\nContent-Length: 5\n\n", Array("hello".utf8)),
            // Valid zstd, and zstd applied over gzip.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: zstd\nContent-Length: 68\n\n",
                         CompressedExamples.zstd),
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Encoding: gzip, zstd\nContent-Length: 80\n\n",
                         CompressedExamples.zstdOfGzip),
            // A zstd frame that names a dictionary: not decoded, so not judged here.
            .withContent("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Encoding: zstd\nContent-Length: 15\n\n",
                         CompressedExamples.zstdWithDictionary),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let reading = report.reading(ContentReading.self, of: response)
        guard let problem = reading.check?.problem else { return }
        report.add(problem.message, at: reading.span(at: problem.offset), status: response.status)
    }
}
