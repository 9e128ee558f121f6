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
public struct LintableResponse: Sendable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
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

    /// Raw response text built with interpolation: `"HTTP/1.1 200 OK\r\nContent-Length: \(body.count)\r\n\r\n"`.
    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
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
    /// duplicates are lost, and the body is already decoded, so Content-Encoding,
    /// Transfer-Encoding and Content-Length (which describe the bytes as sent) are left out,
    /// framing rules do not run and line-level syntax cannot be checked; the content rules
    /// (the JSON check) judge the decoded body.
    public init(_ response: HTTPURLResponse, body: Data? = nil) {
        let describesBytesAsSent: Set<String> = ["content-encoding", "transfer-encoding", "content-length"]
        let fields = response.allHeaderFields.compactMap { key, value -> (name: String, value: String)? in
            guard let name = key as? String, !describesBytesAsSent.contains(name.lowercased()) else { return nil }
            return (name, "\(value)")
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        self.init(status: response.statusCode, reason: nil, version: .http11, fields: fields,
                  body: body.map(Array.init) ?? [], isLossy: true)
    }
    #endif
}

/// The request a response answers, for the rules that need it (HEAD and CONNECT framing,
/// 1xx to HTTP/1.0, 304 without a condition, preconditions, ranges, and more).
///
/// A Host field is sent unless `host` is `nil` or `fields` has one of its own, so that adding
/// fields never drops it. Methods are case-sensitive (RFC 9110 §9.1): `"head"` is not HEAD,
/// and the report warns when a method differs from a common one only in case.
///
/// ```swift
/// let request = RequestContext(method: .head, target: "/", fields: [("If-None-Match", "\"v1\"")])
/// // HEAD / HTTP/1.1, Host: example.com, If-None-Match: "v1"
/// ```
public struct RequestContext: Sendable {
    public var method: Method
    public var target: String
    public var version: HTTPVersion
    /// The Host value sent before `fields`; `nil` sends none (to test how a server answers a
    /// request without Host).
    public var host: String?
    public var fields: [(name: String, value: String)]

    public init(method: Method = .get, target: String = "/", version: HTTPVersion = .http11,
                host: String? = "example.com", fields: [(name: String, value: String)] = []) {
        self.method = method
        self.target = target
        self.version = version
        self.host = host
        self.fields = fields
    }

    /// A request method, written as the token sent (`"GET"`, or a constant such as `.get`).
    public struct Method: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        public static let get: Self = "GET"
        public static let head: Self = "HEAD"
        public static let post: Self = "POST"
        public static let put: Self = "PUT"
        public static let delete: Self = "DELETE"
        public static let patch: Self = "PATCH"
        public static let options: Self = "OPTIONS"
        public static let trace: Self = "TRACE"
        public static let connect: Self = "CONNECT"

        static let common: [Self] = [.get, .head, .post, .put, .delete, .patch, .options, .trace, .connect]

        /// The common method this one equals but for case (`"head"` → HEAD), when it is not
        /// that method itself.
        var miscased: Self? {
            Self.common.first { $0.rawValue != rawValue && $0.rawValue == rawValue.uppercased() }
        }
    }

    /// The request head as the linter reads it: request line, Host, then `fields`.
    public var bytes: [UInt8] {
        var head = "\(method.rawValue) \(target) \(version)\r\n"
        if let host, !fields.contains(where: { $0.name.lowercased() == "host" }) { head += "Host: \(host)\r\n" }
        for (name, value) in fields { head += "\(name): \(value)\r\n" }
        return Array((head + "\r\n").utf8)
    }

    /// What the test author most likely did not mean, said in the report.
    var cautions: [String] {
        guard let intended = method.miscased else { return [] }
        return ["the request method '\(method)' is not \(intended): methods are case-sensitive (RFC 9110 §9.1), so the response is read and judged as answering an unknown method; write .\(intended.rawValue.lowercased()) to mean \(intended)"]
    }
}
