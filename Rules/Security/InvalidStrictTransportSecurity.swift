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
        guard let field = response.fields.first(named: .strictTransportSecurity) else { return }
        // Directive names are ASCII tokens: read the value as bytes, in place.
        let value = field.unfoldedValueBytes
        var seen: [Range<Int>] = []
        seen.reserveCapacity(4)
        var maxAge: Range<Int>?
        var start = 0
        while start < value.count {
            var end = start
            while end < value.count, value[end] != UInt8(ascii: ";") { end += 1 }
            defer { start = end + 1 }
            // `=` signs before the name are ignored, as a split that drops empty parts does.
            var nameStart = start
            while nameStart < end, value[nameStart] == UInt8(ascii: "=") { nameStart += 1 }
            var equals = nameStart
            while equals < end, value[equals] != UInt8(ascii: "=") { equals += 1 }
            let name = value[nameStart..<equals].trimmingWhitespace().indices
            if name.isEmpty { continue }
            if seen.contains(where: { Self.equalIgnoringCase(value[$0], value[name]) }) {
                report.add("Strict-Transport-Security repeats \(SourceText.decode(value[name].map(\.asciiLowercased))); browsers ignore the whole field",
                           at: field.valueSpan, status: response.status)
                return
            }
            seen.append(name)
            if Self.equalIgnoringCase(value[name], "max-age".utf8) {
                maxAge = equals < end ? value[equals + 1..<end].trimmingWhitespace().indices : end..<end
            }
        }
        guard let maxAge else {
            report.add("Strict-Transport-Security has no max-age; browsers ignore the whole field", at: field.valueSpan, status: response.status)
            return
        }
        let quote = UInt8(ascii: "\"")
        let written = value[maxAge]
        let digits = written.count >= 2 && written.first == quote && written.last == quote ? written.dropFirst().dropLast() : written
        if digits.isEmpty || !digits.allSatisfy(\.isASCIIDigit) {
            report.add("Strict-Transport-Security max-age '\(SourceText.decode(written))' is not a number of seconds; browsers ignore the whole field",
                       at: field.valueSpan, status: response.status)
        }
    }

    private static func equalIgnoringCase(_ a: ArraySlice<UInt8>, _ b: some Sequence<UInt8>) -> Bool {
        a.elementsEqual(b) { $0.asciiLowercased == $1.asciiLowercased }
    }
}
