import HTTPLintCore

/// Status codes live between 100 and 599.
struct StatusCodeOutOfRange: Rule {
    static let description = RuleDescription(
        id: "status-code-out-of-range",
        severity: .error,
        category: .status,
        summary: "Status code outside 100–599",
        rationale: """
            RFC 9110 §15: "Values outside the range 100..599 are invalid." The first digit is \
            the class of the response, and there are five classes; clients treat other codes as \
            errors or reject the response.
            """,
        fix: "Send a status code from 100 to 599, such as 200, 404 or 500",
        spec: [.rfc9110("15")],
        triggering: [
            Example("HTTP/1.1 600 Custom\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 099 Early\nContent-Length: 0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 599 Network Connect Timeout Error\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            guard let status = response.status, !(100...599).contains(status) else { continue }
            report.add("status code \(status) is outside 100–599, so it belongs to no class", about: response)
        }
    }
}
