import HTTPLintCore

/// An invalid request line the server corrected and processed instead of refusing it.
struct InvalidRequestLineAccepted: Rule {
    static let description = RuleDescription(
        id: "invalid-request-line-accepted",
        severity: .warning,
        category: .requests,
        summary: "Invalid request line processed instead of answered with 400 or a 301 to the encoded target",
        rationale: """
            RFC 9112 §3.2: "Recipients of an invalid request-line SHOULD respond with either a \
            400 (Bad Request) error or a 301 (Moved Permanently) redirect with the \
            request-target properly encoded. A recipient SHOULD NOT attempt to autocorrect and \
            then process the request without a redirect, since the invalid request-line might \
            be deliberately crafted to bypass security filters along the request chain." The \
            request lines judged here: whitespace inside the target ("No whitespace is allowed \
            in the request-target"), no target, a method that is not a token (RFC 9110 §9.1), \
            a version that is not `HTTP/` DIGIT `.` DIGIT (RFC 9112 §2.3), and a line with no \
            version at all. A 2xx, a redirect other than 301, or a 401, 403, 404 or 405 shows \
            the server read a target out of the line and processed the request. A line with no \
            version is the HTTP/0.9 form, which an HTTP/1.1 server need not support (RFC 9112 \
            Appendix C.1: "Most requests that appear to be HTTP/0.9 are, in fact, badly \
            constructed HTTP/1.x requests"); an HTTP/0.9 answer has no status line and is not \
            judged, but an HTTP/1.x status line shows the line was read as a corrected HTTP/1.x \
            request. Not reported: extra spaces or tabs between the parts, or around the line, \
            which §3 lets a recipient parse leniently ("recipients MAY instead parse on \
            whitespace-delimited word boundaries"); a 505 to a malformed version, which refuses \
            the request and names the part at fault; and refusals about size or time (408, \
            413, 414, 431) or from a server error (5xx). An answer without a status line \
            (content only) to a line that has a version, but a malformed one, or to bytes that \
            are no request line at all (a TLS handshake) is reported: it is neither 400 nor \
            301, and no HTTP/1.x client can read it.
            """,
        fix: "Answer invalid request lines with 400 Bad Request (or a 301 to the properly encoded target) before routing them",
        spec: [.rfc9112("3.2"), .rfc9112("3"), .rfc9112("2.3"), .rfc9110("9.1"), .rfc9112("C.1")],
        needsRequest: true,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET /a b HTTP/1.1\nHost: a.example\n\n", line: 1),
            Example("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n", request: "G(T / HTTP/1.1\nHost: a.example\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / http/1.1\nHost: a.example\n\n", line: 1),
            Example("HTTP/1.1 302 Found\nLocation: /login\nContent-Length: 0\n\n", request: "GET / HTTP/1\nHost: a.example\n\n", line: 1),
            Example.rawRequest("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET /x\r\n", line: 1),
            Example.rawRequest("HTTP/1.1 403 Forbidden\nContent-Length: 0\n\n", request: "GET /a\tb HTTP/1.1\r\nHost: a.example\r\n\r\n", line: 1),
            Example.raw("<html><h1>Bad request version ('http/1.1')</h1></html>", request: "GET / http/1.1\nHost: a.example\n\n", line: 1),
            Example.raw("<html>Bad request</html>", request: "\u{16}\u{03}\u{01}\u{00}\u{05}\u{01}\u{00}\n\n", line: 1),
        ],
        nonTriggering: [
            Example("HTTP/1.1 400 Bad Request\nContent-Length: 0\n\n", request: "GET /a b HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 301 Moved Permanently\nLocation: /a%20b\nContent-Length: 0\n\n",
                    request: "GET /a b HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 505 HTTP Version Not Supported\nContent-Length: 0\n\n", request: "GET / HTTP/1\nHost: a.example\n\n"),
            Example.rawRequest("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET  /  HTTP/1.1\r\nHost: a.example\r\n\r\n"),
            Example.rawRequest("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET\t/\tHTTP/1.1\r\nHost: a.example\r\n\r\n"),
            Example("HTTP/1.1 200 OK\nContent-Length: 0\n\n", request: "GET / HTTP/1.1\nHost: a.example\n\n"),
            Example("HTTP/1.1 501 Not Implemented\nContent-Length: 0\n\n", request: "BREW / HTTP/1.1\nHost: a.example\n\n"),
            Example.rawRequest("<html>hello</html>", request: "GET /x\r\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let request = exchange.request else { return }
        // An answer without a status line to a line that is invalid, not merely versionless:
        // neither 400 nor 301, nor an answer an HTTP/1.x client can read.
        if response.status == nil, exchange.deviations.contains(where: { $0.kind == .http09Response }),
           !request.has(.http09RequestLine), let (what, span) = Self.invalidity(of: request) {
            let line = request.hasRequestLine ? "request line '\(Printable.escape(String(request.source.string(request.lineSpan).prefix(80))))'"
                : "bytes that are no request line"
            report.add("the server answers the invalid \(line) (\(what)) with content and no status line, the HTTP/0.9 form, not with 400",
                       at: response.statusAnchor, status: nil, request: span)
            return
        }
        guard let status = response.status, request.hasRequestLine,
              Self.showsProcessing(status), let (what, span) = Self.invalidity(of: request) else { return }
        if status == 505, request.has(.malformedRequestVersion) { return }
        let line = Printable.escape(String(request.source.string(request.lineSpan).prefix(80)))
        report.add("\(response.statusText) answers the invalid request line '\(line)' (\(what)): the server should refuse it with 400, or redirect with 301 to the properly encoded target, not correct and process it",
                   about: response, request: span)
    }

    /// Whether `status` shows the request was routed or acted on, rather than refused.
    static func showsProcessing(_ status: Int) -> Bool {
        switch status {
        case 200..<300: true
        case 300..<400: status != 301
        case 401, 403, 404, 405, 406, 409, 410, 412, 415, 416, 422: true
        default: false
        }
    }

    /// What makes the request line invalid, and where; `nil` when it is valid or only spaced
    /// in a way §3 lets a recipient read leniently.
    static func invalidity(of request: Request) -> (String, ByteSpan)? {
        if let deviation = request.deviation(.notHTTPRequest) {
            return ("not an HTTP request at all", deviation.span)
        }
        if let deviation = request.deviation(.invalidMethod) {
            return ("the method '\(Printable.escape(request.method))' is not a token", deviation.span)
        }
        if request.has(.http09RequestLine) {
            return ("it has no HTTP version", request.lineSpan)
        }
        if let deviation = request.deviation(.malformedRequestVersion) {
            return ("the version '\(Printable.escape(request.source.string(request.versionSpan)))' is not HTTP/DIGIT.DIGIT", deviation.span)
        }
        if request.has(.requestLineWhitespace) {
            if request.target.isEmpty { return ("it has no target", request.lineSpan) }
            if request.target.contains(where: { $0 == " " || $0 == "\t" }) {
                return ("the target holds whitespace", request.targetSpan)
            }
        }
        return nil
    }
}
