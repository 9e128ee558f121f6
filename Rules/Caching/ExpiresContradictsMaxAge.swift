import HTTPLintCore

/// Expires and max-age that disagree on whether the response is fresh.
struct ExpiresContradictsMaxAge: Rule {
    static let description = RuleDescription(
        id: "expires-contradicts-max-age",
        severity: .info,
        category: .caching,
        summary: "Expires and Cache-Control max-age disagree on whether the response is fresh",
        rationale: """
            RFC 9111 §5.3: when Cache-Control has max-age, recipients must ignore Expires, \
            which is "only intended for recipients that have not yet implemented the \
            Cache-Control header field"; §4.2.1 computes the lifetime from max-age first. An \
            Expires at or before Date (already stale) next to a positive max-age, or a future \
            Expires next to max-age=0, means HTTP/1.0 caches and current ones treat the \
            response oppositely, and usually that two layers of the application each set one \
            of the fields. Expires and max-age that merely give different lifetimes are not \
            reported.
            """,
        fix: "Make them agree (Expires = Date + max-age), or drop Expires and keep Cache-Control",
        spec: [SpecReference(rfc: 9111, section: "5.3"), SpecReference(rfc: 9111, section: "4.2.1")],
        fields: ["Expires", "Cache-Control", "Date"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nExpires: Thu, 01 Jan 1970 00:00:00 GMT\nCache-Control: public, max-age=3600\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nExpires: Mon, 07 Nov 1994 08:49:37 GMT\nCache-Control: max-age=0\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nExpires: Sun, 06 Nov 1994 09:49:37 GMT\nCache-Control: max-age=3600\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nExpires: Thu, 01 Jan 1970 00:00:00 GMT\nCache-Control: private, max-age=0, must-revalidate\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nExpires: Sun, 06 Nov 1994 09:00:00 GMT\nCache-Control: max-age=86400\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.fields.contains(.expires) else { return }
        let dates = report.reading(DateFields.self, of: response)
        guard let maxAge = report.reading(CacheDirectives.self, of: response).seconds(.maxAge),
              let (field, expires) = dates.first(.expires), let date = dates.date(.date) else { return }
        let lifetime = expires.secondsSince1970 - date.secondsSince1970
        if lifetime <= 0, maxAge > 0 {
            report.add("Expires is not after Date (already stale) but max-age=\(maxAge) makes the response fresh; caches that read Cache-Control use max-age",
                       at: field.valueSpan, status: response.status)
        } else if lifetime > 0, maxAge == 0 {
            report.add("Expires gives \(lifetime) seconds of freshness but max-age=0 makes the response stale; caches that read Cache-Control use max-age",
                       at: field.valueSpan, status: response.status)
        }
    }
}
