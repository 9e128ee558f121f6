import HTTPLintCore

/// 412 to a request whose only preconditions are ones the server must ignore.
struct PreconditionFailedOnIgnoredCondition: Rule {
    static let description = RuleDescription(
        id: "precondition-failed-on-ignored-condition",
        severity: .warning,
        category: .requests,
        summary: "412 to a request whose only preconditions must be ignored: any on CONNECT, OPTIONS or TRACE, If-Modified-Since or If-Range elsewhere",
        rationale: """
            RFC 9110 §13.2.1: "a server MUST ignore the conditional request header fields \
            defined by this specification when received with a request method that does not \
            involve the selection or modification of a selected representation, such as \
            CONNECT, OPTIONS, or TRACE." §13.1.3: "A recipient MUST ignore the If-Modified-Since \
            header field if ... the request method is neither GET nor HEAD", and If-Modified-Since \
            never leads to 412 anyway (its false outcome is 304). If-Range never gives 412: when \
            it is false the whole representation is sent (§13.1.5). A 412 (§15.5.13) to such a \
            request evaluated a condition it had to ignore. Requests carrying WebDAV's `If` \
            field (RFC 4918 §10.4), which has preconditions of its own, are not judged, nor QUERY \
            (RFC 10008), whose conditional form works like GET's.
            """,
        fix: "Ignore preconditions on CONNECT, OPTIONS and TRACE, and If-Modified-Since on methods other than GET and HEAD",
        spec: [.rfc9110("13.2.1"), .rfc9110("13.1.3"), .rfc9110("13.1.5"), .rfc9110("15.5.13")],
        fields: ["If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 412 Precondition Failed\nContent-Length: 0\n\n",
                    request: "OPTIONS /doc HTTP/1.1\nHost: a.example\nIf-Match: \"zzz\"\n\n", line: 1),
            Example("HTTP/1.1 412 Precondition Failed\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: a.example\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Length: 2\n\nhi", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 412 Precondition Failed\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: a.example\nIf-Match: \"zzz\"\nContent-Length: 2\n\nhi"),
            Example("HTTP/1.1 412 Precondition Failed\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: a.example\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\nIf-Unmodified-Since: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Length: 2\n\nhi"),
            Example("HTTP/1.1 412 Precondition Failed\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: a.example\nIf: (<urn:uuid:181d4fae-7d8c-11d0-a765-00a0c91e6bf2>)\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Length: 2\n\nhi"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "OPTIONS /doc HTTP/1.1\nHost: a.example\nIf-Match: \"zzz\"\n\n"),
        ]
    )

    static let ignoringAll: Set<String> = ["CONNECT", "OPTIONS", "TRACE"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard response.status == 412, let request = exchange.request, request.hasRequestLine,
              !request.fields.contains("If") else { return }
        let present = request.preconditionFields
        guard let first = present.first else { return }
        if Self.ignoringAll.contains(request.method) {
            report.add("412 to \(request.method), whose preconditions (\(present.joined(separator: ", "))) a server must ignore",
                       about: response, request: request.fields.first(named: first)?.lineSpan ?? request.methodSpan)
        } else if !NotModifiedForOtherMethod.conditionalLikeGET.contains(request.method), present.allSatisfy({ $0 == "If-Modified-Since" || $0 == "If-Range" }) {
            report.add("412 to \(Printable.escape(request.method)) whose only preconditions (\(present.joined(separator: ", "))) must be ignored for that method",
                       about: response, request: request.fields.first(named: first)?.lineSpan ?? request.methodSpan)
        }
    }
}
