import HTTPLintCore

/// A full response to a GET or HEAD whose If-Modified-Since is exactly the Last-Modified sent.
struct ModifiedSinceIgnored: Rule {
    static let description = RuleDescription(
        id: "modified-since-ignored",
        severity: .warning,
        category: .requests,
        summary: "200 or 206 to a GET or HEAD whose If-Modified-Since equals the response's Last-Modified",
        rationale: """
            RFC 9110 §13.1.3: when a request has If-Modified-Since without If-None-Match, "the \
            origin server SHOULD evaluate the If-Modified-Since condition"; "If the selected \
            representation's last modification date is earlier or equal to the date provided in \
            the field value, the condition is false", and then the origin server "SHOULD NOT \
            perform the requested method if the condition evaluates to false; instead, the origin \
            server SHOULD generate a 304 (Not Modified) response". §13.2.2 puts it after If-Match, \
            If-Unmodified-Since and If-None-Match, for GET and HEAD only, and §14.2 evaluates \
            Range only if the result would otherwise be 200. A cache that revalidates with the \
            Last-Modified it stored then downloads the whole representation again. Only an \
            exact match is reported: §13.1.3 describes servers that "honor exact timestamp \
            matches" only (nginx does by default), so a later date answered 200 is left alone, \
            as are dates that do not parse, several If-Modified-Since lines, and requests with \
            If-None-Match.
            """,
        fix: "Answer 304 Not Modified when If-Modified-Since is at or after the representation's Last-Modified",
        spec: [.rfc9110("13.1.3"), .rfc9110("13.2.2"), .rfc9110("15.4.5")],
        fields: ["If-Modified-Since", "Last-Modified"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nLast-Modified: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\n\n", line: 1),
            Example("HTTP/1.1 206 Partial Content\nLast-Modified: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Range: bytes 0-4/100\nContent-Length: 5\n\nhello",
                    request: "GET / HTTP/1.1\nHost: example.com\nRange: bytes=0-4\nIf-Modified-Since: Sunday, 22-Nov-26 09:00:00 GMT\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nLast-Modified: Sun, 22 Nov 2026 09:00:01 GMT\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\n\n"),
            // A later date: the server may honour exact matches only.
            Example("HTTP/1.1 200 OK\nLast-Modified: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Modified-Since: Sun, 22 Nov 2026 12:00:00 GMT\n\n"),
            // If-None-Match takes over.
            Example("HTTP/1.1 200 OK\nETag: \"v2\"\nLast-Modified: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"v1\"\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\n\n"),
            Example("HTTP/1.1 200 OK\nLast-Modified: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\n\n"),
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 22 Nov 2026 10:00:00 GMT\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\n\n"),
            // If-Match false comes first: precondition-evaluated-wrongly says so.
            Example("HTTP/1.1 200 OK\nETag: \"v2\"\nLast-Modified: Sun, 22 Nov 2026 09:00:00 GMT\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\nIf-Modified-Since: Sun, 22 Nov 2026 09:00:00 GMT\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, status == 200 || status == 206, let request = exchange.request,
              request.method == "GET" || request.method == "HEAD" else { return }
        var validators = Preconditions.Validators(of: response)
        validators.absentETagMeansNone = true
        validators.representationExists = true
        let steps = Preconditions.steps(of: request, against: validators)
        // An earlier condition that is false, or unknown, would have answered first.
        guard let step = steps.last, step.kind == .ifModifiedSince, steps.dropLast().allSatisfy({ $0.isTrue == true }),
              let date = try? HTTPDate.parse(step.value), let modified = validators.lastModified,
              modified.secondsSince1970 == date.secondsSince1970 else { return }
        report.add("If-Modified-Since '\(Printable.escape(step.value))' is the Last-Modified \(validators.lastModifiedText ?? ""), so the condition is false and the answer should be 304, not \(status)",
                   about: response, request: step.span)
    }
}
