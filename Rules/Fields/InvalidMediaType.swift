import HTTPLintCore

/// Content-Type must be `type/subtype` with parameters.
struct InvalidMediaType: Rule {
    static let description = RuleDescription(
        id: "invalid-media-type",
        severity: .error,
        category: .fields,
        summary: "Content-Type that is not `type/subtype` with `;name=value` parameters",
        rationale: """
            RFC 9110 §8.3.1 and §5.6.6: `media-type = type "/" subtype parameters`, where type \
            and subtype are tokens and each parameter is `OWS ";" OWS name "=" value` with a \
            token or quoted-string value. A malformed Content-Type makes clients fall back to \
            sniffing the content, which is how some cross-site scripting works.
            """,
        fix: "Send a media type such as `Content-Type: text/html; charset=utf-8`",
        spec: [.rfc9110("8.3.1"), .rfc9110("5.6.6")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Type: html\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Type: text/html; charset\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Type: text/html;; charset=utf-8 x\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Type: text/html;charset=utf-8\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Type: multipart/form-data; boundary=\"a b\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Type: application/vnd.api+json ; charset=UTF-8\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Type: multipart/mixed; boundary=\"a;b\"\nContent-Length: 0\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        for field in response.fields.named(.contentType) {
            if let problem = Self.problem(in: field.valueUTF8Slice) {
                report.add("Content-Type '\(Printable.escape(field.value))' is not a media type: \(problem)",
                           at: field.valueSpan, status: response.status)
            }
        }
    }

    /// Why `bytes` are not `type "/" subtype *( OWS ";" OWS [ parameter ] )`, or nil.
    static func problem(in bytes: ArraySlice<UInt8>) -> String? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        func skipOWS() { while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }
        /// The token at the cursor (its text is made only for a message), or nil.
        func token() -> Range<Int>? {
            let start = index
            while index < end, bytes[index].isHTTPTokenCharacter { index += 1 }
            return index > start ? start..<index : nil
        }
        skipOWS()
        guard token() != nil, index < end, bytes[index] == 0x2F else { return "it does not start with type/subtype" }
        index += 1
        guard token() != nil else { return "there is no subtype after '/'" }
        while true {
            skipOWS()
            if index == end { return nil }
            guard bytes[index] == 0x3B else { return "unexpected '\(Character(Unicode.Scalar(bytes[index])))' where ';' or the end should be" }
            index += 1
            skipOWS()
            if index == end || bytes[index] == 0x3B { continue }
            guard let nameRange = token() else { return "a parameter name is not a token" }
            var name: String { String(decoding: bytes[nameRange], as: UTF8.self) }
            guard index < end, bytes[index] == 0x3D else { return "parameter '\(name)' has no '=value'" }
            index += 1
            if index < end, bytes[index] == 0x22 {
                index += 1
                var closed = false
                while index < end {
                    if bytes[index] == 0x5C { index += 2; continue }
                    if bytes[index] == 0x22 { closed = true; index += 1; break }
                    index += 1
                }
                guard closed else { return "parameter '\(name)' has an unterminated quoted value" }
            } else if token() == nil {
                return "parameter '\(name)' has no value, or one that is neither a token nor a quoted string"
            }
        }
    }
}
