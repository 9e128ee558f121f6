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
        for part in field.value.split(separator: ";") {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else { continue }
            let name = pieces[0].trimmingWhitespace().asciiLowercased()
            guard name == "includesubdomains" || name == "preload" else { continue }
            report.add("Strict-Transport-Security \(pieces[0].trimmingWhitespace()) takes no value (got '\(Printable.escape(String(pieces[1].trimmingWhitespace())))'); browsers may ignore it or the whole field",
                       at: field.valueSpan, status: response.status)
        }
    }
}
