import HTTPLintCore

/// A code that neither IANA nor any known product defines.
struct UnregisteredStatusCode: Rule {
    static let description = RuleDescription(
        id: "unregistered-status-code",
        severity: .warning,
        category: .status,
        summary: "Status code that is neither registered nor a known vendor code",
        rationale: """
            RFC 9110 §15: clients that do not recognise a status code treat it as the x00 code \
            of its class, so its specific meaning is lost; new codes are to be registered with \
            IANA (§16.2). A code nobody defines is very likely a typo or a private convention.
            """,
        fix: "Use a registered status code of the same class (for example 400 instead of 432)",
        spec: [.rfc9110("15"), .rfc9110("16.2")],
        triggering: [
            Example("HTTP/1.1 299 Custom\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 432 Nope\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 520 Web Server Returned an Unknown Error\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 600 Out Of Range\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            guard let status = response.status, (100...599).contains(status), StatusCode.lookup(status) == nil else { continue }
            report.add("status code \(status) is not registered and no known product uses it; clients will treat it as \(status / 100)00",
                       about: response)
        }
    }
}
