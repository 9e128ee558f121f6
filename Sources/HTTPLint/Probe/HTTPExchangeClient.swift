#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HTTPLintCore

/// A plain-HTTP/1.1 client that sends request bytes exactly as given and keeps every byte the
/// server sends back, reading until the linter's own framing says the responses are complete
/// (HEAD, 1xx, 204 and 304, chunked and close-delimited content are read as the parser reads
/// them), the server closes, or a timeout passes. It never follows redirects and speaks no TLS.
///
/// ```swift
/// let client = HTTPExchangeClient()
/// let endpoint = try HTTPEndpoint("http://127.0.0.1:8080/orders/1")
/// let recorded = try client.exchange(Array("GET /orders/1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n".utf8), with: endpoint)
/// print(String(decoding: recorded.response, as: UTF8.self))
/// ```
public struct HTTPExchangeClient: Sendable {
    /// Timeouts and bounds.
    public struct Options: Sendable {
        /// Seconds to wait for the connection.
        public var connectTimeout: Double
        /// Seconds of silence after which reading stops (the exchange is then marked as timed out).
        public var readTimeout: Double
        /// Seconds to wait for `100 Continue` before sending the content of a request with
        /// `Expect: 100-continue` (RFC 9110 §10.1.1: a client need not wait forever).
        public var continueTimeout: Double
        /// Most bytes read; the rest is not read.
        public var maxResponseSize: Int

        public init(connectTimeout: Double = 5, readTimeout: Double = 5, continueTimeout: Double = 1,
                    maxResponseSize: Int = ParserLimits.default.maxInputSize) {
            self.connectTimeout = connectTimeout
            self.readTimeout = readTimeout
            self.continueTimeout = continueTimeout
            self.maxResponseSize = maxResponseSize
        }
    }

    /// What went over one connection.
    public struct Recorded: Sendable {
        /// The bytes sent, exactly (without the content of an `Expect: 100-continue` request
        /// when the server answered before it was sent).
        public var request: [UInt8]
        /// Every byte received, exactly.
        public var response: [UInt8]
        /// Whether the server closed the connection (rather than reading stopping when the
        /// responses were complete or a timeout passed).
        public var closedByServer: Bool
        /// Whether reading stopped because the server was silent for the read timeout before
        /// the responses were complete.
        public var timedOut: Bool
        /// Whether the content of an `Expect: 100-continue` request was withheld because the
        /// server answered with a final status first.
        public var contentWithheld: Bool
    }

    /// Why an exchange could not happen at all.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Sends `request` (one request, or several pipelined) on a new connection to `endpoint`
    /// and reads the answers.
    ///
    /// - Parameter expectedResponses: how many final responses complete the exchange; by
    ///   default, one per request that `request` holds.
    /// - Throws: ``Failure`` when no connection could be made or the request could not be sent.
    public func exchange(_ request: [UInt8], with endpoint: HTTPEndpoint, expectedResponses: Int? = nil) throws(Failure) -> Recorded {
        let requests = RequestParser.parse(SourceText(name: "request", bytes: request))
        let expected = expectedResponses ?? requests.count
        let socket = try Connection(endpoint: endpoint, timeout: options.connectTimeout)
        defer { socket.close() }
        var recorded = Recorded(request: [], response: [], closedByServer: false, timedOut: false, contentWithheld: false)

        // Expect: 100-continue with content: the head first, the content after a 100 or a pause.
        if let only = requests.first, requests.count == 1, only.contentSpan.length > 0,
           only.fields.named("Expect").contains(where: { $0.value.lowercased() == "100-continue" }) {
            let head = Array(request[..<only.contentSpan.offset])
            try socket.send(head)
            recorded.request = head
            let waited = socket.read(into: &recorded.response, timeout: options.continueTimeout, limit: options.maxResponseSize)
            if waited == .closed { recorded.closedByServer = true; return recorded }
            let early = ResponseParser.parse(SourceText(name: "response", bytes: recorded.response), requests: requests)
            if early.contains(where: { $0.response.status.map { $0 >= 200 } ?? false }) {
                recorded.contentWithheld = true
            } else {
                let content = Array(request[only.contentSpan.offset...])
                try socket.send(content)
                recorded.request += content
            }
        } else {
            try socket.send(request)
            recorded.request = request
        }
        // The answers are parsed again only when the socket has been drained or they have doubled
        // since the last look, so that a large answer read in many pieces is parsed a bounded
        // number of times, not once per piece.
        var checkedAt = -1
        while true {
            let size = recorded.response.count
            if size != checkedAt, size >= 2 * max(checkedAt, 0) || !socket.hasPendingData {
                if isComplete(recorded.response, requests: requests, expected: expected) { break }
                checkedAt = size
            }
            switch socket.read(into: &recorded.response, timeout: options.readTimeout, limit: options.maxResponseSize) {
            case .data: continue
            case .closed: recorded.closedByServer = true
            case .timedOut: recorded.timedOut = !isComplete(recorded.response, requests: requests, expected: expected)
            case .full: break
            }
            break
        }
        return recorded
    }

