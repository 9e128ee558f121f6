import HTTPLintCore

/// Whitespace around the `=` of an auth-param: BWS, which senders must not generate.
struct WhitespaceAroundEquals: Rule {
    static let description = RuleDescription(
        id: "whitespace-around-equals",
        severity: .warning,
        category: .fields,
        summary: "Whitespace around '=' in an authentication or Link parameter, where only bad whitespace is allowed",
        rationale: """
            RFC 9110 §11.2: `auth-param = token BWS "=" BWS ( token / quoted-string )`, and RFC \
            8288 §3: `link-param = token BWS [ "=" BWS ( token / quoted-string ) ]`. RFC 9110 §5.6.3: \
            BWS is whitespace the grammar allows "only for historical reasons. A sender MUST NOT \
            generate BWS in messages." Recipients must remove it, but a parser that follows \
            the grammars other fields use (no space around `=`) splits `realm = "x"` wrongly \
            and loses the parameter.
            """,
        fix: "Write parameters without spaces: `Basic realm=\"admin\"`, `<https://example.com/>; rel=\"next\"`",
        spec: [.rfc9110("5.6.3"), .rfc9110("11.2"), SpecReference(rfc: 8288, section: "3")],
        fields: ["WWW-Authenticate", "Proxy-Authenticate", "Link"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm = \"admin\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"api\", error =\"invalid_token\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nLink: </style.css>; rel = preload; as=style\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"admin = root\", charset=\"UTF-8\"\nContent-Length: 0\n\n"),
            // A token68 may end in '=' padding, which is no parameter.
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Negotiate YIIFzQYJKoZIhvcSAQICAQBu==\nContent-Length: 0\n\n"),
            // '=' inside the URI or a quoted title is no parameter's.
            Example("HTTP/1.1 200 OK\nLink: </search?q = a>; rel=\"next\"; title=\"a = b\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for (name, lines, parsed) in AuthChallenges.fields(of: response) {
            for challenge in parsed.challenges {
                for (index, parameter) in challenge.parameters.enumerated()
                where index < challenge.forms.count && challenge.forms[index].hasSpaceAroundEquals {
                    report.add("parameter \(parameter.name) of the \(challenge.scheme) challenge in \(name) has whitespace around '=', which senders must not generate",
                               at: lines[challenge.fieldIndex].valueSpan, status: response.status)
                }
            }
        }
        for field in response.fields.named(.link) where Self.linkHasSpaceAroundEquals(field.readValueBytes) {
            report.add("Link '\(Printable.escape(field.value))' has whitespace around the '=' of a parameter, which senders must not generate",
                       at: field.valueSpan, status: response.status)
        }
    }

    /// Whether an '=' outside the `<…>` targets and quoted strings of a Link value has
    /// whitespace on either side.
    static func linkHasSpaceAroundEquals(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        var inTarget = false
        var inQuotes = false
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if inQuotes {
                if byte == 0x5C { index += 1 } else if byte == 0x22 { inQuotes = false }
            } else if inTarget {
                if byte == 0x3E { inTarget = false }
            } else if byte == 0x22 {
                inQuotes = true
            } else if byte == 0x3C {
                inTarget = true
            } else if byte == 0x3D {
                if index > bytes.startIndex, isSpace(bytes[index - 1]) { return true }
                if index + 1 < bytes.endIndex, isSpace(bytes[index + 1]) { return true }
            }
            index += 1
        }
        return false
    }
}
