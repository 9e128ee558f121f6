import HTTPLintCore

/// includeSubDomains (or preload) given a value in Strict-Transport-Security.
struct HSTSDirectiveWithValue: Rule {
    static let description = RuleDescription(
        id: "hsts-directive-with-value",
        severity: .warning,
        category: .security,
        summary: "Strict-Transport-Security includeSubDomains or preload written with a value",
        rationale: """
            RFC 6797 §6.1.2: includeSubDomains "is a valueless directive", asserted by being \
            present. The general grammar of §6.1 (`directive-name [ "=" directive-value ]`) \
            lets an unknown directive carry a value, but includeSubDomains=true is not the \
            directive as defined, and §6.1 has user agents ignore STS fields that do not \
            conform: a browser may drop includeSubDomains, or the whole policy. The preload \
            list's opt-in, preload, is a bare directive in the same way (hstspreload.org).
            """,
        fix: "Write the directive bare: `Strict-Transport-Security: max-age=31536000; includeSubDomains`",
        spec: [SpecReference(rfc: 6797, section: "6.1.2"), SpecReference(rfc: 6797, section: "6.1")],
        fields: ["Strict-Transport-Security"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=31536000; includeSubDomains=true\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=31536000; includesubdomains; preload=\"yes\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=31536000; includeSubDomains; preload\nContent-Length: 0\n\n"),
            // Unknown directives may carry values; UAs ignore them.
            Example("HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=60; report-uri=\"https://example.com/r\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let field = response.fields.first(named: .strictTransportSecurity) else { return }
        let bytes = field.valueUTF8Slice
        guard ByteParsing.isASCII(bytes) else {
            // Non-ASCII text, where a `Character` may join `;` or `=` with what follows: read
            // as text.
            for (name, value) in Self.valuedDirectives(of: field.value) {
                report.add(Self.message(name: name, value: value), at: field.valueSpan, status: response.status)
            }
            return
        }
        // ASCII: the same pieces read from the bytes; strings only for a finding.
        let equals = UInt8(ascii: "=")
        ByteParsing.forEachPart(of: bytes, separatedBy: UInt8(ascii: ";")) { part in
            let nameEnd = ByteParsing.firstIndex(of: equals, in: part, of: bytes)
            guard nameEnd < part.upperBound else { return }
            let name = bytes[ByteParsing.trimmed(part.lowerBound..<nameEnd, in: bytes)]
            guard ByteParsing.equals(name, lowercase: "includesubdomains") || ByteParsing.equals(name, lowercase: "preload") else { return }
            let value = bytes[ByteParsing.trimmed(nameEnd + 1..<part.upperBound, in: bytes)]
            report.add(Self.message(name: SourceText.decode(name), value: SourceText.decode(value)),
                       at: field.valueSpan, status: response.status)
        }
    }

    static func message(name: String, value: String) -> String {
        "Strict-Transport-Security \(name) takes no value (got '\(Printable.escape(value))'); browsers may ignore it or the whole field"
    }

    /// The includeSubDomains and preload directives written with `=`, as written (trimmed),
    /// with their values: each `;` part split at its first `=`.
    static func valuedDirectives(of value: String) -> [(name: String, value: String)] {
        var found: [(name: String, value: String)] = []
        for part in value.split(separator: ";") {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else { continue }
            let name = pieces[0].trimmingWhitespace().asciiLowercased()
            guard name == "includesubdomains" || name == "preload" else { continue }
            found.append((String(pieces[0].trimmingWhitespace()), String(pieces[1].trimmingWhitespace())))
        }
        return found
    }
}
