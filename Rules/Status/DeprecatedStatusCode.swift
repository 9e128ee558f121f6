import HTTPLintCore

/// 305 Use Proxy is deprecated; 510 Not Extended is obsolete.
struct DeprecatedStatusCode: Rule {
    static let description = RuleDescription(
        id: "deprecated-status-code",
        severity: .warning,
        category: .status,
        summary: "Deprecated or obsolete status code such as 305 Use Proxy",
        rationale: """
            RFC 9110 §15.4.6: 305 (Use Proxy) "has been deprecated due to security concerns \
            regarding in-band configuration of a proxy", and browsers ignore it. 510 (Not \
            Extended) belongs to the HTTP Extension Framework (RFC 2774), which was moved to \
            Historic and is marked obsolete in the registry.
            """,
        fix: "Do not send it: configure proxies out of band, and answer unsupported extensions with 400 or 501",
        spec: [.rfc9110("15.4.6")],
        triggering: [
            Example("HTTP/1.1 305 Use Proxy\nLocation: http://proxy.example:3128/\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 510 Not Extended\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 307 Temporary Redirect\nLocation: /next\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            guard let status = response.status, let registration = StatusCode.lookup(status)?.registration,
                  registration.standing == .deprecated else { continue }
            report.add("status code \(status) (\(registration.phrase)) is deprecated (\(registration.spec))", about: response)
        }
    }
}
