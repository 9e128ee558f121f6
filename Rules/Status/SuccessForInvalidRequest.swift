import HTTPLintCore

/// Requests the server was required to reject, answered with success.
struct SuccessForInvalidRequest: Rule {
    static let description = RuleDescription(
        id: "success-for-invalid-request",
        severity: .error,
        category: .status,
        summary: "2xx or 3xx answering a request the server must reject",
        rationale: """
            RFC 9112 §3.2: "A server MUST respond with a 400 (Bad Request) status code to any \
            HTTP/1.1 request message that lacks a Host header field and to any request message \
            that contains more than one Host header field line or a Host header field with an \
            invalid field value." RFC 9112 §5.1: a server "MUST reject, with a response status \
            code of 400 (Bad Request), any received request message that contains whitespace \
            between a header field name and colon." RFC 9112 §6.1: a request with a transfer \
            coding the server does not understand gets 501. RFC 9112 §6.3: a request "without \
            Transfer-Encoding and with an invalid Content-Length" (conflicting values included) \
            gets 400, and §6.1: an HTTP/1.0 message with Transfer-Encoding has faulty framing. \
            Accepting such requests is how \
            request smuggling and cache poisoning through a front end begin.
            """,
        fix: "Reject such requests with 400 (or 501 for an unknown transfer coding)",
        spec: [.rfc9112("3.2"), .rfc9112("5.1"), .rfc9112("6.1")],
        fields: ["Host", "Content-Length", "Transfer-Encoding"],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: a.example\nHost: b.example\n\n", line: 1),
            Example("HTTP/1.1 302 Found\nLocation: /\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: a b.example\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: example.com\nX-Id : 1\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nTransfer-Encoding: xchunked\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nContent-Length: 5\nContent-Length: 6\n\nhello!", line: 1),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.0\nTransfer-Encoding: chunked\n\n0\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: example.com:8080\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: [::1]:80\n\n"),
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n",
                    request: "POST / HTTP/1.1\nHost: example.com\nContent-Length: 5\n\nhello"),
        ]
    )

    /// The IANA HTTP Transfer Coding Registry.
    static let knownCodings: Set<String> = ["chunked", "compress", "deflate", "gzip", "trailers", "x-compress", "x-gzip"]

    static func problems(of request: Request) -> [String] {
        var problems: [String] = []
        let hosts = request.fields.named(.host)
        if hosts.isEmpty, let version = request.version, version >= .http11 {
            problems.append("the HTTP/1.1 request has no Host field")
        } else if hosts.count > 1 {
            problems.append("the request has \(hosts.count) Host fields")
        } else if let host = hosts.first, !isValidHost(host.value) {
            problems.append("the request's Host '\(Printable.escape(host.value))' is not a valid host")
        }
        if request.deviations.contains(where: { $0.kind == .whitespaceBeforeColon }) {
            problems.append("the request has whitespace between a field name and its colon")
        }
        let hasTransferEncoding = request.fields.contains(.transferEncoding)
        if !hasTransferEncoding, request.deviations.contains(where: { $0.kind == .invalidContentLength || $0.kind == .conflictingContentLength }) {
            problems.append("the request's Content-Length is invalid or conflicting, so its framing is unrecoverable")
        }
        if hasTransferEncoding, request.version == .http10 {
            problems.append("the HTTP/1.0 request has Transfer-Encoding, so its framing is faulty")
        }
        for coding in request.fields.listElements(named: .transferEncoding) {
            let name = coding.split(separator: ";").first.map { $0.trimmingWhitespace().asciiLowercased() } ?? ""
            if !knownCodings.contains(name) { problems.append("the request uses transfer coding '\(coding)', which is not registered") }
        }
        return problems
    }

    /// Host = uri-host [ ":" port ]   (RFC 9110 §7.2, RFC 3986 §3.2.2); empty is allowed.
    static func isValidHost(_ value: String) -> Bool {
        var host = Substring(value)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            let literal = host[host.index(after: host.startIndex)..<close]
            guard !literal.isEmpty, literal.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." || $0.isLetter }) else { return false }
            host = host[host.index(after: close)...]
            return host.isEmpty || (host.first == ":" && host.dropFirst().allSatisfy(\.isASCIIDigitCharacter))
        }
        if let colon = host.lastIndex(of: ":") {
            guard host[host.index(after: colon)...].allSatisfy(\.isASCIIDigitCharacter) else { return false }
            host = host[..<colon]
        }
        return host.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "-._~%!$&'()*+,;=".unicodeScalars.contains(scalar))
        }
    }

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, (200..<400).contains(status), let request = exchange.request else { return }
        for problem in Self.problems(of: request) {
            report.add("\(response.statusText) accepts a request it must reject: \(problem)", about: response)
        }
    }
}
