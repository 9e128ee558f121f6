import HTTPLintCore

extension Request {
    /// Whether the request's head announces content (RFC 9112 §6.3): a Transfer-Encoding
    /// field, or a Content-Length other than 0. `nil` when a Content-Length value is not a
    /// number, so that rules judging the request's content stay silent. Read from the head
    /// alone: a request with `Expect: 100-continue` announces content it may not have sent yet.
    var announcesContent: Bool? {
        if fields.contains("Transfer-Encoding") { return true }
        var announces = false
        for value in fields.listElements(named: "Content-Length") {
            guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            if value.utf8.contains(where: { $0 != UInt8(ascii: "0") }) { announces = true }
        }
        return announces
    }

    /// The request's precondition fields of RFC 9110 §13.1 that are present, in that order.
    var preconditionFields: [String] {
        ["If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range"].filter(fields.contains)
    }
}
