import HTTPLintCore

/// A backslash escape in a quoted auth-param value where nothing needed escaping.
struct NeedlessQuotedPair: Rule {
    static let description = RuleDescription(
        id: "needless-quoted-pair",
        severity: .info,
        category: .fields,
        summary: "Quoted string escaping a character other than '\"' or '\\'",
        rationale: """
            RFC 9110 §5.6.4: "A sender SHOULD NOT generate a quoted-pair in a quoted-string \
            except where necessary to quote DQUOTE and backslash octets occurring within that \
            string." Recipients are to remove the backslash, but not all do: a realm or scope \
            written `a\\.b` shows, or is compared, with the backslash kept. The quoted strings of \
            WWW-Authenticate, Proxy-Authenticate, Link, Content-Type and Cache-Control are \
            checked; backslashes in Content-Disposition file names have their own rule (RFC 6266 \
            Appendix D).
            """,
        fix: "Write the character itself; escape only '\"' and '\\' inside quotes",
        spec: [.rfc9110("5.6.4"), .rfc9110("11.2")],
        fields: ["WWW-Authenticate", "Proxy-Authenticate", "Link", "Content-Type", "Cache-Control"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"example\\.com\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"api\", scope=\"read\\ write\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Type: multipart/mixed; boundary=\"a\\-b\"\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nLink: </a>; rel=\"next\"; title=\"\\next\"\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"say \\\"hi\\\" to C:\\\\\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"example.com\"\nContent-Length: 0\n\n"),
            // A backslash outside quotes (in a Link target) is no quoted-pair.
            Example("HTTP/1.1 200 OK\nLink: <https://example.com/a\\b>; rel=\"next\"; title=\"a \\\"b\\\"\"\nCache-Control: no-cache=\"Set-Cookie\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        // A needless escape is a backslash received in one of the fields read (folds change
        // only CR, LF and whitespace): one walk over the fields rules most responses out.
        let read = Self.readFields
        var anyBackslash = false
        response.fields.forEach { field in
            if !anyBackslash, read.contains(field), field.rawValueBytes.contains(0x5C) { anyBackslash = true }
        }
        guard anyBackslash else { return }
        for (name, lines, parsed) in AuthChallenges.fields(of: response) {
            for challenge in parsed.challenges {
                for (index, parameter) in challenge.parameters.enumerated()
                where index < challenge.forms.count && !challenge.forms[index].needlessEscapes.isEmpty {
                    let escaped = challenge.forms[index].needlessEscapes.map { "\\" + Printable.escape([$0]) }.joined(separator: " ")
                    report.add("parameter \(parameter.name) of the \(challenge.scheme) challenge in \(name) escapes what needs no escape (\(escaped))",
                               at: lines[challenge.fieldIndex].valueSpan, status: response.status)
                }
            }
        }
        for (name, tableField, hasTargets) in Self.quotedStringFields {
            for field in response.fields.named(tableField) {
                // No backslash received, no quoted pair (unfolding touches only CR, LF and
                // whitespace): the value is not read again.
                guard field.rawValueBytes.contains(0x5C) else { continue }
                let escapes = Self.needlessEscapes(in: field.readValueBytes, skippingTargets: hasTargets)
                guard !escapes.isEmpty else { continue }
                let escaped = escapes.map { "\\" + Printable.escape([$0]) }.joined(separator: " ")
                report.add("a quoted string in \(name) escapes what needs no escape (\(escaped))", at: field.valueSpan, status: response.status)
            }
        }
    }

    /// Every field the rule reads: the challenge fields and ``quotedStringFields``.
    static let readFields = FieldDefinition.entries { definition in
        (AuthChallenges.fieldNames + quotedStringFields.map(\.0)).contains { definition.name.equalsIgnoringASCIICase($0) }
    }

    /// The other fields whose quoted strings are read, and whether `<…>` targets (Link) hold
    /// quote characters that open no string.
    static let quotedStringFields: [(String, TableField, Bool)] = [
        ("Link", .link, true), ("Content-Type", .contentType, false), ("Cache-Control", .cacheControl, false),
    ]

    /// The bytes escaped inside quoted strings of `bytes` that are neither DQUOTE nor backslash.
    static func needlessEscapes(in bytes: ArraySlice<UInt8>, skippingTargets: Bool) -> [UInt8] {
        var escapes: [UInt8] = []
        var index = bytes.startIndex
        var inQuotes = false
        var inTarget = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if inQuotes {
                if byte == 0x5C, index + 1 < bytes.endIndex {
                    let escaped = bytes[index + 1]
                    if escaped != 0x22, escaped != 0x5C { escapes.append(escaped) }
                    index += 1
                } else if byte == 0x22 {
                    inQuotes = false
                }
            } else if inTarget {
                if byte == 0x3E { inTarget = false }
            } else if byte == 0x22 {
                inQuotes = true
            } else if skippingTargets, byte == 0x3C {
                inTarget = true
            }
            index += 1
        }
        return escapes
    }
}
