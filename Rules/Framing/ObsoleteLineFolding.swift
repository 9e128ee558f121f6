import HTTPLintCore

/// Field value continued on the next line (obs-fold).
struct ObsoleteLineFolding: DeviationRule {
    static let deviation = Deviation.Kind.obsoleteLineFolding
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Field value continued on the next line (obs-fold)",
        rationale: """
            RFC 9112 §5.2: "A server MUST NOT generate a message that contains line folding \
            (i.e., that has any field line value that contains a match to the obs-fold rule) \
            unless the message is intended for packaging within the message/http media type." \
            Recipients must replace each fold with spaces, or reject the message; parsers that \
            do not know folding take the continuation line for a broken field.
            """,
        fix: "Put the whole field value on one line",
        spec: [.rfc9112("5.2")],
        triggering: [
            Example("HTTP/1.1 200 OK\nX-Long: first part\n  second part\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nCache-Control: no-store,\n\tprivate\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nX-Long: first part  second part\nContent-Length: 0\n\n"),
        ]
    )
}
