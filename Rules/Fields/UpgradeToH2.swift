import HTTPLintCore

/// `h2` is negotiated by TLS ALPN, never by Upgrade.
struct UpgradeToH2: Rule {
    static let description = RuleDescription(
        id: "upgrade-offers-h2",
        severity: .info,
        category: .fields,
        summary: "Upgrade naming `h2`, which identifies HTTP/2 over TLS and is chosen by ALPN, not by Upgrade",
        rationale: """
            RFC 9113 §3.1: "The string \"h2\" identifies the protocol where HTTP/2 uses Transport \
            Layer Security (TLS)" and is the TLS ALPN identifier; HTTP/2 over TLS starts with \
            ALPN (§3.2), not with an HTTP/1.1 Upgrade on an existing connection, and `h2` is not \
            in the HTTP Upgrade Token Registry (RFC 9110 §16.7). RFC 7540 §3.2 had servers \
            \"MUST ignore an h2 token in an Upgrade header field\". An Upgrade advertising `h2` \
            offers something no client can take; the only Upgrade token HTTP/2 ever had, \
            `h2c`, is deprecated too (RFC 9113 §3.1).
            """,
        fix: "Drop `h2` from Upgrade; offer HTTP/2 through ALPN on TLS connections",
        spec: [SpecReference(rfc: 9113, section: "3.1"), SpecReference(rfc: 9113, section: "3.2"), .rfc9110("7.8")],
        fields: ["Upgrade"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nUpgrade: h2,h2c\nConnection: Upgrade\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nUpgrade: h2c\nConnection: Upgrade\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 426 Upgrade Required\nUpgrade: TLS/1.2, HTTP/1.1\nConnection: Upgrade\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            for field in response.fields.named("Upgrade") where field.listElements.contains(where: { $0.asciiLowercased() == "h2" || $0.asciiLowercased().hasPrefix("h2/") }) {
                report.add("Upgrade offers 'h2', which is negotiated by TLS ALPN and cannot be reached through Upgrade",
                           at: field.lineSpan, status: response.status)
            }
        }
    }
}
