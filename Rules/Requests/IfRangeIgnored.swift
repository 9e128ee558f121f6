import HTTPLintCore

/// A 206 although the request's If-Range does not match the representation the response shows.
struct IfRangeIgnored: Rule {
    static let description = RuleDescription(
        id: "if-range-ignored",
        severity: .error,
        category: .requests,
        summary: "206 to a GET whose If-Range does not match the response's ETag or Last-Modified",
        rationale: """
            RFC 9110 §13.1.5: "If the entity-tag validator provided exactly matches the ETag \
            field value for the selected representation using the strong comparison function \
            (Section 8.8.3.2), the condition is true"; for a date, "If the HTTP-date validator \
            provided exactly matches the Last-Modified field value for the selected \
            representation, the condition is true. Otherwise, the condition is false." Then "A \
            recipient of an If-Range header field MUST ignore the Range header field if the \
            If-Range condition evaluates to false", and §13.2.2 answers 200 with the whole \
            representation. A 206 instead hands the client a part of a representation that has \
            changed, which it splices into its old copy. A weak entity tag never matches by the \
            strong comparison. Judged only when the 206 shows the validator (its ETag, or its \
            Last-Modified for a date); a date at the same instant written differently is left \
            alone.
            """,
        fix: "Compare If-Range with the current ETag (strongly) or Last-Modified (exactly), and send 200 with the whole representation when it does not match",
        spec: [.rfc9110("13.1.5"), .rfc9110("13.2.2"), .rfc9110("8.8.3.2")],
        fields: ["If-Range"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 206 Partial Content\nETag: \"v2\"\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\nIf-Range: \"v1\"\n\n", line: 1),
            Example("HTTP/1.1 206 Partial Content\nETag: W/\"v1\"\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\nIf-Range: W/\"v1\"\n\n", line: 1),
            Example("HTTP/1.1 206 Partial Content\nLast-Modified: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\nIf-Range: Sun, 22 Nov 2026 09:00:00 GMT\n\n", line: 1),
            // Exact match, not "earlier than or equal to".
            Example("HTTP/1.1 206 Partial Content\nLast-Modified: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\nIf-Range: Sun, 22 Nov 2026 10:00:00 GMT\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 206 Partial Content\nETag: \"v1\"\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\nIf-Range: \"v1\"\n\n"),
            Example("HTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\nIf-Range: \"v1\"\n\n"),
            // The 206 shows no ETag: nothing to compare with.
            Example("HTTP/1.1 206 Partial Content\nLast-Modified: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\nIf-Range: \"v1\"\n\n"),
            Example("HTTP/1.1 206 Partial Content\nLast-Modified: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\nIf-Range: Sun, 22 Nov 2026 09:00:00 GMT\n\n"),
            Example("HTTP/1.1 206 Partial Content\nETag: \"v2\"\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET /file HTTP/1.1\nHost: example.com\nRange: bytes=0-4\nIf-Range: next week\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 206, let request = exchange.request, request.method == "GET",
              request.fields.contains(.range), let field = request.fields.first(named: .ifRange),
              request.fields.named(.ifRange).count == 1 else { return }
        let value = field.value
        let validators = Preconditions.Validators(of: response)
        let reason: String
        if let tag = EntityTag(value.trimmingWhitespace()) {
            if tag.isWeak {
                reason = "it is a weak entity tag, which never matches by the strong comparison"
            } else if let etag = validators.etag, let text = validators.etagText, !tag.strongMatches(etag) {
                reason = "it does not strongly match ETag \(text)"
            } else {
                return
            }
        } else if let date = try? HTTPDate.parse(value), let modified = validators.lastModified,
                  let text = validators.lastModifiedText, modified.secondsSince1970 != date.secondsSince1970 {
            reason = "it is not the Last-Modified \(text)"
        } else {
            return
        }
        report.add("206 although If-Range '\(Printable.escape(value))' is false (\(reason)): Range must be ignored and the whole representation sent with 200",
                   about: response, request: field.lineSpan)
    }
}
