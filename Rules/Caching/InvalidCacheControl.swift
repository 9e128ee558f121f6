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

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let directives = report.reading(CacheDirectives.self, of: response)
        guard let anchor = directives.firstField else { return }
        // Repeats: registered names in a short list (there are 14), others by their lowercase
        // text in a set (built only when an unregistered directive is there).
        var seenKnown: UInt32 = 0  // one bit per registered name
        var seenOther = Set<String>()
        for directive in directives.all {
            let isRepeat: Bool
            if let known = directive.known {
                let bit = UInt32(1) << UInt32(known.rawValue)
                isRepeat = seenKnown & bit != 0
                seenKnown |= bit
            } else {
                isRepeat = !seenOther.insert(directives.name(of: directive)).inserted
            }
            if isRepeat {
                report.add("Cache-Control directive \(directives.name(of: directive)) appears more than once; caches may then treat the response as stale",
                           at: anchor.lineSpan, status: response.status)
            }
            guard let known = directive.known else { continue }
            if known.takesSeconds {
                // The usual value, digits only, is judged on its bytes: no string is built.
                if let bytes = directives.valueBytes(of: directive), !bytes.isEmpty, bytes.allSatisfy(\.isASCIIDigit) { continue }
                guard let value = directives.value(of: directive), !value.isEmpty else {
                    report.add("Cache-Control \(known.text) needs a number of seconds", at: anchor.lineSpan, status: response.status)
                    continue
                }
                if value.hasPrefix("\"") {
                    report.add("Cache-Control \(known.text)=\(value) is quoted; send the number bare, as \(known.text)=\(value.filter(\.isNumber))",
                               at: anchor.lineSpan, status: response.status)
                } else if !value.allSatisfy(\.isASCIIDigitCharacter) {
                    report.add("Cache-Control \(known.text)=\(value) is not a number of seconds", at: anchor.lineSpan, status: response.status)
                }
            } else if known.isValueless, let value = directives.value(of: directive) {
                report.add("Cache-Control \(known.text) takes no value (got '\(value)')", at: anchor.lineSpan, status: response.status)
            }
        }
    }
}
