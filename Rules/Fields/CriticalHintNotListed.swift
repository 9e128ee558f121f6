import HTTPLintCore

/// A hint in Critical-CH that Accept-CH does not ask for, or that Vary does not list.
struct CriticalHintNotListed: Rule {
    static let description = RuleDescription(
        id: "critical-hint-not-listed",
        severity: .info,
        category: .fields,
        summary: "Critical-CH names a client hint that the response's Accept-CH or Vary does not list",
        rationale: """
            Critical-CH (the Client Hints reliability draft, implemented in Chromium) names \
            hints without which the response would be the wrong one: after processing the \
            response's Accept-CH, a client that would now send a critical hint it did not send \
            retries the request with it. A hint the same response's Accept-CH does not ask for \
            is never sent (unless it is one of the low-entropy hints Sec-CH-UA, Sec-CH-UA-Mobile \
            and Sec-CH-UA-Platform, sent by default), so it never causes the retry and \
            Critical-CH does nothing for it. A \
            hint that selects the response also has to be in Vary: RFC 8942 §3.2 says a server \
            choosing a response by hints "needs to generate a Vary response header field" \
            listing them, or caches hand one variant to clients whose hints differ. A draft \
            and a "needs to", hence information.
            """,
        fix: "List every critical hint in Accept-CH and in Vary: `Accept-CH: Sec-CH-UA-Mobile`, `Vary: Sec-CH-UA-Mobile`, `Critical-CH: Sec-CH-UA-Mobile`",
        spec: [SpecReference(document: "Client Hint Reliability", section: "3",
                             url: "https://datatracker.ietf.org/doc/html/draft-davidben-http-client-hint-reliability#section-3"),
               SpecReference(rfc: 8942, section: "3.2")],
        fields: ["Critical-CH", "Accept-CH", "Vary"],
        runsWhen: .anyOf(["Critical-CH"]),
        triggering: [
            Example("HTTP/1.1 200 OK\nAccept-CH: Sec-CH-UA-Mobile\nVary: Sec-CH-UA-Mobile, Sec-CH-Prefers-Reduced-Motion\nCritical-CH: Sec-CH-Prefers-Reduced-Motion\nContent-Length: 0\n\n", line: 4),
            Example("HTTP/1.1 200 OK\nAccept-CH: Sec-CH-UA-Mobile, Sec-CH-UA-Platform\nVary: Accept-Encoding\nCritical-CH: Sec-CH-UA-Mobile\nContent-Length: 0\n\n", line: 4),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nAccept-CH: Sec-CH-UA-Mobile, Sec-CH-Prefers-Reduced-Motion\nVary: sec-ch-prefers-reduced-motion\nCritical-CH: Sec-CH-Prefers-Reduced-Motion\nContent-Length: 0\n\n"),
            // Low-entropy hints are sent unasked.
            Example("HTTP/1.1 200 OK\nAccept-CH: Sec-CH-UA-Model\nVary: Sec-CH-UA-Model, Sec-CH-UA-Mobile\nCritical-CH: Sec-CH-UA-Mobile\nContent-Length: 0\n\n"),
            // Without Accept-CH here the client keeps the preferences it stored earlier; no cache stores a no-store response.
            Example("HTTP/1.1 200 OK\nCache-Control: no-store\nCritical-CH: Sec-CH-UA-Mobile\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nVary: *\nCritical-CH: Sec-CH-UA-Mobile\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let critical = response.fields.named("Critical-CH")
        guard let anchor = critical.first else { return }
        let hints = Self.tokens(response.fields.listElements(named: "Critical-CH"))
        let acceptFields = response.fields.named("Accept-CH")
        let accepted = Set(Self.tokens(response.fields.listElements(named: "Accept-CH")).map { $0.asciiLowercased() })
        // A response no cache stores needs no Vary.
        let stored = !report.reading(CacheDirectives.self, of: response).has(.noStore)
        let varied = Set(response.fields.listElements(named: "Vary").map { $0.asciiLowercased() })
        for hint in hints {
            let key = hint.asciiLowercased()
            if !acceptFields.isEmpty, !accepted.contains(key), !Self.sentByDefault.contains(key) {
                report.add("Critical-CH names \(Printable.escape(hint)), which this response's Accept-CH does not ask for, so no client retries to send it",
                           at: anchor.lineSpan, status: response.status)
            }
            if stored, !varied.contains("*"), !varied.contains(key) {
                report.add("Critical-CH names \(Printable.escape(hint)), which Vary does not list; caches would serve one variant whatever the hint",
                           at: anchor.lineSpan, status: response.status)
            }
        }
    }

    /// The low-entropy hints user agents send without being asked (User-Agent Client Hints,
    /// "low-entropy hint table"): Critical-CH needs no Accept-CH for them.
    static let sentByDefault: Set<String> = ["sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform"]

    /// The list members as tokens (Structured Field tokens, written bare), without duplicates.
    static func tokens(_ elements: [String]) -> [String] {
        var seen: Set<String> = []
        return elements.filter { !$0.isEmpty && seen.insert($0.asciiLowercased()).inserted }
    }
}
