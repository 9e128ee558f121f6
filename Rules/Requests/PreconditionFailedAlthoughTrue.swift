import HTTPLintCore

/// A 412 or 304 whose own validators show the request's conditions to be true.
struct PreconditionFailedAlthoughTrue: Rule {
    static let description = RuleDescription(
        id: "precondition-failed-although-true",
        severity: .error,
        category: .requests,
        summary: "412 or 304 although the response's own ETag or Last-Modified shows every condition that could lead to it to be true",
        rationale: """
            RFC 9110 §15.5.13: 412 "indicates that one or more conditions given in the request \
            header fields evaluated to false"; §15.4.5: 304 indicates that a conditional GET or \
            HEAD "would have resulted in a 200 (OK) response if it were not for the fact that the \
            condition evaluated to false". Under §13.2.2 a 412 comes from If-Match, \
            If-Unmodified-Since (only without If-Match) or If-None-Match on other methods, and a \
            304 from If-None-Match, or If-Modified-Since when If-None-Match is absent ("A \
            recipient MUST ignore If-Modified-Since if the request contains an If-None-Match \
            header field", §13.1.3). When the response shows the ETag or Last-Modified of the \
            selected representation (a 304 must send the ETag a 200 would have, §15.4.5) and \
            they make each of those conditions true (§13.1.1–§13.1.4, comparisons per \
            §8.8.3.2), the client is refused an update it was entitled to, or told its stale copy \
            is current; or the response names the wrong validator. Nothing is judged without the \
            validator in the response (a 412 usually carries none), nor for `*`, nor for a 412 to \
            a request with a field httplint does not know or a WebDAV If, Overwrite or Lock-Token: \
            412 covers any condition "given in the request header fields".
            """,
        fix: "Compare the conditions with the representation's current ETag (strongly for If-Match, weakly for If-None-Match) and Last-Modified, and send the validators of the selected representation",
        spec: [.rfc9110("13.2.2"), .rfc9110("15.5.13"), .rfc9110("15.4.5"), .rfc9110("13.1.1"), .rfc9110("13.1.2"),
               .rfc9110("13.1.3"), .rfc9110("13.1.4")],
        fields: ["If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 412 Precondition Failed\nETag: \"v1\"\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 412 Precondition Failed\nLast-Modified: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Length: 0\n\n",
                    request: "DELETE /doc HTTP/1.1\nHost: example.com\nIf-Unmodified-Since: Sun, 22 Nov 2026 10:00:00 GMT\n\n", line: 1),
            Example("HTTP/1.1 412 Precondition Failed\nETag: \"v2\"\nContent-Length: 0\n\n",
                    request: "POST /doc HTTP/1.1\nHost: example.com\nIf-None-Match: \"v1\"\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nETag: \"v2\"\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"v1\"\n\n", line: 1),
            // If-Modified-Since is ignored beside If-None-Match: only If-None-Match could give 304.
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nETag: \"v2\"\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"v1\"\nIf-Modified-Since: Sun, 22 Nov 2026 10:00:00 GMT\n\n", line: 1),
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nLast-Modified: Sun, 22 Nov 2026 09:30:00 GMT\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\n\n", line: 1),
        ],
        nonTriggering: [
            // The usual 412: no validator shown.
            Example("HTTP/1.1 412 Precondition Failed\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 412 Precondition Failed\nETag: \"v2\"\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\nContent-Length: 0\n\n"),
            // If-Match is true, but If-None-Match is false on a PUT: 412 is right.
            Example("HTTP/1.1 412 Precondition Failed\nETag: \"v1\"\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\nIf-None-Match: W/\"v1\"\nContent-Length: 0\n\n"),
            // If-Match is strong: a weak ETag never matches.
            Example("HTTP/1.1 412 Precondition Failed\nETag: W/\"v1\"\nContent-Length: 0\n\n",
                    request: "PUT /doc HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\nContent-Length: 0\n\n"),
            // Another condition may have failed: WebDAV Overwrite, or an extension field.
            Example("HTTP/1.1 412 Precondition Failed\nETag: \"v1\"\nContent-Length: 0\n\n",
                    request: "COPY /doc HTTP/1.1\nHost: example.com\nDestination: /copy\nOverwrite: F\nIf-Match: \"v1\"\n\n"),
            Example("HTTP/1.1 412 Precondition Failed\nETag: \"v1\"\nContent-Length: 0\n\n",
                    request: "PUT /blob HTTP/1.1\nHost: example.com\nx-ms-lease-id: 1f2e\nIf-Match: \"v1\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nETag: \"v1\"\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"v0\", W/\"v1\"\n\n"),
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"v1\"\n\n"),
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nLast-Modified: Sun, 22 Nov 2026 09:00:00 GMT\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\n\n"),
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: *\n\n"),
        ]
    )

    /// Request fields that carry conditions of their own (WebDAV, RFC 4918 §10).
    private static let otherConditions = ["If", "Overwrite", "Lock-Token"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, status == 412 || status == 304, let request = exchange.request else { return }
        let isGETOrHEAD = request.method == "GET" || request.method == "HEAD"
        if status == 304, !isGETOrHEAD { return }
        if status == 412 {
            var hasOtherCondition = Self.otherConditions.contains(where: request.fields.contains)
            request.fields.forEach { if TableField(of: $0) == nil { hasOtherCondition = true } }
            if hasOtherCondition { return }
        }
        let steps = Preconditions.steps(of: request, against: Preconditions.Validators(of: response))
        // The conditions whose being false gives this status (§13.2.2).
        let leading = steps.filter { step in
            switch step.kind {
            case .ifMatch, .ifUnmodifiedSince: status == 412
            case .ifNoneMatch: step.statusWhenFalse(method: request.method) == status
            case .ifModifiedSince: status == 304
            }
        }
        guard !leading.isEmpty, leading.allSatisfy({ $0.isTrue == true }) else { return }
        let conditions = leading.map { "\($0.kind.rawValue) '\(Printable.escape($0.value))' is true (\($0.reason))" }
        report.add("\(status) although \(conditions.joined(separator: " and ")): no condition that leads to \(status) failed, or the response names the wrong validator",
                   about: response, request: leading[0].span)
    }
}