    /// Whether `bytes` hold `expected` final responses, the last one complete by its framing
    /// (close-delimited content is complete only when the server closes).
    func isComplete(_ bytes: [UInt8], requests: [Request], expected: Int) -> Bool {
        guard !bytes.isEmpty else { return false }
        let exchanges = ResponseParser.parse(SourceText(name: "response", bytes: bytes), requests: requests)
        let finals = exchanges.filter { $0.response.status != nil && !$0.deviations.contains { $0.kind == .missingFinalResponse } }
        guard finals.count >= expected, let last = exchanges.last else { return false }
        if last.response.content.framing == .tunnel { return true }
        let incomplete: Set<Deviation.Kind> = [.truncatedContent, .truncatedHeaderSection, .missingFinalResponse]
        return !last.deviations.contains { incomplete.contains($0.kind) } && last.response.content.framing != .closeDelimited
    }
}

/// Where a plain-HTTP server listens, read from an `http://` URL.
///
/// ```swift
/// let endpoint = try HTTPEndpoint("http://localhost:8080/a?b=1")
/// endpoint.host        // "localhost"
/// endpoint.port        // 8080
/// endpoint.target      // "/a?b=1"
/// endpoint.authority   // "localhost:8080" (the Host value)
/// ```
public struct HTTPEndpoint: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int
    /// The origin-form request-target: path and query.
    public let target: String

    /// Reads `url`; only `http://` URLs are accepted.
    public init(_ url: String) throws(HTTPExchangeClient.Failure) {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") {
            throw .init(description: """
                '\(url)' is an https:// URL: httplint speaks plain HTTP only (TLS would need a package dependency). \
                Capture the server's answer and lint the file instead: curl --http1.1 -sS --raw -i '\(url)' > r.http && httplint r.http
                """)
        }
        guard lower.hasPrefix("http://") else {
            throw .init(description: "'\(url)' is not an http:// URL (such as http://127.0.0.1:8080/)")
        }
        let rest = url.dropFirst(7)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var path = String(rest.dropFirst(authority.count).prefix { $0 != "#" })
        if path.isEmpty { path = "/" } else if path.hasPrefix("?") { path = "/" + path }
        let hostPort = authority.split(separator: "@").last.map(String.init) ?? ""
        var host = hostPort
        var port = 80
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw .init(description: "'\(url)' has an unclosed IPv6 literal") }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") {
                guard let number = Int(after.dropFirst()), (1...65535).contains(number) else {
                    throw .init(description: "'\(url)' has an invalid port")
                }
                port = number
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            guard let number = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(number) else {
                throw .init(description: "'\(url)' has an invalid port")
            }
            port = number
        }
        guard !host.isEmpty, !path.contains(" ") else { throw .init(description: "'\(url)' has no host, or a space in it") }
        self.host = host
        self.port = port
        self.target = path
    }

    /// The Host field's value: host, with the port unless it is 80.
    public var authority: String {
        let literal = host.contains(":") ? "[\(host)]" : host
        return port == 80 ? literal : "\(literal):\(port)"
    }

    public var description: String { "http://\(authority)\(target)" }
}

/// One TCP connection with timeouts, on a non-blocking socket.
private final class Connection {
    private var descriptor: Int32

    enum ReadOutcome { case data, closed, timedOut, full }

    init(endpoint: HTTPEndpoint, timeout: Double) throws(HTTPExchangeClient.Failure) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
        hints.ai_socktype = SOCK_STREAM
        #else
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list)
        guard status == 0, let first = list else {
            throw .init(description: "cannot resolve '\(endpoint.host)': \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard fd >= 0 else { lastError = Self.errorText(); continue }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            #endif
            if connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 || errno == EINPROGRESS {
                var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                let ready = poll(&poller, 1, Int32(timeout * 1000))
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                if ready == 1, getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0, error == 0 {
                    descriptor = fd
                    return
                }
                lastError = ready == 0 ? "timed out after \(timeout) s" : String(cString: strerror(error == 0 ? errno : error))
            } else {
                lastError = Self.errorText()
            }
            _ = Glibc_close(fd)
        }
        throw .init(description: "cannot connect to \(endpoint.authority): \(lastError)")
    }

    static func errorText() -> String { String(cString: strerror(errno)) }

    func send(_ bytes: [UInt8]) throws(HTTPExchangeClient.Failure) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                #if canImport(Darwin)
                Darwin.send(descriptor, buffer.baseAddress! + sent, buffer.count - sent, 0)
                #else
                Glibc.send(descriptor, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                #endif
            }
            if count > 0 { sent += count; continue }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                if poll(&poller, 1, 5000) <= 0 { throw .init(description: "the server stopped reading the request after \(sent) of \(bytes.count) bytes") }
                continue
            }
            throw .init(description: "sending the request failed after \(sent) of \(bytes.count) bytes: \(Self.errorText())")
        }
    }

    /// Whether bytes are waiting to be read now.
    var hasPendingData: Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) > 0
    }

    /// Reads what is there, waiting up to `timeout` seconds for the first byte.
    func read(into bytes: inout [UInt8], timeout: Double, limit: Int) -> ReadOutcome {
        guard bytes.count < limit else { return .full }
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, Int32(max(0, timeout) * 1000))
        if ready == 0 { return .timedOut }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, min($0.count, limit - bytes.count), 0) }
        if count > 0 {
            bytes += chunk[..<count]
            return .data
        }
        if count < 0, errno == EAGAIN || errno == EINTR { return .data }
        return .closed
    }

    func close() {
        if descriptor >= 0 { _ = Glibc_close(descriptor) }
        descriptor = -1
    }
}

/// `close(2)`, named apart from the connection's own `close()`.
private func Glibc_close(_ fd: Int32) -> Int32 {
    #if canImport(Darwin)
    Darwin.close(fd)
    #else
    Glibc.close(fd)
    #endif
}
