import HTTPLintCore

/// The response shows that the request's preconditions were not honoured.
struct PreconditionEvaluatedWrongly: Rule {
    static let description = RuleDescription(
        id: "precondition-evaluated-wrongly",
        severity: .error,
        category: .requests,
        summary: "2xx to a GET or HEAD whose If-Match, If-Unmodified-Since or If-None-Match the response's own validators show to be false",
        rationale: """
            RFC 9110 §13.2.2: "A recipient cache or origin server MUST evaluate the request \
            preconditions defined by this specification in the following order": If-Match (if \
            false, 412), else If-Unmodified-Since (if false, 412), then If-None-Match (if false \
            for GET/HEAD, 304), and only then perform the method. If-Match is true when a member \
            matches the selected representation's entity tag by the strong comparison, so a \
            representation without an ETag matches none (§13.1.1, §8.8.3.2); If-Unmodified-Since \
            is false when the last modification date is later than the field's date (§13.1.4); \
            If-None-Match is false when a member matches by the weak comparison, or for `*` when \
            a representation exists (§13.1.2). An origin server "MUST NOT perform the requested \
            method if the condition evaluates to false". A 2xx to GET or HEAD whose own ETag or \
            Last-Modified contradicts the condition means the server ignored it, so caches \
            download what they have and range completions mix versions. Only GET and HEAD are \
            judged: for a state-changing method the origin MAY answer 2xx when the change \
            "appears to have already been applied", and the ETag may describe the new state. A \
            response with Age comes from a cache, which "MAY ignore If-Match" and \
            If-Unmodified-Since, so those two are not judged there. A date that is not a valid \
            HTTP-date is ignored, as the RFC requires, and so is an absent Last-Modified.
            """,
        fix: "Evaluate If-Match, If-Unmodified-Since and If-None-Match against the selected representation's ETag and Last-Modified, in the order of RFC 9110 §13.2.2, before answering",
        spec: [.rfc9110("13.2.2"), .rfc9110("13.1.1"), .rfc9110("13.1.2"), .rfc9110("13.1.4"), .rfc9110("8.8.3.2")],
        fields: ["If-Match", "If-None-Match", "If-Unmodified-Since"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"v1\", W/\"v2\"\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: *\n\n", line: 1),
            // No ETag: the representation has none, so If-None-Match: * is still false.
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: *\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nETag: W/\"v1\"\nContent-Length: 0\n\n",
                    request: "HEAD / HTTP/1.1\nHost: example.com\nIf-Match: W/\"v1\"\n\n", line: 1),
            // No ETag at all: no entity tag can match.
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\n\n", line: 1),
            Example("HTTP/1.1 206 Partial Content\nLast-Modified: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET / HTTP/1.1\nHost: example.com\nRange: bytes=0-4\nIf-Unmodified-Since: Sun, 22 Nov 2026 09:59:59 GMT\n\n", line: 1),
            // If-Match true, then If-None-Match false.
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\nIf-None-Match: \"v1\"\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"v1\"\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"v1\"\n\n"),
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Match: \"v0\", \"v1\"\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Match: *\n\n"),
            // A state-changing method may succeed when the change was already applied.
            Example("HTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 0\n\n",
                    request: "PUT / HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 304 Not Modified\nETag: \"v1\"\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"v1\"\n\n"),
            // Last-Modified equal to If-Unmodified-Since: not modified since, so true.
            Example("HTTP/1.1 200 OK\nLast-Modified: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Unmodified-Since: Sun, 22 Nov 2026 10:00:00 GMT\n\n"),
            // If-Unmodified-Since is ignored when If-Match is present, and when it is no HTTP-date.
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nLast-Modified: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\nIf-Unmodified-Since: Sun, 22 Nov 2026 09:00:00 GMT\n\n"),
            Example("HTTP/1.1 200 OK\nLast-Modified: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Unmodified-Since: yesterday\n\n"),
            // Without Last-Modified the resource may have no modification date: ignored.
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Unmodified-Since: Sun, 22 Nov 2026 09:00:00 GMT\n\n"),
            // A cache may ignore If-Match.
            Example("HTTP/1.1 200 OK\nAge: 30\nETag: \"v2\"\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\n\n"),
            // A list mixing * with tags is invalid and not judged.
            Example("HTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Match: *, \"v1\"\n\n"),
            // A 2xx that carries no representation (204) does not show that one exists.
            Example("HTTP/1.1 204 No Content\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: *\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, (200..<300).contains(status), let request = exchange.request,
              request.method == "GET" || request.method == "HEAD" else { return }
        var validators = Preconditions.Validators(of: response)
        let carriesRepresentation = status == 200 || status == 203 || status == 206
        validators.absentETagMeansNone = carriesRepresentation
        validators.representationExists = carriesRepresentation || validators.etag != nil || validators.lastModified != nil
        let fromCache = response.fields.contains(.age)
        var earlierUnknown: Set<Int> = []
        for step in Preconditions.steps(of: request, against: validators) where step.kind != .ifModifiedSince {
            if fromCache, step.kind == .ifMatch || step.kind == .ifUnmodifiedSince { continue }
            let expected = step.statusWhenFalse(method: request.method)
            guard let isTrue = step.isTrue else {
                earlierUnknown.insert(expected)
                continue
            }
            guard !isTrue else { continue }
            let answers = earlierUnknown.union([expected]).sorted().map(String.init).joined(separator: " or ")
            report.add("\(step.kind.rawValue) '\(Printable.escape(step.value))' is false (\(step.reason)), so the answer should be \(answers), not \(status)",
                       about: response, request: step.span)
            return
        }
    }
}
