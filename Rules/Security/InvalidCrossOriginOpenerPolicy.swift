import HTTPLintCore

/// Cross-Origin-Opener-Policy takes one of four tokens.
struct InvalidCrossOriginOpenerPolicy: Rule {
    static let description = RuleDescription(
        id: "invalid-cross-origin-opener-policy",
        severity: .error,
        category: .security,
        summary: "Cross-Origin-Opener-Policy that is not same-origin, same-origin-allow-popups, noopener-allow-popups or unsafe-none",
        rationale: """
            The HTML standard defines Cross-Origin-Opener-Policy (and its -Report-Only twin) as \
            a structured-field Item whose token is `same-origin`, `same-origin-allow-popups`, \
            `noopener-allow-popups` or `unsafe-none`, optionally with a `report-to` parameter. \
            Browsers compare the token exactly: any other value, a different case or a quoted \
            string leaves the policy at `unsafe-none`, so the page keeps its opener relationship \
            with cross-origin windows and does not get cross-origin isolation.
            """,
        fix: "Send `Cross-Origin-Opener-Policy: same-origin` (or same-origin-allow-popups)",
        spec: [SpecReference(document: "HTML", section: "Cross-origin opener policies, the headers",
                             url: "https://html.spec.whatwg.org/multipage/browsers.html#the-coop-headers")],
        fields: ["Cross-Origin-Opener-Policy", "Cross-Origin-Opener-Policy-Report-Only"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nCross-Origin-Opener-Policy: same-site\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nCross-Origin-Opener-Policy: Same-Origin\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nCross-Origin-Opener-Policy-Report-Only: \"same-origin\"\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nCross-Origin-Opener-Policy: same-origin; report-to=\"coop\"\nCross-Origin-Opener-Policy-Report-Only: noopener-allow-popups\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nCross-Origin-Opener-Policy: same-origin-allow-popups\nContent-Length: 0\n\n"),
            // Not an Item at all: invalid-structured-field reports it.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nCross-Origin-Opener-Policy: same-origin, unsafe-none\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        CrossOriginPolicyItems.report(["Cross-Origin-Opener-Policy", "Cross-Origin-Opener-Policy-Report-Only"],
                                      allowed: ["same-origin", "same-origin-allow-popups", "noopener-allow-popups", "unsafe-none"],
                                      in: exchange.response, &report)
    }
}
