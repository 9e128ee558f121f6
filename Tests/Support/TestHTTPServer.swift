#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A small HTTP/1.1 server on 127.0.0.1 for tests that probe a live server: it reads each
/// request (head and Content-Length content) and writes whatever bytes `handler` returns, so a
/// test can plant exactly the defect it wants found. Stopped by `stop()` or when released.
public final class TestHTTPServer: @unchecked Sendable {
    /// A request as the server read it.
    public struct Received: Sendable {
        public let method: String
        public let target: String
        public let version: String
        public let fields: [(name: String, value: String)]
        public let content: [UInt8]

        /// The first value of the field `name`, compared case-insensitively.
        public func field(_ name: String) -> String? {
            fields.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// What to send back, and whether to close the connection after it.
    public struct Reply: Sendable {
        public let bytes: [UInt8]
        public let close: Bool
        public init(_ text: String, close: Bool = false) { self.init(bytes: Array(text.utf8), close: close) }
        public init(bytes: [UInt8], close: Bool = false) {
            self.bytes = bytes
            self.close = close
        }
    }

    public let port: Int
    private let listener: Int32
    private let handler: @Sendable (Received) -> Reply
    private let lock = NSLock()
    private var stopped = false

    public init(handler: @escaping @Sendable (Received) -> Reply) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    /// Stops accepting; connections being served end at their next read. The listening socket
    /// is closed by the accepting thread when it leaves its loop: closed here, its descriptor
    /// could be given to another test's server while that thread still polls it.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop() {
        defer { close(listener) }
        while !isStopped {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            if isStopped {
                close(connection)
                return
            }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var buffer: [UInt8] = []
        while !isStopped {
            guard let request = nextRequest(connection, &buffer) else { return }
            let reply = handler(request)
            var sent = 0
            while sent < reply.bytes.count {
                let count = reply.bytes.withUnsafeBytes { send(connection, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
                guard count > 0 else { return }
                sent += count
            }
            if reply.close { return }
        }
    }

    /// Reads one request (head, and content by Content-Length); `nil` when the client is gone
    /// or silent for two seconds.
    private func nextRequest(_ connection: Int32, _ buffer: inout [UInt8]) -> Received? {
        func read() -> Bool {
            var poller = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 2000) > 0 else { return false }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return false }
            buffer += chunk[..<count]
            return true
        }
        var headEnd: Int?
        while headEnd == nil {
            if let end = Self.find([13, 10, 13, 10], in: buffer) { headEnd = end; break }
            guard read() else { return nil }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let fields = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = fields.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        let contentStart = headEnd! + 4
        while buffer.count < contentStart + length { guard read() else { return nil } }
        let content = Array(buffer[contentStart..<contentStart + length])
        buffer.removeFirst(contentStart + length)
        return Received(method: requestLine.first ?? "", target: requestLine.count > 1 ? requestLine[1] : "",
                        version: requestLine.count > 2 ? requestLine[2] : "", fields: fields, content: content)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for index in 0...(bytes.count - needle.count) where bytes[index..<index + needle.count].elementsEqual(needle) { return index }
        return nil
    }
}

/// `python3 -m http.server` serving `directory` on 127.0.0.1, started for a test and stopped
/// by `stop()` or when released; `nil` when Python is not there.
public final class PythonHTTPServer: @unchecked Sendable {
    public let port: Int
    private let process: Process

    public init?(directory: URL) {
        // A free port: bind to 0, read it, let it go.
        guard let free = Self.freePort() else { return nil }
        port = free
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", directory.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        // Ready when it accepts a connection (up to five seconds).
        for _ in 0..<100 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(fd)
            if connected == 0 { return }
            usleep(50_000)
        }
        process.terminate()
        return nil
    }

    deinit { stop() }

    /// A port nothing listens on now: one the system picks for a socket bound to port 0.
    static func freePort() -> Int? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }

    /// Kills the server (SIGKILL: a child of a test runner may have SIGTERM blocked) and waits for it.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
