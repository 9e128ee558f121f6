import HTTPLintCore

/// X-Content-Type-Options has one meaningful value.
struct ContentTypeOptionsNotNosniff: Rule {
    static let description = RuleDescription(
        id: "x-content-type-options-not-nosniff",
        severity: .warning,
        category: .security,
        summary: "X-Content-Type-Options with a value other than nosniff",
        rationale: """
            The Fetch standard defines one value for X-Content-Type-Options: `nosniff` \
            (compared case-insensitively, first list member only). Anything else, such as \
            `nosniff=true`, `no-sniff` or an empty first member (`, nosniff`, or an empty \
            first field), turns the protection off: browsers go back to sniffing content \
            types, which lets uploaded files run as scripts.
            """,
        fix: "Send exactly `X-Content-Type-Options: nosniff`",
        spec: [SpecReference(document: "Fetch", section: "X-Content-Type-Options header",
                             url: "https://fetch.spec.whatwg.org/#x-content-type-options-header")],
        fields: ["X-Content-Type-Options"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nX-Content-Type-Options: no-sniff\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nX-Content-Type-Options: nosniff=true\nContent-Length: 0\n\n", line: 2),
            // Fetch keeps the empty member before the comma, and it is the first.
            Example("HTTP/1.1 200 OK\nX-Content-Type-Options: , nosniff\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nX-Content-Type-Options: nosniff\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nX-Content-Type-Options: NoSniff\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nX-Content-Type-Options: nosniff, nosniff\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let field = response.fields.first(named: .xContentTypeOptions) else { return }
        // Fetch splits the value at commas, keeps empty members, and reads the first: the bytes
        // before the first comma. A quote before it would make that member something other
        // than nosniff, so commas inside quotes need no care here.
        let value = field.readValueBytes
        let first = value[..<(value.firstIndex(of: UInt8(ascii: ",")) ?? value.endIndex)].trimmingWhitespace()
        guard !first.elementsEqual("nosniff".utf8, by: { $0.asciiLowercased == $1 }) else { return }
        report.add("X-Content-Type-Options '\(Printable.escape(field.value))' is not nosniff, so browsers keep sniffing",
                   at: field.valueSpan, status: response.status)
    }
}
