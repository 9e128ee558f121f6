import HTTPLintCore

/// Cache-Control directives with values that caches cannot read.
struct InvalidCacheControl: Rule {
    static let description = RuleDescription(
        id: "invalid-cache-control",
        severity: .error,
        category: .caching,
        summary: "Cache-Control directive with an invalid value, or repeated",
        rationale: """
            RFC 9111 §5.2: `Cache-Control = #cache-directive`, `cache-directive = token [ "=" \
            ( token / quoted-string ) ]`. The delta-seconds directives (max-age, s-maxage, \
            stale-while-revalidate, stale-if-error) take a non-negative integer, and "a sender \
            SHOULD NOT generate the quoted-string form"; directives without values (no-store, \
            public, immutable…) take none. §4.2.1: when a directive appears more than once \
            caches may treat the response as stale, so a repeated directive is reported too. \
            Caches ignore what they cannot read, so the intended lifetime is lost.
            """,
        fix: "Write directives as `max-age=3600` (plain digits), valueless ones bare, each once",
        spec: [SpecReference(rfc: 9111, section: "5.2"), SpecReference(rfc: 9111, section: "1.2.2")],
        fields: ["Cache-Control"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=1h\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=\"60\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nCache-Control: max-age=60, max-age=120\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nCache-Control: no-store=true\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nCache-Control: public, max-age=3600, stale-while-revalidate=60\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nCache-Control: private=\"Set-Cookie\", no-cache=\"Set-Cookie\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nCache-Control: x-custom=\"anything\", immutable\nContent-Length: 0\n\n"),
        ]
    )

    static let deltaSeconds: Set<String> = ["max-age", "s-maxage", "stale-while-revalidate", "stale-if-error"]
    static let valueless: Set<String> = ["no-store", "public", "must-revalidate", "proxy-revalidate", "no-transform",
                                         "must-understand", "immutable", "only-if-cached"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let directives = report.reading(CacheDirectives.self, of: response)
        guard let anchor = directives.firstField else { return }
        var seen = Set<String>()
        for (name, value) in directives.all {
            if !seen.insert(name).inserted {
                report.add("Cache-Control directive \(name) appears more than once; caches may then treat the response as stale",
                           at: anchor.lineSpan, status: response.status)
            }
            if Self.deltaSeconds.contains(name) {
                guard let value, !value.isEmpty else {
                    report.add("Cache-Control \(name) needs a number of seconds", at: anchor.lineSpan, status: response.status)
                    continue
                }
                if value.hasPrefix("\"") {
                    report.add("Cache-Control \(name)=\(value) is quoted; send the number bare, as \(name)=\(value.filter(\.isNumber))",
                               at: anchor.lineSpan, status: response.status)
                } else if !value.allSatisfy(\.isASCIIDigitCharacter) {
                    report.add("Cache-Control \(name)=\(value) is not a number of seconds", at: anchor.lineSpan, status: response.status)
                }
            } else if Self.valueless.contains(name), let value {
                report.add("Cache-Control \(name) takes no value (got '\(value)')", at: anchor.lineSpan, status: response.status)
            }
        }
    }
}
