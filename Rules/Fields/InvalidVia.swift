import HTTPLintCore

/// Via members must be `protocol received-by [comment]`.
struct InvalidVia: Rule {
    static let description = RuleDescription(
        id: "invalid-via",
        severity: .error,
        category: .fields,
        summary: "Via member that is not `[protocol/]version received-by [(comment)]`",
        rationale: """
            RFC 9110 §7.6.3: `Via = #( received-protocol RWS received-by [ RWS comment ] )`, \
            `received-protocol = [ protocol-name "/" ] protocol-version`, `received-by = \
            pseudonym [ ":" port ]`. Each intermediary appends one member; recipients use the \
            list to detect loops and to learn what the chain supports (§7.6.3), which fails \
            when a member does not parse. A sender must not generate values outside the \
            grammar (§2.2). Commas inside a comment do not split members; an IP-literal such \
            as `[2001:db8::1]:8080` is accepted as the received-by.
            """,
        fix: "Write each hop as `1.1 proxy.example.net (Product/1.0)`, hops separated by commas",
        spec: [.rfc9110("7.6.3"), .rfc9110("5.6.5"), .rfc9110("2.2")],
        fields: ["Via"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nVia: varnish\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nVia: 1.1 cache.example(squid)\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nVia: 1.1 a.example (x) (y)\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nVia: 1.0 fred, 1.1 p.example.net\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nVia: 1.1 varnish (Varnish/7.1, with a comma), HTTP/2 cdn.example:443\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nVia: 1.1 [2001:db8::1]:8080, 2 edge\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            for field in response.fields.named(.via) {
                guard let problem = Self.problem(in: field.valueUTF8) else { continue }
                report.add("Via '\(Printable.escape(field.value))' is invalid: \(problem)", at: field.valueSpan, status: response.status)
            }
        }
    }

    /// Why the value (its UTF-8 bytes, ``Field/valueUTF8``) is not a Via list, or `nil`.
    static func problem(in bytes: [UInt8]) -> String? {
        var scanner = ParameterScanner(bytes)
        while true {
            scanner.skipWhitespace()
            if scanner.isAtEnd { return nil }
            if scanner.peek == 0x2C {
                scanner.index += 1
                continue
            }
            let start = scanner.index
            guard scanner.skipToken() else {
                return "\(scanner.found) at character \(start + 1) does not start a received protocol such as 1.1"
            }
            if scanner.peek == 0x2F {
                scanner.index += 1
                guard scanner.skipToken() else { return "the protocol version after '/' at character \(scanner.index) is not a token" }
            }
            let afterProtocol = scanner.index
            scanner.skipWhitespace()
            guard scanner.index > afterProtocol, !scanner.isAtEnd, scanner.peek != 0x2C else {
                return "the member at character \(start + 1) has no received-by (host or pseudonym) after its protocol"
            }
            if scanner.peek == 0x5B {
                guard let close = scanner.bytes[scanner.index...].firstIndex(of: 0x5D) else {
                    return "the IP-literal at character \(scanner.index + 1) has no closing ']'"
                }
                scanner.index = close + 1
            } else if !scanner.skipToken() {
                return "\(scanner.found) at character \(scanner.index + 1) does not start a received-by (host or pseudonym)"
            }
            if scanner.peek == 0x3A {
                scanner.index += 1
                while let byte = scanner.peek, byte >= 0x30 && byte <= 0x39 { scanner.index += 1 }
            }
            let afterReceivedBy = scanner.index
            scanner.skipWhitespace()
            if scanner.peek == 0x28 {
                guard scanner.index > afterReceivedBy else {
                    return "the comment at character \(scanner.index + 1) must be preceded by a space"
                }
                guard scanner.comment() else { return "the comment at character \(scanner.index + 1) is not closed, or holds a control character" }
                scanner.skipWhitespace()
            }
            guard scanner.isAtEnd || scanner.peek == 0x2C else {
                return "\(scanner.found) at character \(scanner.index + 1) is not allowed here; a member ends after received-by and one comment"
            }
        }
    }
}
