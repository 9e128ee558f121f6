// An example of the intended use: a server's handler builds a response (here a tiny
// Vapor-style type written by hand, so no framework is needed), and the test asserts that
// what the handler returns conforms to HTTP.
import HTTPLintTesting
import Testing

/// What a handler returns, as a server framework would model it.
struct HandlerResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// The response as httplint sees it on the wire.
    var lintable: LintableResponse { LintableResponse(status: status, fields: headers, body: body) }
}

/// The time the handler answers, as IMF-fixdate (fixed, for a repeatable example).
let now = "Sat, 21 Nov 2026 10:00:00 GMT"

/// A handler for `DELETE /orders/:id`, with a bug on the error path.
func deleteOrder(id: Int, authorized: Bool) -> HandlerResponse {
    guard authorized else {
        // Bug: a 401 must carry a WWW-Authenticate challenge.
        return HandlerResponse(status: 401, headers: [("Date", now), ("Content-Length", "0")], body: [])
    }
    guard id > 0 else {
        let body = Array(#"{"error":"no such order"}"#.utf8)
        return HandlerResponse(status: 404, headers: [("Date", now), ("Content-Type", "application/json"),
                                                      ("Content-Length", "\(body.count)")], body: body)
    }
    return HandlerResponse(status: 204, headers: [("Date", now)], body: [])
}

@Suite struct HandlerExampleTests {
    @Test func deletingAnOrderConforms() {
        expectConformingHTTPResponse(deleteOrder(id: 7, authorized: true).lintable)
    }

    @Test func unknownOrderConforms() {
        expectConformingHTTPResponse(deleteOrder(id: 0, authorized: true).lintable)
    }

    /// The error path is known to break RFC 9110 §15.5.2; this documents the bug until it is
    /// fixed, and fails once the handler sends a challenge (then drop `expecting`).
    @Test func unauthorizedPathIsMissingItsChallenge() {
        expectConformingHTTPResponse(deleteOrder(id: 7, authorized: false).lintable,
                                     options: .init(expecting: ["unauthorized-without-www-authenticate"]))
    }
}
