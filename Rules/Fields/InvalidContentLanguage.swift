import HTTPLintCore

/// Content-Language lists language tags.
struct InvalidContentLanguage: Rule {
    static let description = RuleDescription(
        id: "invalid-content-language",
        severity: .error,
        category: .fields,
        summary: "Content-Language member that is not a well-formed language tag",
        rationale: """
            RFC 9110 §8.5: `Content-Language = #language-tag`, a language tag being RFC 5646's \
            `Language-Tag` (§8.5.1): subtags of letters and digits joined by hyphens, such as \
            `en`, `en-US`, `es-419`, `zh-Hant-TW`. Locale spellings such as `en_US`, a `*` \
            (which belongs to Accept-Language) or a language name are not tags, so clients \
            and search engines cannot tell the audience of the content. Only well-formedness \
            (RFC 5646 §2.2.9) is checked, not whether the subtags are registered.
            """,
        fix: "Write language tags with hyphens: `Content-Language: en-US, fr`",
        spec: [.rfc9110("8.5"), .rfc9110("8.5.1"), SpecReference(rfc: 5646, section: "2.1")],
        fields: ["Content-Language"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Language: en_US\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Language: de, *\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Language: en;q=0.8\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Language: mi, en\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Language: es-419, az-Arab, x-pig-latin, i-klingon\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Language: EN-us\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.contentLanguage) {
            for member in field.listElements where !LanguageTag.isWellFormed(member) {
                let hint = member.contains("_") ? " (language tags use '-', not '_')" : ""
                report.add("Content-Language member '\(Printable.escape(member))' is not a language tag\(hint)",
                           at: field.valueSpan, status: response.status)
            }
        }
    }
}
