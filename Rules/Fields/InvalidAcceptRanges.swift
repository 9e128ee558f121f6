import HTTPLintCore

/// Accept-Ranges lists range units.
struct InvalidAcceptRanges: Rule {
    static let description = RuleDescription(
        id: "invalid-accept-ranges",
        severity: .error,
        category: .fields,
        summary: "Accept-Ranges member that is not a range unit",
        rationale: """
            RFC 9110 §14.3: `Accept-Ranges = acceptable-ranges`, `acceptable-ranges = \
            1#range-unit`, a range unit being a token (§14.1); `none` says ranges are not \
            supported. Clients decide whether to resume downloads from it.
            """,
        fix: "Send `Accept-Ranges: bytes` (or `none`)",
        spec: [.rfc9110("14.3"), .rfc9110("14.1")],
        fields: ["Accept-Ranges"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nAccept-Ranges: bytes=0-\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nAccept-Ranges: bytes\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nAccept-Ranges: none\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        TokenLists.report(.acceptRanges, what: "range unit", in: exchange.response, &report)
    }
}
