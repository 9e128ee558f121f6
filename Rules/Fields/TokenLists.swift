import HTTPLintCore

/// Checks for fields whose value is a list of tokens (`#token`, RFC 9110 §5.6.1, §5.6.2).
enum TokenLists {
    /// The members of `field` that are not tokens.
    static func nonTokens(in field: Field) -> [String] {
        field.listElements.filter { member in
            member.isEmpty || !member.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }

    /// Reports every member of the `name` fields that is not a token.
    static func report(_ name: String, what: String, in response: Response, _ report: inout FindingReporter) {
        for field in response.fields.named(name) {
            for member in nonTokens(in: field) {
                report.add("\(name) member '\(Printable.escape(Array(member.utf8)))' is not a \(what)", at: field.valueSpan, status: response.status)
            }
        }
    }
}

/// Allow lists method tokens.
struct InvalidAllow: Rule {
    static let description = RuleDescription(
        id: "invalid-allow",
        severity: .error,
        category: .fields,
        summary: "Allow member that is not a method token",
        rationale: """
            RFC 9110 §10.2.1: `Allow = #method`, and a method is a token (§9.1). A member with \
            spaces, slashes or quotes is no method a client could send; clients reading the \
            list skip it or reject the field.
            """,
        fix: "List method names separated by commas: `Allow: GET, HEAD, POST`",
        spec: [.rfc9110("10.2.1"), .rfc9110("9.1")],
        triggering: [
            Example("HTTP/1.1 405 Method Not Allowed\nAllow: GET HEAD\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nAllow: \"GET\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 405 Method Not Allowed\nAllow: GET, HEAD, OPTIONS\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 405 Method Not Allowed\nAllow:\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        TokenLists.report("Allow", what: "method token", in: exchange.response, &report)
    }
}

/// Accept-Ranges lists range units.
struct InvalidAcceptRanges: Rule {
    static let description = RuleDescription(
        id: "invalid-accept-ranges",
        severity: .error,
        category: .fields,
        summary: "Accept-Ranges member that is not a range unit",
        rationale: """
            RFC 9110 §14.3: `Accept-Ranges = acceptable-ranges`, `acceptable-ranges = \
            1#range-unit`, a range unit being a token (§14.1); `none` says ranges are not \
            supported. Clients decide whether to resume downloads from it.
            """,
        fix: "Send `Accept-Ranges: bytes` (or `none`)",
        spec: [.rfc9110("14.3"), .rfc9110("14.1")],
        triggering: [
            Example("HTTP/1.1 200 OK\nAccept-Ranges: bytes=0-\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nAccept-Ranges: bytes\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nAccept-Ranges: none\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        TokenLists.report("Accept-Ranges", what: "range unit", in: exchange.response, &report)
    }
}

/// Vary lists field names, or is `*`.
struct InvalidVary: Rule {
    static let description = RuleDescription(
        id: "invalid-vary",
        severity: .error,
        category: .fields,
        summary: "Vary member that is not a field name, or `*` next to field names",
        rationale: """
            RFC 9110 §12.5.5: `Vary = #( "*" / field-name )`. Caches key stored responses on \
            the listed request fields; a member that is no field name cannot be matched, and \
            `*` already means "never reuse without revalidation", so field names beside it are \
            meaningless and show a mistake.
            """,
        fix: "List request field names (`Vary: Accept-Encoding, Origin`), or send `Vary: *` alone",
        spec: [.rfc9110("12.5.5")],
        triggering: [
            Example("HTTP/1.1 200 OK\nVary: Accept Encoding\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nVary: *, Origin\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nVary: Accept-Encoding, Origin\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nVary: *\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        TokenLists.report("Vary", what: "field name", in: response, &report)
        let members = response.fields.listElements(named: "Vary")
        if members.contains("*"), members.count > 1, let field = response.fields.first(named: "Vary") {
            report.add("Vary lists * together with field names; * alone already says it all", at: field.valueSpan, status: response.status)
        }
    }
}

/// Age is a number of seconds.
struct InvalidAge: Rule {
    static let description = RuleDescription(
        id: "invalid-age",
        severity: .error,
        category: .caching,
        summary: "Age that is not a number of seconds",
        rationale: """
            RFC 9111 §5.1: `Age = delta-seconds`, a non-negative decimal integer. Caches add it \
            to compute the response's current age (§4.2.3); one they cannot read is ignored, \
            and the response may be served as fresher than it is.
            """,
        fix: "Send the age in whole seconds: `Age: 120`",
        spec: [SpecReference(rfc: 9111, section: "5.1"), SpecReference(rfc: 9111, section: "1.2.2")],
        triggering: [
            Example("HTTP/1.1 200 OK\nAge: 1.5\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nAge: -3\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nAge: 0\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nAge: 86400\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named("Age") {
            let value = field.value.trimmingWhitespace()
            guard value.isEmpty || !value.allSatisfy(\.isASCIIDigitCharacter) else { continue }
            report.add("Age '\(Printable.escape(Array(field.value.utf8)))' is not a number of seconds", at: field.valueSpan, status: response.status)
        }
    }
}

/// Content codings outside the IANA registry.
struct UnknownContentCoding: Rule {
    static let description = RuleDescription(
        id: "unknown-content-coding",
        severity: .warning,
        category: .fields,
        summary: "Content-Encoding with a coding that is not registered",
        rationale: """
            RFC 9110 §8.4.1: content codings are registered with IANA (§16.6); a recipient \
            that does not know a coding cannot decode the content, and "an origin server MAY \
            respond with a status code of 415" to such requests. Unknown codings in responses \
            leave clients with undecodable bytes. Coding names compare case-insensitively.
            """,
        fix: "Use a registered coding such as gzip, br, zstd or deflate, or send the content unencoded",
        spec: [.rfc9110("8.4.1"), .rfc9110("16.6")],
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Encoding: brotli\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Encoding: gzip, lz4\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Encoding: GZIP\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Encoding: br\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Encoding: zstd\nContent-Length: 0\n\n"),
        ]
    )

    /// The IANA HTTP Content Coding Registry.
    static let registered: Set<String> = ["aes128gcm", "br", "compress", "dcb", "dcz", "deflate", "exi", "gzip", "identity",
                                          "pack200-gzip", "x-compress", "x-gzip", "zstd"]

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named("Content-Encoding") {
            for coding in field.listElements where !Self.registered.contains(coding.lowercased()) {
                report.add("content coding '\(Printable.escape(Array(coding.utf8)))' is not registered; clients cannot decode it",
                           at: field.valueSpan, status: response.status)
            }
        }
    }
}
