import HTTPLintCore

/// filename* without a plain filename before it for user agents that do not read filename*.
struct ContentDispositionFilenameFallback: Rule {
    static let description = RuleDescription(
        id: "content-disposition-filename-fallback",
        severity: .info,
        category: .fields,
        summary: "Content-Disposition filename* without a plain filename fallback, or with the fallback after it",
        rationale: """
            RFC 6266 Appendix D advises that a sender of `filename*` also send a plain \
            `filename` for user agents that do not implement the RFC 8187 form, replacing the \
            characters it cannot carry with ASCII ones, and that `filename` come first, \
            because of parsing problems in some existing implementations. Without the \
            fallback such user agents save the download under a name of their own choosing \
            (often the last path segment of the URL).
            """,
        fix: "Write `filename=\"ascii-name.ext\"; filename*=UTF-8''real-name.ext`, in that order",
        spec: [SpecReference(rfc: 6266, section: "D")],
        fields: ["Content-Disposition"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename*=UTF-8''caf%C3%A9.txt\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename*=UTF-8''caf%C3%A9.txt; filename=\"cafe.txt\"\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename=\"cafe.txt\"; FileName*=UTF-8''caf%C3%A9.txt\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename=cafe.txt\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.contentDisposition) {
            // A value that does not parse is invalid-content-disposition's.
            guard case .success(let disposition) = InvalidContentDisposition.parse(field.valueUTF8),
                  let extended = disposition.parameters.firstIndex(where: { $0.key == "filename*" }) else { continue }
            if let plain = disposition.parameters.firstIndex(where: { $0.key == "filename" }) {
                if plain > extended {
                    report.add("Content-Disposition has filename after filename*; some user agents parse it only when filename comes first",
                               at: field.valueSpan, status: response.status)
                }
            } else {
                report.add("Content-Disposition has filename* but no plain filename for user agents that do not read filename*",
                           at: field.valueSpan, status: response.status)
            }
        }
    }
}
