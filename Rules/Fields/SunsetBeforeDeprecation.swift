import HTTPLintCore

/// A Sunset time earlier than the Deprecation time.
struct SunsetBeforeDeprecation: Rule {
    static let description = RuleDescription(
        id: "sunset-before-deprecation",
        severity: .warning,
        category: .fields,
        summary: "Sunset earlier than Deprecation",
        rationale: """
            RFC 9745 §4: when Sunset (RFC 8594) accompanies Deprecation, "The timestamp given \
            in the Sunset HTTP header field MUST NOT be earlier than the one given in the \
            Deprecation header field"; a client seeing it otherwise is told to ask the \
            resource's developer which is meant. A resource cannot stop answering before it is \
            deprecated, so one of the two dates is wrong (a misconfigured deployment, usually). \
            Deprecation is a Structured Field Date (`@` and seconds since 1970, RFC 9745 §2.1), \
            Sunset an HTTP-date (RFC 8594 §3): both are compared to the second. Values that do \
            not parse are invalid-structured-field's and invalid-field-value's.
            """,
        fix: "Set Sunset to the time the resource stops answering, no earlier than its Deprecation",
        spec: [SpecReference(rfc: 9745, section: "4"), SpecReference(rfc: 9745, section: "2.1"),
               SpecReference(rfc: 8594, section: "3")],
        fields: ["Deprecation", "Sunset"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDeprecation: @1719791999\nSunset: Fri, 30 Jun 2023 23:59:59 GMT\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nSunset: Thu, 29 Jun 2023 23:59:59 GMT\nDeprecation: @1688169599\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDeprecation: @1688169599\nSunset: Sun, 30 Jun 2024 23:59:59 GMT\nContent-Length: 0\n\n"),
            // The same second is not earlier.
            Example("HTTP/1.1 200 OK\nDeprecation: @1688169599\nSunset: Fri, 30 Jun 2023 23:59:59 GMT\nContent-Length: 0\n\n"),
            // Either alone says nothing about the other.
            Example("HTTP/1.1 200 OK\nSunset: Thu, 29 Jun 2023 23:59:59 GMT\nContent-Length: 0\n\n"),
            // An old-style Deprecation value is not a Date: invalid-structured-field reports it.
            Example("HTTP/1.1 200 OK\nDeprecation: true\nSunset: Thu, 29 Jun 2023 23:59:59 GMT\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let deprecations = response.fields.named("Deprecation")
        let sunsets = response.fields.named("Sunset")
        guard deprecations.count == 1, sunsets.count == 1 else { return }
        guard let item = try? StructuredFields.parseItem(deprecations[0].value), case .date(let deprecated) = item.bare,
              let sunset = try? HTTPDate.parse(String(sunsets[0].value.trimmingWhitespace())) else { return }
        guard sunset.secondsSince1970 < deprecated else { return }
        report.add("Sunset (\(Printable.escape(String(sunsets[0].value.trimmingWhitespace())))) is earlier than Deprecation (@\(deprecated)); the resource would stop answering before it is deprecated",
                   at: sunsets[0].lineSpan, status: response.status)
    }
}
