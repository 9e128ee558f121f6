import HTTPLintCore

/// `%XX` or a backslash in a plain Content-Disposition filename, which user agents read differently.
struct ContentDispositionFilenameEscapes: Rule {
    static let description = RuleDescription(
        id: "content-disposition-filename-escapes",
        severity: .info,
        category: .fields,
        summary: "Content-Disposition filename with a %-escape or a backslash, which user agents read differently",
        rationale: """
            RFC 6266 Appendix D advises senders to avoid, in the plain `filename` parameter, a \
            `%` followed by two hexadecimal digits (some user agents decode it as a percent \
            escape, others keep it as written) and the `\\` character in its quoted-string \
            form (some user agents do not implement quoted-pair escaping, and keep the \
            backslash, which many treat as a path separator). The saved name then differs \
            between browsers. Names that need such characters are portable in the RFC 8187 \
            `filename*` form (§4.3), where percent-encoding is defined.
            """,
        fix: "Spell the plain filename without %-escapes and backslashes; put the exact name in `filename*=UTF-8''…`",
        spec: [SpecReference(rfc: 6266, section: "D"), SpecReference(rfc: 6266, section: "4.3")],
        fields: ["Content-Disposition"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename=\"report%20final.pdf\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename=\"say \\\"hi\\\".txt\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; FILENAME=caf%C3%A9.txt\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename=\"100% done.txt\"\nContent-Length: 0\n\n"),
            // Percent-encoding is the defined form in filename*.
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: attachment; filename=\"cafe.txt\"; filename*=UTF-8''caf%C3%A9.txt\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nContent-Disposition: inline; name=\"a\\\\b\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.contentDisposition) {
            // A value that does not parse is invalid-content-disposition's.
            guard case .success(let disposition) = InvalidContentDisposition.parse(field.valueUTF8) else { continue }
            for parameter in disposition.parameters where parameter.key == "filename" {
                guard let bytes = parameter.value else { continue }
                if Self.hasPercentEscape(bytes) {
                    report.add("Content-Disposition filename \"\(Printable.escape(bytes))\" has a %-escape, which some user agents decode and others keep",
                               at: field.valueSpan, status: response.status)
                }
                if parameter.hadQuotedPair {
                    report.add("Content-Disposition filename \"\(Printable.escape(bytes))\" is written with a backslash escape, which some user agents keep as a character",
                               at: field.valueSpan, status: response.status)
                }
            }
        }
    }

    /// Whether `%` followed by two hexadecimal digits occurs in `bytes`.
    static func hasPercentEscape(_ bytes: [UInt8]) -> Bool {
        func isHex(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
        guard bytes.count >= 3 else { return false }
        for index in 0..<(bytes.count - 2) where bytes[index] == 0x25 && isHex(bytes[index + 1]) && isHex(bytes[index + 2]) {
            return true
        }
        return false
    }
}
