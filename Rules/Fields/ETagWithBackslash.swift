import HTTPLintCore

/// An entity tag with a backslash in it, which some recipients take for an escape.
struct ETagWithBackslash: Rule {
    static let description = RuleDescription(
        id: "etag-with-backslash",
        severity: .info,
        category: .fields,
        summary: "ETag whose opaque tag contains a backslash",
        rationale: """
            RFC 9110 §8.8.3: etagc allows a backslash, but "Previously, opaque-tag was defined to \
            be a quoted-string ([RFC2616], Section 3.11); thus, some recipients might perform \
            backslash unescaping. Servers therefore ought to avoid backslash characters in \
            entity tags." A recipient that unescapes sends back a different tag in If-None-Match \
            or If-Match, and the condition fails: full responses instead of 304s, or a 412 for \
            a write that should have passed. Advice, hence information.
            """,
        fix: "Generate entity tags from characters other than backslash (hex or base64url digests, say)",
        spec: [.rfc9110("8.8.3")],
        fields: ["ETag"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nETag: \"abc\\\\def\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nETag: W/\"v1\\\\\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nETag: \"abc/def\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nETag: W/\"5e-1f2a\"\nContent-Length: 0\n\n"),
            // Not an entity tag at all: invalid-etag reports it.
            Example("HTTP/1.1 200 OK\nETag: abc\\\\def\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.etag) {
            // Without a backslash byte no tag holds the backslash character: no tag is built.
            let bytes = field.readValueBytes
            guard bytes.contains(UInt8(ascii: "\\")),
                  let tag = EntityTag(bytes: bytes.trimmingWhitespace()), tag.opaque.contains("\\") else { continue }
            report.add("ETag \(tag.isWeak ? "W/" : "")\"\(Printable.escape(tag.opaque))\" contains a backslash, which some recipients unescape, so their conditional requests would not match",
                       at: field.valueSpan, status: response.status)
        }
    }
}
