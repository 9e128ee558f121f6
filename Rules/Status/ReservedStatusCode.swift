import HTTPLintCore

/// 306 is reserved: it once meant Switch Proxy and must not be used.
struct ReservedStatusCode: Rule {
    static let description = RuleDescription(
        id: "reserved-status-code",
        severity: .error,
        category: .status,
        summary: "Reserved status code such as 306",
        rationale: """
            RFC 9110 §15.4.7: "The 306 status code was defined in a previous version of this \
            specification, is no longer used, and the code is reserved." A reserved code has \
            no meaning a client could act on. (418 is reserved too, but as a well-known joke; \
            `unofficial-status-code` reports it.)
            """,
        fix: "Use 307 or 308 to redirect, or another code that says what happened",
        spec: [.rfc9110("15.4.7")],
        triggering: [
            Example("HTTP/1.1 306 Switch Proxy\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 307 Temporary Redirect\nLocation: /next\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 418 I'm a teapot\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            guard let status = response.status, let entry = StatusCode.lookup(status),
                  let registration = entry.registration, registration.standing == .reserved,
                  entry.unofficialUses.isEmpty else { continue }
            report.add("status code \(status) is reserved (\(registration.spec)) and has no meaning", about: response)
        }
    }
}
