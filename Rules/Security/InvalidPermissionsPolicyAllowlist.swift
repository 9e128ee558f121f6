import HTTPLintCore

/// Permissions-Policy member values are `*`, `self`, quoted origins, or inner lists of them.
struct InvalidPermissionsPolicyAllowlist: Rule {
    static let description = RuleDescription(
        id: "invalid-permissions-policy-allowlist",
        severity: .error,
        category: .security,
        summary: "Permissions-Policy allowlist that is not `*`, `self`, a quoted origin or a list of them",
        rationale: """
            Permissions Policy ("Structured header serialization"): the field is a structured \
            dictionary from features to allowlists, and each allowlist must be the token `*`, \
            the token `self`, a string holding an origin, or an inner list of those. Any other \
            value makes browsers ignore the whole member, so the feature keeps its default \
            allowlist, and other items inside an inner list are dropped. The usual slips are an \
            unquoted origin (`(self https://a.example)`, which parses as a token), `none` or \
            `'none'` for an empty list (write `()`), a bare feature name (a boolean), and a \
            quoted keyword (`"self"` is read as a host called self). Values that do not parse at \
            all are left to invalid-structured-field.
            """,
        fix: "Write allowlists as `feature=()`, `feature=*`, `feature=self` or `feature=(self \"https://a.example\")`",
        spec: [SpecReference(document: "Permissions Policy", section: "Structured header serialization",
                             url: "https://www.w3.org/TR/permissions-policy/#structured-header-serialization"),
               SpecReference(document: "Permissions Policy", section: "Construct policy from dictionary and origin",
                             url: "https://www.w3.org/TR/permissions-policy/#algo-construct-policy")],
        fields: ["Permissions-Policy"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nPermissions-Policy: geolocation=(self https://maps.example)\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nPermissions-Policy: camera=none, microphone=()\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nPermissions-Policy: interest-cohort\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nPermissions-Policy: fullscreen=(\"self\")\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nPermissions-Policy: geolocation=(), camera=()\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nPermissions-Policy: fullscreen=*, payment=self, geolocation=(self \"https://maps.example\");report-to=main, autoplay=\"https://a.example\"\nContent-Length: 0\n\n"),
            // Not a structured dictionary at all: invalid-structured-field reports it.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nPermissions-Policy: geolocation 'none'\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let lines = response.fields.named(.permissionsPolicy)
        guard !lines.isEmpty,
              let dictionary = try? StructuredFields.parseDictionary(lines.map(\.value).joined(separator: ", ")) else { return }
        let span = lines.count == 1 ? lines[0].valueSpan : lines[0].lineSpan
        for (feature, value) in dictionary {
            let problems: [String]
            switch value {
            case .item(let item):
                problems = Self.problem(with: item.bare).map { [$0] } ?? []
            case .innerList(let items, _):
                problems = items.compactMap { Self.problem(with: $0.bare) }
            }
            for problem in problems {
                report.add("Permissions-Policy \(feature): \(problem)", at: span, status: response.status)
            }
        }
    }

    /// Why `item` cannot be in an allowlist, or nil when it can.
    static func problem(with item: StructuredFields.BareItem) -> String? {
        switch item {
        case .token(let token):
            if token == "*" || token == "self" { return nil }
            if token.contains(":") {
                return "the origin \(token) is a token; write origins as quoted strings (\"\(token)\") or browsers ignore them"
            }
            let hint = token.asciiLowercased() == "none" ? "; write () for no origin" : ""
            return "the token \(token) is neither * nor self; browsers ignore it\(hint)"
        case .string(let string):
            var keyword = string.asciiLowercased()[...]
            if keyword.count >= 2, keyword.hasPrefix("'"), keyword.hasSuffix("'") { keyword = keyword.dropFirst().dropLast() }
            if ["self", "none", "src", "*"].contains(keyword) {
                return "\"\(Printable.escape(string))\" is a string, so it is read as an origin, not as the keyword \(keyword)"
            }
            if string.isEmpty { return "the empty string is not an origin; browsers ignore it" }
            return nil
        case .boolean(true):
            return "the value is the boolean true (a bare feature name means ?1), which browsers ignore; write feature=() to disable the feature"
        default:
            return "\(Self.describe(item)) is not an allowlist member; browsers ignore it"
        }
    }

    static func describe(_ item: StructuredFields.BareItem) -> String {
        switch item {
        case .integer(let value): "the integer \(value)"
        case .decimal(let value): "the decimal \(value)"
        case .boolean(let value): "the boolean \(value ? "?1" : "?0")"
        case .byteSequence: "a byte sequence"
        case .date: "a date"
        case .displayString: "a display string"
        case .token(let token): "the token \(token)"
        case .string(let string): "the string \"\(Printable.escape(string))\""
        }
    }
}
