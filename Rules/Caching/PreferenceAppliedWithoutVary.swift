import HTTPLintCore

/// A response shaped by a return preference without Vary: Prefer.
struct PreferenceAppliedWithoutVary: Rule {
    static let description = RuleDescription(
        id: "preference-applied-without-vary",
        severity: .warning,
        category: .caching,
        summary: "Preference-Applied: return=… on a storable response whose Vary does not list Prefer",
        rationale: """
            RFC 7240 §2: when a server supports the optional application of a preference that \
            might result in a variance to a cache's handling of a response, "a Vary header field \
            MUST be included in the response listing the Prefer header field regardless of \
            whether the client actually used Prefer in the request." return=minimal and \
            return=representation (§4.2) change the content itself, and Preference-Applied \
            (§3) says the server honoured one. Without Vary: Prefer a cache serves the minimal \
            answer to a client that asked for the representation, or the reverse. Responses \
            with no-store, and answers to methods other than GET and HEAD, are not reported.
            """,
        fix: "Add Prefer to Vary: `Vary: Prefer`",
        spec: [SpecReference(rfc: 7240, section: "2"), SpecReference(rfc: 7240, section: "3"),
               SpecReference(rfc: 7240, section: "4.2")],
        fields: ["Preference-Applied", "Vary"],
        runsWhen: .anyOf(["Preference-Applied"]),
        triggering: [
            Example("HTTP/1.1 200 OK\nPreference-Applied: return=minimal\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nVary: Accept-Encoding\nPreference-Applied: return=\"representation\"\nContent-Type: text/plain\nContent-Length: 2\n\nok", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nVary: Accept-Encoding, prefer\nPreference-Applied: return=minimal\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nCache-Control: no-store\nPreference-Applied: return=minimal\nContent-Length: 0\n\n"),
            // wait only bounds the time taken; the answer is the same.
            Example("HTTP/1.1 200 OK\nPreference-Applied: wait=10\nContent-Length: 0\n\n"),
            // Answers to POST are rarely stored (RFC 9110 §9.3.3).
            Example("HTTP/1.1 201 Created\nLocation: /items/7\nPreference-Applied: return=minimal\nContent-Length: 0\n\n",
                    request: "POST /items HTTP/1.1\nHost: example.com\nPrefer: return=minimal\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        if let method = exchange.request?.method, method != "GET", method != "HEAD" { return }
        guard let anchor = response.fields.first(named: "Preference-Applied") else { return }
        let applied = response.fields.listElements(named: "Preference-Applied")
        guard let preference = applied.first(where: { element in
            let name = element.split(whereSeparator: { $0 == "=" || $0 == ";" }).first.map { $0.trimmingWhitespace().asciiLowercased() }
            return name == "return"
        }) else { return }
        if report.reading(CacheDirectives.self, of: response).has(.noStore) { return }
        let varied = response.fields.listElements(named: "Vary").map { $0.asciiLowercased() }
        guard !varied.contains("prefer"), !varied.contains("*") else { return }
        report.add("Preference-Applied: \(Printable.escape(preference)) changes what this response contains, but Vary does not list Prefer, so caches may serve it to clients that preferred otherwise",
                   at: anchor.lineSpan, status: response.status)
    }
}
