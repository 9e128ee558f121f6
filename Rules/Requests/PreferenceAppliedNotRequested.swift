import HTTPLintCore

/// Preference-Applied names preferences of the request's Prefer.
struct PreferenceAppliedNotRequested: Rule {
    static let description = RuleDescription(
        id: "preference-applied-not-requested",
        severity: .warning,
        category: .requests,
        summary: "Preference-Applied naming a preference (or a value of one) that the request's Prefer did not contain",
        rationale: """
            RFC 7240 §3: Preference-Applied indicates "which Prefer tokens were honored by the \
            server and applied to the processing of a request". A preference the request did not \
            send (§2: `Prefer = #preference`, `preference = token [ BWS \"=\" BWS word ] ...`) \
            cannot have been honoured; a client or cache that trusts the field is told something \
            false about how the response was made (`return=minimal` applied to a request that \
            asked for `return=representation`). Names and values are compared without regard \
            to case.
            """,
        fix: "List in Preference-Applied only preferences, with their values, that the request's Prefer contained and the server applied",
        spec: [SpecReference(rfc: 7240, section: "3"), SpecReference(rfc: 7240, section: "2")],
        fields: ["Preference-Applied"],
        runsWhen: .anyFieldPresent,
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nPreference-Applied: return=minimal\nContent-Length: 0\n\n",
                    request: "PATCH /doc HTTP/1.1\nHost: a.example\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nPreference-Applied: return=minimal\nContent-Length: 0\n\n",
                    request: "PATCH /doc HTTP/1.1\nHost: a.example\nPrefer: return=representation\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nPreference-Applied: return=minimal\nContent-Length: 0\n\n",
                    request: "PATCH /doc HTTP/1.1\nHost: a.example\nPrefer: respond-async, Return=Minimal; foo=\"bar\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nPreference-Applied: respond-async\nContent-Length: 0\n\n",
                    request: "POST /jobs HTTP/1.1\nHost: a.example\nPrefer: respond-async, wait=100\nContent-Length: 0\n\n"),
        ]
    )

    /// The name and value (`nil` for none) of a preference list element, lowercased, its
    /// parameters dropped.
    static func preference(_ element: String) -> (name: String, value: String?) {
        let head = element.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let parts = head.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0].trimmingWhitespace().asciiLowercased()
        guard parts.count == 2 else { return (name, nil) }
        var value = String(parts[1].trimmingWhitespace())
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
        return (name, value.isEmpty ? nil : value.asciiLowercased())
    }

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let request = exchange.request, let field = response.fields.first(named: "Preference-Applied") else { return }
        var requested: [String: String?] = [:]
        for element in request.fields.listElements(named: "Prefer") {
            let (name, value) = Self.preference(element)
            if requested[name] == nil { requested[name] = value }
        }
        for element in response.fields.listElements(named: "Preference-Applied") {
            let (name, value) = Self.preference(element)
            guard !name.isEmpty else { continue }
            guard let asked = requested[name] else {
                report.add("Preference-Applied names '\(Printable.escape(name))', which the request's Prefer did not contain",
                           at: field.lineSpan, status: response.status)
                continue
            }
            if let value, value != asked {
                report.add("Preference-Applied has '\(Printable.escape(name))=\(Printable.escape(value))' but the request's Prefer asked for \(asked.map { "'\(name)=\(Printable.escape($0))'" } ?? "'\(name)' without a value")",
                           at: field.lineSpan, status: response.status,
                           request: request.fields.first(named: "Prefer")?.lineSpan)
            }
        }
    }
}
