import HTTPLintCore

/// A message larger than httplint's limits: the rest of the input is not read.
struct LimitExceeded: DeviationRule {
    static let deviation = Deviation.Kind.limitExceeded
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Message larger than the parser's limits; the rest of the input is not read",
        rationale: """
            HTTP sets no limit on line or section sizes, but every recipient has one: RFC \
            9110 §5.4 expects servers to reject field sections "larger than it wishes to \
            process" and clients to discard or truncate them, and RFC 9112 §2.3 recommends \
            supporting request lines of at least 8000 octets. Real servers stop at tens of \
            kilobytes. httplint's limits are far higher (1 MiB lines, 16 MiB sections, 100,000 \
            fields, 10,000,000 chunks; change them with --max-line-length, \
            --max-field-section-size, --max-fields and --max-chunks), so a message past them is \
            either hostile or broken; it is reported and the rest of that input is skipped.
            """,
        fix: "Send smaller messages (heads of a few kilobytes, content in fewer and larger chunks), or raise the limit the finding names if the input is meant to be this large",
        spec: [.rfc9110("5.4"), .rfc9112("2.3")],
        triggering: [
            .generated(line: 2) { "HTTP/1.1 200 OK\nX-Long: " + String(repeating: "a", count: 1 << 20) + "\nContent-Length: 0\n\n" },
        ],
        nonTriggering: [
            .generated { "HTTP/1.1 200 OK\n" + String(repeating: "X-A: 1\n", count: 1_000) + "Content-Length: 0\n\n" },
            .generated { "HTTP/1.1 200 OK\nX-Long: " + String(repeating: "a", count: 60_000) + "\nContent-Length: 0\n\n" },
        ]
    )
}
