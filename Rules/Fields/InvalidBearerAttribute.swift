import HTTPLintCore

/// The characters RFC 6750 allows in the attributes of a Bearer challenge.
struct InvalidBearerAttribute: Rule {
    static let description = RuleDescription(
        id: "invalid-bearer-attribute",
        severity: .error,
        category: .fields,
        summary: "Bearer challenge whose error, error_description, error_uri or scope has characters RFC 6750 excludes",
        rationale: """
            RFC 6750 §3: "Values for the \"error\" and \"error_description\" attributes MUST NOT \
            include characters outside the set %x20-21 / %x23-5B / %x5D-7E"; "Values for the \
            \"error_uri\" attribute MUST conform to the URI-reference syntax and thus MUST NOT \
            include characters outside the set %x21 / %x23-5B / %x5D-7E"; the scope is \
            `scope-token *( SP scope-token )` with `scope-token = 1*( %x21 / %x23-5B / %x5D-7E )`. \
            Double quotes and backslashes (even escaped in a quoted string), control characters \
            and non-ASCII text are excluded, so that OAuth clients can read the values without \
            unescaping or decoding.
            """,
        fix: "Keep error, error_description and scope to printable ASCII without `\"` and `\\`; put details in the content",
        spec: [SpecReference(rfc: 6750, section: "3")],
        fields: ["WWW-Authenticate"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error=\"invalid_token\", error_description=\"the \\\"token\\\" expired\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 403 Forbidden\nWWW-Authenticate: Bearer error=\"insufficient_scope\", scope=\"read  write\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error=\"invalid_token\", error_uri=\"https://a.example/why it failed\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"example\", error=\"invalid_token\", error_description=\"The access token expired\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 403 Forbidden\nWWW-Authenticate: Bearer error=\"insufficient_scope\", scope=\"read write\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"the \\\"realm\\\"\"\nContent-Length: 0\n\n"),
        ]
    )

    static func isErrorCharacter(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x21 || (0x23...0x5B).contains(byte) || (0x5D...0x7E).contains(byte)
    }

    static func isScopeCharacter(_ byte: UInt8) -> Bool { byte != 0x20 && isErrorCharacter(byte) }

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for (challenge, line) in BearerChallenges.of(response) {
            for (name, value) in challenge.parameters {
                let bytes = Array(value.utf8)
                let valid: Bool
                switch name.asciiLowercased() {
                case "error", "error_description": valid = bytes.allSatisfy(Self.isErrorCharacter)
                case "error_uri": valid = bytes.allSatisfy(Self.isScopeCharacter)
                case "scope":
                    valid = value.split(separator: " ", omittingEmptySubsequences: false)
                        .allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(Self.isScopeCharacter) }
                default: continue
                }
                if !valid {
                    report.add("the Bearer challenge's \(name) value '\(Printable.escape(value))' has characters RFC 6750 §3 excludes",
                               at: line.lineSpan, status: response.status)
                }
            }
        }
    }
}
