import Foundation
import HTTPLint
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A response to lint in a test, from whatever the test has at hand.
///
/// ```swift
/// let fromText: LintableResponse = "HTTP/1.1 204 No Content\r\n\r\n"
/// let fromParts = LintableResponse(status: 405, fields: [("Allow", "GET")], body: [])
/// ```
///
/// Raw bytes are linted exactly. A response built from parts is written out as HTTP/1.1
/// with CRLF line endings, so line-ending and other syntax rules cannot fire; everything
/// else is checked. A Foundation `HTTPURLResponse` is lossy, see
/// ``init(_:body:)``.
public struct LintableResponse: Sendable, ExpressibleByStringLiteral {
    /// The bytes handed to the linter.
    public let bytes: [UInt8]
    /// Whether the bytes were rebuilt from a decoded response, so that framing (Content-Length,
    /// chunked) and the content's coding cannot be judged and their rules are left out.
    public let isLossy: Bool

    /// Raw response bytes, one response or a stream of them, linted byte for byte.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.isLossy = false
    }

    /// Raw response text, linted byte for byte (write `\r\n` line endings: a bare `\n` is a finding).
    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    /// Raw response bytes from `Data`.
    public init(data: Data) {
        self.init(bytes: Array(data))
    }

    /// A response built from its parts, as a server framework hands them to a test.
    ///
    /// - Parameters:
    ///   - status: the status code.
    ///   - reason: the reason phrase; the registered one when `nil`.
    ///   - version: the protocol version of the status line.
    ///   - fields: header fields in order, duplicates allowed.
    ///   - body: the content exactly as sent (already chunked if Transfer-Encoding says so).
    public init(status: Int, reason: String? = nil, version: HTTPVersion = .http11,
                fields: [(name: String, value: String)], body: [UInt8] = []) {
        self.init(status: status, reason: reason, version: version, fields: fields, body: body, isLossy: false)
    }

    init(status: Int, reason: String?, version: HTTPVersion, fields: [(name: String, value: String)], body: [UInt8], isLossy: Bool) {
        let phrase = reason ?? StatusCode.lookup(status)?.registration?.phrase ?? ""
        var head = "\(version) \(status) \(phrase)\r\n"
        for (name, value) in fields { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        self.bytes = Array(head.utf8) + body
        self.isLossy = isLossy
    }

    #if canImport(FoundationNetworking) || canImport(Darwin)
    /// A Foundation response and its body, as URLSession returns them. **Lossy**: the status
    /// line is rebuilt as HTTP/1.1 with the registered reason phrase, field order and
    /// duplicates are lost, and the body is already decoded (Content-Length may describe the
    /// encoded one), so framing and content-coding rules are left out and line-level syntax
    /// cannot be checked.
    public init(_ response: HTTPURLResponse, body: Data? = nil) {
        let fields = response.allHeaderFields.compactMap { key, value -> (name: String, value: String)? in
            guard let name = key as? String else { return nil }
            return (name, "\(value)")
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        self.init(status: response.statusCode, reason: nil, version: .http11, fields: fields,
                  body: body.map(Array.init) ?? [], isLossy: true)
    }
    #endif
}

/// The request a response answers, for the rules that need it (HEAD and CONNECT framing,
/// 1xx to HTTP/1.0, 304 without a condition, and more).
///
/// ```swift
/// let request = RequestContext(method: "HEAD", target: "/", fields: [("Host", "example.com")])
/// ```
public struct RequestContext: Sendable {
    public var method: String
    public var target: String
    public var version: HTTPVersion
    public var fields: [(name: String, value: String)]

    public init(method: String = "GET", target: String = "/", version: HTTPVersion = .http11,
                fields: [(name: String, value: String)] = [("Host", "example.com")]) {
        self.method = method
        self.target = target
        self.version = version
        self.fields = fields
    }

    /// The request head as bytes.
    var bytes: [UInt8] {
        var head = "\(method) \(target) \(version)\r\n"
        for (name, value) in fields { head += "\(name): \(value)\r\n" }
        return Array((head + "\r\n").utf8)
    }
}
