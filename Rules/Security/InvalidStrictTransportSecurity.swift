import HTTPLintCore

/// Strict-Transport-Security needs a numeric max-age, each directive once.
struct InvalidStrictTransportSecurity: Rule {
    static let description = RuleDescription(
        id: "invalid-strict-transport-security",
        severity: .error,
        category: .security,
        summary: "Strict-Transport-Security without a valid max-age, or with a repeated directive",
        rationale: """
            RFC 6797 §6.1: the max-age directive is REQUIRED and its value is delta-seconds \
            (§6.1.1); "All directives MUST appear only once in an STS header field", and a user \
            agent ignores an STS field that breaks the grammar. The site then gets no HSTS \
            protection at all, silently.
            """,
        fix: "Send `Strict-Transport-Security: max-age=31536000; includeSubDomains`",
        spec: [SpecReference(rfc: 6797, section: "6.1")],
        fields: ["Strict-Transport-Security"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: includeSubDomains\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=one-year\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=60; max-age=120\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=31536000; includeSubDomains; preload\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=\"0\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let field = response.fields.first(named: "Strict-Transport-Security") else { return }
        // Directive names are ASCII tokens: read the value as bytes.
        let value = field.unfoldedValueBytes
        var seen: [[UInt8]] = []
        var maxAge: ArraySlice<UInt8>?
        for directive in value.split(separator: UInt8(ascii: ";")) {
            let parts = directive.split(separator: UInt8(ascii: "="), maxSplits: 1)
            let name = parts.first.map { $0.trimmingWhitespace().map(\.asciiLowercased) } ?? []
            if name.isEmpty { continue }
            if seen.contains(name) {
                report.add("Strict-Transport-Security repeats \(SourceText.decode(name)); browsers ignore the whole field",
                           at: field.valueSpan, status: response.status)
                return
            }
            seen.append(name)
            if name.elementsEqual("max-age".utf8) { maxAge = parts.count == 2 ? parts[1].trimmingWhitespace() : [] }
        }
        guard let maxAge else {
            report.add("Strict-Transport-Security has no max-age; browsers ignore the whole field", at: field.valueSpan, status: response.status)
            return
        }
        let quote = UInt8(ascii: "\"")
        let digits = maxAge.count >= 2 && maxAge.first == quote && maxAge.last == quote ? maxAge.dropFirst().dropLast() : maxAge
        if digits.isEmpty || !digits.allSatisfy(\.isASCIIDigit) {
            report.add("Strict-Transport-Security max-age '\(SourceText.decode(maxAge))' is not a number of seconds; browsers ignore the whole field",
                       at: field.valueSpan, status: response.status)
        }
    }
}
