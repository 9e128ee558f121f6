import HTTPLintCore

/// The response shows that the request's preconditions were not honoured.
struct PreconditionEvaluatedWrongly: Rule {
    static let description = RuleDescription(
        id: "precondition-evaluated-wrongly",
        severity: .error,
        category: .status,
        summary: "2xx to a GET or HEAD whose If-Match or If-None-Match the response's ETag shows to be false",
        rationale: """
            RFC 9110 §13.2.2 gives the order of evaluation: when If-Match is false the server \
            answers 412, and when If-None-Match is false for GET or HEAD it answers 304. If-Match \
            uses the strong comparison, If-None-Match the weak one (§13.1.1, §13.1.2, §8.8.3.2). \
            A 2xx whose ETag contradicts the condition means the server ignored it, so caches \
            download what they have and conditional updates are not protected. Only GET and \
            HEAD are checked: for other methods the ETag may describe the new state.
            """,
        fix: "Evaluate If-Match and If-None-Match against the selected representation's ETag before answering",
        spec: [.rfc9110("13.2.2"), .rfc9110("13.1.1"), .rfc9110("13.1.2")],
        fields: ["ETag", "If-Match", "If-None-Match"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"v1\", W/\"v2\"\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: *\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nETag: W/\"v1\"\nContent-Length: 0\n\n",
                    request: "HEAD / HTTP/1.1\nHost: example.com\nIf-Match: W/\"v1\"\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"v1\"\n\n"),
            Example("HTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-Match: \"v0\", \"v1\"\n\n"),
            Example("HTTP/1.1 200 OK\nETag: \"v2\"\nContent-Length: 0\n\n",
                    request: "PUT / HTTP/1.1\nHost: example.com\nIf-Match: \"v1\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 304 Not Modified\nETag: \"v1\"\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nIf-None-Match: \"v1\"\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, (200..<300).contains(status), let request = exchange.request,
              request.method == "GET" || request.method == "HEAD",
              let etagField = response.fields.first(named: .etag), let etag = EntityTag(etagField.value.trimmingWhitespace())
        else { return }
        if let value = joined(request, "If-Match"), case .tags(let tags)? = EntityTag.list(value),
           !tags.contains(where: { $0.strongMatches(etag) }) {
            report.add("If-Match '\(value)' does not strongly match ETag \(etagField.value), so the answer should be 412, not \(status)",
                       about: response)
        }
        if let value = joined(request, "If-None-Match"), let list = EntityTag.list(value) {
            let matches: Bool
            switch list {
            case .any: matches = true
            case .tags(let tags): matches = tags.contains { $0.weakMatches(etag) }
            }
            if matches {
                report.add("If-None-Match '\(value)' matches ETag \(etagField.value), so the answer should be 304, not \(status)",
                           about: response)
            }
        }
    }

    private func joined(_ request: Request, _ name: String) -> String? {
        let fields = request.fields.named(name)
        return fields.isEmpty ? nil : fields.map(\.value).joined(separator: ", ")
    }
}
