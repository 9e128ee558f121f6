import HTTPLintCore

/// Transfer-Encoding naming "identity", a coding HTTP/1.1 no longer has.
struct IdentityTransferCoding: Rule {
    static let description = RuleDescription(
        id: "identity-transfer-coding",
        severity: .warning,
        category: .framing,
        summary: "Transfer-Encoding lists identity, which is not a transfer coding",
        rationale: """
            RFC 2616 §3.6 listed an "identity" transfer coding; RFC 9112 §7 defines chunked \
            (§7.1) and compress, deflate and gzip (§7.2, with x-compress and x-gzip), and no \
            identity. A recipient following RFC 9112 meets a coding it does not know: it cannot \
            undo it, and a server answers such a request with 501 (§6.1). Saying that no \
            transfer coding applies is done by sending no Transfer-Encoding at all.
            """,
        fix: "Drop identity: send `Transfer-Encoding: chunked`, or no Transfer-Encoding and a Content-Length",
        spec: [.rfc9112("7"), .rfc9112("6.1")],
        fields: ["Transfer-Encoding"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: identity, chunked\n\n2\nok\n0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: Identity\nConnection: close\n\nok", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nTransfer-Encoding: gzip, chunked\n\n0\n\n"),
            // identity is still a content coding name in Accept-Encoding; Content-Encoding is not checked here.
            Example("HTTP/1.1 200 OK\nContent-Encoding: identity\nContent-Length: 2\n\nok"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.transferEncoding) {
            // Only an element spelling identity (in any ASCII case) counts: a value without
            // those letters in a row has none, and is not split into strings.
            guard ByteParsing.contains(field.readValueBytes, lowercase: "identity") else { continue }
            let identity = field.listElements.contains { element in
                element.split(separator: ";", maxSplits: 1).first.map { $0.trimmingWhitespace().asciiLowercased() } == "identity"
            }
            if identity {
                report.add("Transfer-Encoding '\(Printable.escape(field.value))' lists identity, which RFC 9112 does not define; recipients cannot undo an unknown coding",
                           at: field.valueSpan, status: response.status)
            }
        }
    }
}
