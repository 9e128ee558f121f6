import HTTPLintCore

/// CDN-Cache-Control directives whose structured value does not fit the directive.
struct InvalidCDNCacheControl: Rule {
    static let description = RuleDescription(
        id: "invalid-cdn-cache-control",
        severity: .error,
        category: .caching,
        summary: "CDN-Cache-Control directive whose value has the wrong type, such as max-age=1.5 or max-age=\"60\"",
        rationale: """
            RFC 9213 §2.1: a targeted field such as CDN-Cache-Control (§3) is a structured \
            Dictionary whose members are Cache-Control response directives, their values \
            mapped to structured types: max-age and the other delta-seconds directives are \
            Integers, valueless directives (no-store, must-revalidate, public…) are Boolean \
            true, and no-cache and private are true or a String of field names. \
            "Implementations MUST NOT generate values that violate these inferred \
            constraints", and caches should not use them, so the CDN falls back to \
            Cache-Control. Values that do not parse at all are reported by \
            invalid-structured-field; unknown extension directives are left alone.
            """,
        fix: "Write CDN-Cache-Control like Cache-Control with integer seconds: `CDN-Cache-Control: max-age=600, stale-while-revalidate=30`",
        spec: [SpecReference(rfc: 9213, section: "2.1"), SpecReference(rfc: 9213, section: "3")],
        fields: ["CDN-Cache-Control"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nCDN-Cache-Control: max-age=1.5\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nCDN-Cache-Control: max-age=\"600\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nCDN-Cache-Control: no-store=?0\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nCDN-Cache-Control: s-maxage=-1\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nCDN-Cache-Control: max-age=600, stale-while-revalidate=30, must-revalidate\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nCDN-Cache-Control: private=\"set-cookie\", no-cache\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nCache-Control: no-store\nCDN-Cache-Control: none\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let fields = response.fields.named(.cdnCacheControl)
        guard let first = fields.first,
              let dictionary = try? StructuredFields.parseDictionary(fields.map(\.value).joined(separator: ", ")) else { return }
        let span = fields.count == 1 ? first.valueSpan : first.lineSpan
        for (name, member) in dictionary {
            guard let problem = Self.problem(name: name, member: member) else { continue }
            report.add("CDN-Cache-Control \(name) \(problem)", at: span, status: response.status)
        }
    }

    static func problem(name: String, member: StructuredFields.Member) -> String? {
        // Every directive Cache-Control registers, with the same kind of value.
        guard let known = CacheDirectives.Name(name) else { return nil }
        guard case .item(let item) = member else { return "is an inner list; it takes a single value" }
        if known.takesSeconds {
            switch item.bare {
            case .integer(let seconds) where seconds >= 0: return nil
            case .integer(let seconds): return "is \(seconds); it takes a non-negative integer of seconds"
            case .decimal(let value): return "is the decimal \(value); it takes an integer of seconds"
            case .string(let text): return "is the string \"\(Printable.escape(text))\"; write the integer bare"
            case .boolean: return "has no value; it takes an integer of seconds"
            default: return "does not have an integer value"
            }
        }
        if known.isValueless {
            if case .boolean(true) = item.bare { return nil }
            return "takes no value (Boolean true)"
        }
        switch item.bare {
        case .boolean(true), .string, .token: return nil
        default: return "takes no value, or a string of field names"
        }
    }
}
