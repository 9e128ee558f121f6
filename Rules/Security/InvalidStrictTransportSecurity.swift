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
        let value = field.readValueBytes
        var maxAge: Range<Int>?
        var start = value.startIndex
        while start < value.endIndex {
            let end = ByteParsing.firstIndex(of: UInt8(ascii: ";"), in: start..<value.endIndex, of: value)
            defer { start = end + 1 }
            let (name, equals) = Self.name(of: start..<end, in: value)
            if name.isEmpty { continue }
            // Each directive compared with those before it (a few per field: a second reading
            // of them costs less than an array of them).
            if Self.anyName(before: start, in: value, equalTo: value[name]) {
                report.add("Strict-Transport-Security repeats \(SourceText.decode(value[name].map(\.asciiLowercased))); browsers ignore the whole field",
                           at: field.valueSpan, status: response.status)
                return
            }
            if ByteParsing.equals(value[name], lowercase: "max-age") {
                maxAge = equals < end ? ByteParsing.trimmed(equals + 1..<end, in: value) : end..<end
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

    /// The trimmed name of the directive in `part` of `value`, and where its `=` is (the
    /// part's end without one). `=` signs before the name are ignored, as a split that drops
    /// empty parts does.
    private static func name(of part: Range<Int>, in value: ArraySlice<UInt8>) -> (name: Range<Int>, equals: Int) {
        var nameStart = part.lowerBound
        while nameStart < part.upperBound, value[nameStart] == UInt8(ascii: "=") { nameStart += 1 }
        let equals = ByteParsing.firstIndex(of: UInt8(ascii: "="), in: nameStart..<part.upperBound, of: value)
        return (ByteParsing.trimmed(nameStart..<equals, in: value), equals)
    }

    /// Whether a directive of `value` before position `limit` is called `name` (any case).
    private static func anyName(before limit: Int, in value: ArraySlice<UInt8>, equalTo name: ArraySlice<UInt8>) -> Bool {
        var start = value.startIndex
        while start < limit {
            let end = ByteParsing.firstIndex(of: UInt8(ascii: ";"), in: start..<limit, of: value)
            let earlier = Self.name(of: start..<end, in: value).name
            if !earlier.isEmpty, equalIgnoringCase(value[earlier], name) { return true }
            start = end + 1
        }
        return false
    }

    private static func equalIgnoringCase(_ a: ArraySlice<UInt8>, _ b: some Sequence<UInt8>) -> Bool {
        a.elementsEqual(b) { $0.asciiLowercased == $1.asciiLowercased }
    }
}
