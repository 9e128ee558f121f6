import HTTPLintCore

/// Surrogate-Control directives with values surrogates cannot read.
struct InvalidSurrogateControl: Rule {
    static let description = RuleDescription(
        id: "invalid-surrogate-control",
        severity: .warning,
        category: .caching,
        summary: "Surrogate-Control max-age that is not seconds, or no-store with a value",
        rationale: """
            The Edge Architecture Specification (W3C Note, §2.2) defines Surrogate-Control as \
            a list of directives for reverse proxies and CDNs, each optionally targeted at one \
            surrogate with `;device`: `no-store`, `no-store-remote`, `max-age=seconds` (with \
            an optional `+seconds` freshness extension) and `content="ESI/1.0"`; CDNs also \
            accept Cache-Control's stale-while-revalidate and stale-if-error there, as \
            seconds. A lifetime that is not a number is ignored and the CDN falls back to its \
            defaults. Other directives and the content value are not checked.
            """,
        fix: "Write lifetimes in seconds: `Surrogate-Control: max-age=86400, stale-while-revalidate=60`",
        spec: [SpecReference(document: "Edge Architecture Specification", section: "2.2 Surrogate-Control Header",
                             url: "https://www.w3.org/TR/edge-arch/")],
        fields: ["Surrogate-Control"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nSurrogate-Control: max-age=1d\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nSurrogate-Control: no-store=true\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nSurrogate-Control: max-age=86400, stale-while-revalidate=60\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nSurrogate-Control: max-age=300+60;cdn1, content=\"ESI/1.0 ESI-Inline/1.0\", no-store-remote\nContent-Length: 0\n\n"),
        ]
    )

    static let seconds: Set<String> = ["max-age", "stale-while-revalidate", "stale-if-error"]
    static let valueless: Set<String> = ["no-store", "no-store-remote"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.surrogateControl) {
            for element in field.listElements {
                // A directive may be targeted at one surrogate: `directive;device`.
                let directive = element.split(separator: ";", maxSplits: 1).first.map(String.init) ?? element
                let parts = directive.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = parts[0].trimmingWhitespace().asciiLowercased()
                let value = parts.count == 2 ? String(parts[1].trimmingWhitespace()) : nil
                if Self.seconds.contains(name) {
                    let digits = (value ?? "").split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)
                    let isSeconds = !digits.isEmpty && (name == "max-age" || digits.count == 1)
                        && digits.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }
                    if !isSeconds {
                        report.add("Surrogate-Control \(name)=\(Printable.escape(value ?? "")) is not a number of seconds",
                                   at: field.valueSpan, status: response.status)
                    }
                } else if Self.valueless.contains(name), let value {
                    report.add("Surrogate-Control \(name) takes no value (got '\(Printable.escape(value))')",
                               at: field.valueSpan, status: response.status)
                }
            }
        }
    }
}
