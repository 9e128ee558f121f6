import HTTPLintCore

/// Cross-Origin-Embedder-Policy takes one of three tokens.
struct InvalidCrossOriginEmbedderPolicy: Rule {
    static let description = RuleDescription(
        id: "invalid-cross-origin-embedder-policy",
        severity: .error,
        category: .security,
        summary: "Cross-Origin-Embedder-Policy that is not require-corp, credentialless or unsafe-none",
        rationale: """
            The HTML standard defines Cross-Origin-Embedder-Policy (and its -Report-Only twin) \
            as a structured-field Item whose token is `require-corp`, `credentialless` or \
            `unsafe-none`, optionally with a `report-to` parameter. Any other token, a \
            different case or a quoted string leaves the policy at `unsafe-none`: the document \
            is not cross-origin isolated, and features that need isolation \
            (SharedArrayBuffer, precise timers) stay off.
            """,
        fix: "Send `Cross-Origin-Embedder-Policy: require-corp` (or credentialless)",
        spec: [SpecReference(document: "HTML", section: "Cross-origin embedder policies, the headers",
                             url: "https://html.spec.whatwg.org/multipage/browsers.html#the-coep-headers")],
        fields: ["Cross-Origin-Embedder-Policy", "Cross-Origin-Embedder-Policy-Report-Only"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nCross-Origin-Embedder-Policy: require-cors\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nCross-Origin-Embedder-Policy-Report-Only: ?1\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nCross-Origin-Embedder-Policy: require-corp; report-to=\"coep\"\nCross-Origin-Embedder-Policy-Report-Only: credentialless\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nCross-Origin-Embedder-Policy: unsafe-none\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        CrossOriginPolicyItems.report(["Cross-Origin-Embedder-Policy", "Cross-Origin-Embedder-Policy-Report-Only"],
                                      allowed: ["require-corp", "credentialless", "unsafe-none"],
                                      in: exchange.response, &report)
    }
}
