import HTTPLintCore

/// A response after one that announced the connection would close.
struct ResponseAfterConnectionClose: DeviationRule {
    static let deviation = Deviation.Kind.responseAfterConnectionClose
    static let description = RuleDescription(
        id: deviation.rawValue,
        severity: .error,
        category: .framing,
        summary: "Response sent after a response with `Connection: close`",
        rationale: """
            RFC 9112 §9.6: "A server that sends a "close" connection option MUST initiate \
            closure of the connection (see below) after it sends the response containing \
            "close". The server MUST NOT process any further requests received on that \
            connection." A client stops reading after such a response, so anything sent \
            later on the same connection is lost or, through a proxy, given to the wrong \
            client.
            """,
        fix: "Close the connection after a response with `Connection: close`, or drop `close` to keep it open",
        spec: [.rfc9112("9.6")],
        fields: ["Connection"],
        triggering: [
            Example("HTTP/1.1 204 No Content\nConnection: close\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n", line: 4),
            Example("HTTP/1.1 200 OK\nConnection: keep-alive, Close\nContent-Length: 2\n\nokHTTP/1.1 200 OK\nContent-Length: 0\n\n", line: 5),
        ],
        nonTriggering: [
            Example("HTTP/1.1 204 No Content\nConnection: keep-alive\n\nHTTP/1.1 200 OK\nConnection: close\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nConnection: close\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 204 No Content\nX-Note: Connection: close\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\n"),
        ]
    )
}
