import HTTPLintCore

/// Server must be product tokens and comments separated by whitespace.
struct InvalidServer: Rule {
    static let description = RuleDescription(
        id: "invalid-server",
        severity: .warning,
        category: .fields,
        summary: "Server that is not product tokens (`name/version`) and comments separated by spaces",
        rationale: """
            RFC 9110 §10.2.4: `Server = product *( RWS ( product / comment ) )`, with `product = \
            token [ "/" product-version ]` (§10.1.5) and comments in parentheses (§5.6.5); a \
            sender must not generate values outside the grammar (§2.2). Values such as \
            `Jetty(9.4.z)` (no space before the comment) or `Zope/(2.13)` are outside it. \
            Clients only log the field or match product names in it, so a bad value is a \
            warning: tools that split it into products read it wrongly.
            """,
        fix: "Write products as `name/version`, each comment after a space: `Server: Jetty/9.4.44 (Linux)`",
        spec: [.rfc9110("10.2.4"), .rfc9110("10.1.5"), .rfc9110("5.6.5"), .rfc9110("2.2")],
        fields: ["Server"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nServer: Jetty(9.4.44.v20210927)\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nServer: (Debian)\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nServer: Apache/2.4 (Unix\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nServer: My Server, v2\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nServer: Apache/2.4.71 (Debian) OpenSSL/3.0.13\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nServer: CERN/3.0 libwww/2.17\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nServer: ECS (dcb/7F5E) (nested (comment) \\) ok)\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nServer: Google Frontend\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            for field in response.fields.named(.server) {
                // The usual value (products and plain comments, one space apart) is read in
                // place; anything else goes through the scanner, which says what is wrong.
                guard !Self.isPlainlyValid(field.valueUTF8Slice), let problem = Self.problem(in: field.valueUTF8) else { continue }
                report.add("Server '\(Printable.escape(field.value))' is invalid: \(problem)", at: field.valueSpan, status: response.status)
            }
        }
    }

    /// Whether `bytes` are products and comments that ``problem(in:)`` accepts, judged without
    /// a copy: `product *( RWS ( product / comment ) )` with comments that hold no parenthesis,
    /// backslash or byte outside VCHAR, SP and HTAB. `false` says nothing (the scanner judges).
    static func isPlainlyValid(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        let end = bytes.endIndex
        var isFirst = true
        while index < end {
            if !isFirst {
                let before = index
                while index < end, bytes[index].isHTTPWhitespace { index += 1 }
                guard index > before else { return false }
                if index == end { return true }
            }
            if bytes[index] == 0x28 {
                guard !isFirst else { return false }
                index += 1
                while index < end, bytes[index] == 0x09 || (bytes[index] >= 0x20 && bytes[index] <= 0x7E
                    && bytes[index] != 0x28 && bytes[index] != 0x29 && bytes[index] != 0x5C) { index += 1 }
                guard index < end, bytes[index] == 0x29 else { return false }
                index += 1
            } else {
                let start = index
                while index < end, bytes[index].isHTTPTokenCharacter { index += 1 }
                guard index > start else { return false }
                if index < end, bytes[index] == 0x2F {
                    index += 1
                    let version = index
                    while index < end, bytes[index].isHTTPTokenCharacter { index += 1 }
                    guard index > version else { return false }
                }
            }
            isFirst = false
        }
        return !isFirst
    }

    /// Why the value (its UTF-8 bytes, ``Field/valueUTF8``) is not `product *( RWS ( product / comment ) )`, or `nil`.
    static func problem(in bytes: [UInt8]) -> String? {
        var scanner = ParameterScanner(bytes)
        var isFirst = true
        while !scanner.isAtEnd {
            if !isFirst {
                let before = scanner.index
                scanner.skipWhitespace()
                if scanner.isAtEnd { return nil }
                guard scanner.index > before else {
                    if scanner.peek == 0x28 { return "the comment at character \(scanner.index + 1) must be preceded by a space" }
                    return "\(scanner.found) at character \(scanner.index + 1) is not allowed after a product or comment"
                }
            }
            if scanner.peek == 0x28 {
                guard !isFirst else { return "it starts with a comment; the first element must be a product token" }
                guard scanner.comment() else { return "the comment at character \(scanner.index + 1) is not closed, or holds a control character" }
            } else {
                guard scanner.skipToken() else {
                    return "\(scanner.found) at character \(scanner.index + 1) is neither part of a product token nor the start of a comment"
                }
                if scanner.peek == 0x2F {
                    scanner.index += 1
                    guard scanner.skipToken() else {
                        return "the product version after '/' at character \(scanner.index) is not a token"
                    }
                }
            }
            isFirst = false
        }
        return isFirst ? "it is empty; it needs at least one product token" : nil
    }
}
