import HTTPLintCore

/// `Vary: Host` repeats what the cache key already holds.
struct VaryHost: Rule {
    static let description = RuleDescription(
        id: "vary-host",
        severity: .info,
        category: .caching,
        summary: "Vary lists Host, which the cache key already includes",
        rationale: """
            RFC 9111 §2: "The primary cache key consists of the request method and target \
            URI", and the target URI is rebuilt from Host (RFC 9110 §7.1), so two requests \
            with different Host values never share a stored response anyway. Listing Host in \
            Vary (RFC 9110 §12.5.5) adds nothing but one more request field every cache must \
            store and compare; it usually comes from a rewrite module that adds each field a \
            rule read. Harmless, hence information.
            """,
        fix: "Remove Host from Vary",
        spec: [SpecReference(rfc: 9111, section: "2"), .rfc9110("12.5.5"), .rfc9110("7.1")],
        fields: ["Vary"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nVary: Accept-Encoding, Host\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nVary: Accept-Encoding\nVary: host\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nVary: Accept-Encoding, Origin\nContent-Length: 0\n\n"),
            // A field whose name merely contains "host".
            Example("HTTP/1.1 200 OK\nVary: X-Forwarded-Host\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nVary: *\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        // An element host is those letters in a row in the received bytes too (unfolding
        // changes only CR, LF and whitespace): a value without them is not split.
        for field in response.fields.named(.vary) where ByteParsing.contains(field.rawValueBytes, lowercase: "host") && field.listContains("host") {
            report.add("Vary lists Host, which is already part of the cache key (the target URI)",
                       at: field.valueSpan, status: response.status)
        }
    }
}
