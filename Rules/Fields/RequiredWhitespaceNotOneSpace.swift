import HTTPLintCore

/// Server or Via whose parts are separated by more than one space, or by a tab.
struct RequiredWhitespaceNotOneSpace: Rule {
    static let description = RuleDescription(
        id: "required-whitespace-not-one-space",
        severity: .info,
        category: .fields,
        summary: "Server or Via whose parts are separated by more than a single space",
        rationale: """
            RFC 9110 §5.6.3: RWS is the whitespace required between the parts of a field value, \
            and "a sender SHOULD generate RWS as a single SP". It separates the products and \
            comments of Server (`product *( RWS ( product / comment ) )`, §10.2.4) and the \
            protocol, host and comment of each Via entry (§7.6.3). Recipients accept any run of \
            spaces and tabs, so nothing breaks, but a tab or a double space usually comes from \
            a template with an empty variable (`Apache/2.4  (Ubuntu)`). Whitespace inside \
            comments is not RWS and is not reported.
            """,
        fix: "Separate the parts with one space: `Server: Apache/2.4.62 (Debian)`",
        spec: [.rfc9110("5.6.3"), .rfc9110("10.2.4"), .rfc9110("7.6.3")],
        fields: ["Server", "Via"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nServer: Apache/2.4.62  (Debian)\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nVia: 1.1 cache-a, 1.1\tcache-b (squid)\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nServer: Apache/2.4.62 (Debian) mod_ssl/2.4.62\nContent-Length: 0\n\n"),
            // Spaces inside a comment, and the OWS around Via's commas, are not RWS.
            Example("HTTP/1.1 200 OK\nServer: nginx (built  for  tests)\nVia: 1.1 a ,  1.0 b\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.server) where Self.mayHaveWideSeparator(field.rawValueBytes)
            && Self.hasWideSeparator(field.readValueBytes, listElements: false) {
            report.add("Server '\(Printable.escape(field.value))' separates its parts with more than one space", at: field.valueSpan, status: response.status)
        }
        for field in response.fields.named(.via) where Self.mayHaveWideSeparator(field.rawValueBytes)
            && Self.hasWideSeparator(field.readValueBytes, listElements: true) {
            report.add("Via '\(Printable.escape(field.value))' separates the parts of an entry with more than one space", at: field.valueSpan, status: response.status)
        }
    }

    /// Whether the received bytes hold an HTAB, two SPs in a row, or a CR or LF (which the
    /// value a recipient reads turns into spaces): without any, every whitespace run is one
    /// SP and ``hasWideSeparator(_:listElements:)`` is false, so the value is not read again.
    static func mayHaveWideSeparator(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x09 || byte == 0x0D || byte == 0x0A || (byte == 0x20 && previous == 0x20) { return true }
                previous = byte
            }
            return false
        }
    }

    /// Whether whitespace outside comments (and, in a list, away from its commas) is
    /// anything but one SP.
    static func hasWideSeparator(_ bytes: ArraySlice<UInt8>, listElements: Bool) -> Bool {
        var depth = 0
        var index = bytes.startIndex
        var previousSignificant: UInt8?
        while index < bytes.endIndex {
            let byte = bytes[index]
            if depth > 0 {
                if byte == 0x5C { index += 2; continue }
                if byte == 0x28 { depth += 1 } else if byte == 0x29 { depth -= 1 }
                previousSignificant = byte
                index += 1
                continue
            }
            if byte == 0x28 { depth = 1; previousSignificant = byte; index += 1; continue }
            guard byte == 0x20 || byte == 0x09 else { previousSignificant = byte; index += 1; continue }
            var end = index
            while end < bytes.endIndex, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
            let atEdge = previousSignificant == nil || end == bytes.endIndex
            let besideComma = listElements && (previousSignificant == 0x2C || (end < bytes.endIndex && bytes[end] == 0x2C))
            if !atEdge, !besideComma, end - index > 1 || byte == 0x09 { return true }
            index = end
        }
        return false
    }
}
