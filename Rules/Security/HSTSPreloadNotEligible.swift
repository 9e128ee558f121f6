import HTTPLintCore

/// `preload` in Strict-Transport-Security without what the preload list requires.
struct HSTSPreloadNotEligible: Rule {
    static let description = RuleDescription(
        id: "hsts-preload-not-eligible",
        severity: .warning,
        category: .security,
        summary: "Strict-Transport-Security with preload but a max-age under one year or no includeSubDomains",
        rationale: """
            `preload` is not part of RFC 6797 (whose §6.1 has user agents ignore directives \
            they do not know): it is the opt-in of the HSTS preload list that browsers ship, \
            run at hstspreload.org. That list's published submission requirements are a \
            header on the base domain with "max-age must be at least 31536000 seconds (1 \
            year)", "The includeSubDomains directive must be specified" and "The preload \
            directive must be specified"; a site already listed whose header stops meeting \
            them may be removed. A header that asks for preloading without meeting them is a \
            mistake either way: the site is not preloaded, or will fall off the list. The \
            requirements are the list operators', not an RFC's. Only the first \
            Strict-Transport-Security field counts (RFC 6797 §8.1); a field without a valid \
            max-age is invalid-strict-transport-security's.
            """,
        fix: "Send `Strict-Transport-Security: max-age=31536000; includeSubDomains; preload`, or drop preload",
        spec: [SpecReference(document: "HSTS Preload List", section: "Submission Requirements",
                             url: "https://hstspreload.org/#submission-requirements"),
               SpecReference(rfc: 6797, section: "6.1")],
        fields: ["Strict-Transport-Security"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=60; preload\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=63072000; Preload\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=\"86400\"; includeSubDomains; preload\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=31536000; includeSubDomains; preload\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=63072000; INCLUDESUBDOMAINS; preload;\nContent-Length: 0\n\n"),
            // Without preload a short max-age is a choice RFC 6797 leaves to the site.
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=60\nContent-Length: 0\n\n"),
            // No max-age at all: invalid-strict-transport-security.
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: includeSubDomains; preload\nContent-Length: 0\n\n"),
        ]
    )

    /// One year, the preload list's minimum max-age.
    static let minimumMaxAge = 31_536_000

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let field = response.fields.first(named: .strictTransportSecurity) else { return }
        let bytes = field.valueUTF8Slice
        let directives = ByteParsing.isASCII(bytes) ? Self.directives(ofASCII: bytes) : Self.directives(of: field.value)
        guard directives.preload, let maxAge = directives.maxAge else { return }
        var missing: [String] = []
        if maxAge < Self.minimumMaxAge { missing.append("max-age=\(maxAge) is under one year (31536000)") }
        if !directives.includeSubDomains { missing.append("includeSubDomains is missing") }
        guard !missing.isEmpty else { return }
        report.add("Strict-Transport-Security asks for preloading but \(missing.joined(separator: " and ")); the HSTS preload list requires both",
                   at: field.valueSpan, status: response.status)
    }

    /// What the rule reads of the value: the first numeric max-age (its first 12 digits),
    /// whether preload and includeSubDomains are there.
    struct Directives: Equatable {
        var maxAge: Int?
        var preload = false
        var includeSubDomains = false
    }

    /// The directives of a value's text: each `;` part split at its first `=` (empty pieces
    /// dropped, so `=` signs before a name are skipped), its name trimmed and compared in
    /// lowercase. For values with non-ASCII bytes, where a `Character` may be more than a byte.
    static func directives(of value: String) -> Directives {
        var directives = Directives()
        for part in value.split(separator: ";") {
            let pieces = part.split(separator: "=", maxSplits: 1)
            let name = pieces.first.map { $0.trimmingWhitespace().asciiLowercased() } ?? ""
            switch name {
            case "preload": directives.preload = true
            case "includesubdomains": directives.includeSubDomains = true
            case "max-age" where pieces.count == 2 && directives.maxAge == nil:
                var value = String(pieces[1].trimmingWhitespace())
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
                if !value.isEmpty, value.utf8.allSatisfy(\.isASCIIDigit) { directives.maxAge = Int(value.prefix(12)) }
            default: break
            }
        }
        return directives
    }

    /// ``directives(of:)`` read from the bytes of an ASCII value (a `Character` is a byte
    /// there), without building a string.
    static func directives(ofASCII bytes: ArraySlice<UInt8>) -> Directives {
        var directives = Directives()
        let equals = UInt8(ascii: "=")
        ByteParsing.forEachPart(of: bytes, separatedBy: UInt8(ascii: ";")) { part in
            // `split(separator: "=", maxSplits: 1)`: empty pieces dropped, so the name starts
            // after any `=` signs; the second piece is everything after the name's `=`, when
            // that is not empty.
            var nameStart = part.lowerBound
            while nameStart < part.upperBound, bytes[nameStart] == equals { nameStart += 1 }
            guard nameStart < part.upperBound else { return }
            let nameEnd = ByteParsing.firstIndex(of: equals, in: nameStart..<part.upperBound, of: bytes)
            let name = bytes[ByteParsing.trimmed(nameStart..<nameEnd, in: bytes)]
            if ByteParsing.equals(name, lowercase: "preload") {
                directives.preload = true
            } else if ByteParsing.equals(name, lowercase: "includesubdomains") {
                directives.includeSubDomains = true
            } else if ByteParsing.equals(name, lowercase: "max-age"), nameEnd + 1 < part.upperBound, directives.maxAge == nil {
                var value = ByteParsing.trimmed(nameEnd + 1..<part.upperBound, in: bytes)
                let quote = UInt8(ascii: "\"")
                if value.count >= 2, bytes[value.lowerBound] == quote, bytes[value.upperBound - 1] == quote {
                    value = value.lowerBound + 1..<value.upperBound - 1
                }
                guard !value.isEmpty, bytes[value].allSatisfy(\.isASCIIDigit) else { return }
                var number = 0
                for byte in bytes[value.prefix(12)] { number = number * 10 + Int(byte - UInt8(ascii: "0")) }
                directives.maxAge = number
            }
        }
        return directives
    }
}
