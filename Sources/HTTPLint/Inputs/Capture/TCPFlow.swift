#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// tcpflow's output: one file per direction of each TCP connection, named
/// `SRC.SPORT-DST.DPORT` (tcpflow 1.6: IPv4 as `127.000.000.001`, IPv6 as `::1`, ports as five
/// digits, a `cN` suffix for the N-th reuse of the same four-tuple). A pair becomes one input:
/// the server's file is linted as responses, the client's as their requests, as a response
/// file is with its `NAME.req`. The client is the side whose file starts with a request line.
enum TCPFlow {
    /// Whether `name` is a tcpflow file name.
    static func isFlowName(_ name: String) -> Bool { endpoints(of: name) != nil }

    /// The two endpoint parts of a flow name, and its reuse suffix.
    private static func endpoints(of name: String) -> (source: Substring, destination: Substring, suffix: Substring)? {
        let halves = name.split(separator: "-", omittingEmptySubsequences: false)
        guard halves.count == 2 else { return nil }
        var destination = halves[1], suffix: Substring = ""
        if let c = destination.lastIndex(of: "c"), destination[destination.index(after: c)...].allSatisfy(\.isASCII),
           !destination[destination.index(after: c)...].isEmpty, destination[destination.index(after: c)...].allSatisfy(\.isNumber) {
            suffix = destination[c...]
            destination = destination[..<c]
        }
        func isEndpoint(_ text: Substring) -> Bool {
            guard let dot = text.lastIndex(of: ".") else { return false }
            let port = text[text.index(after: dot)...], address = text[..<dot]
            guard port.count == 5, port.allSatisfy({ $0.isASCII && $0.isNumber }), !address.isEmpty else { return false }
            let isIPv4 = address.split(separator: ".", omittingEmptySubsequences: false).count == 4
                && address.allSatisfy { $0 == "." || ($0.isASCII && $0.isNumber) }
            let isIPv6 = address.contains(":") && address.allSatisfy { $0 == ":" || $0 == "." || $0.isHexDigit }
            return isIPv4 || isIPv6
        }
        guard isEndpoint(halves[0]), isEndpoint(destination) else { return nil }
        return (halves[0], destination, suffix)
    }

    /// Splits the paths a directory walk found into tcpflow pairs, as inputs (the server's file
    /// with the client's as its request file), and the other paths. A flow file without its
    /// partner is linted alone when it holds responses; flows that carry no HTTP/1.x are left out.
    static func pairs(in paths: [String]) -> (items: [InputCollector.Item], others: [String]) {
        var flows: [String: String] = [:]
        var others: [String] = []
        for path in paths {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if isFlowName(name) { flows[path] = name } else { others.append(path) }
        }
        var items: [InputCollector.Item] = []
        var done: Set<String> = []
        for path in flows.keys.sorted() where !done.contains(path) {
            done.insert(path)
            let name = flows[path]!
            let parts = endpoints(of: name)!
            let partner = String(path.dropLast(name.count)) + "\(parts.destination)-\(parts.source)\(parts.suffix)"
            let hasPartner = flows[partner] != nil
            if hasPartner { done.insert(partner) }
            let head = firstBytes(path), partnerHead = hasPartner ? firstBytes(partner) : []
            if ConnectionContent.startsRequest(head, at: 0) {
                if hasPartner { items.append(InputCollector.Item(path: partner, requestPath: path, problem: nil)) }
            } else if ConnectionContent.startsRequest(partnerHead, at: 0) {
                items.append(InputCollector.Item(path: path, requestPath: partner, problem: nil))
            } else if head.starts(with: Array("HTTP/1.".utf8)) {
                items.append(InputCollector.Item(path: path, requestPath: nil, problem: nil))
            } else if partnerHead.starts(with: Array("HTTP/1.".utf8)) {
                items.append(InputCollector.Item(path: partner, requestPath: nil, problem: nil))
            }
        }
        return (items, others)
    }

    /// The inputs of a tcpflow file named on its own (not found by a walk) when the file of the
    /// other direction is beside it and one of the two carries HTTP/1.x: the pair as a walk
    /// makes it, and the two files' paths (sorted). `nil` for another name, a file without its
    /// partner, or a pair that carries no HTTP/1.x: such a file is read as it is named.
    static func pair(namedSingly path: String) -> (items: [InputCollector.Item], files: [String])? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let parts = endpoints(of: name) else { return nil }
        let partner = String(path.dropLast(name.count)) + "\(parts.destination)-\(parts.source)\(parts.suffix)"
        guard partner != path, let info = FileName.status(partner), (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let items = pairs(in: [path, partner]).items
        return items.isEmpty ? nil : (items, [path, partner].sorted())
    }

    /// The first kilobyte of a file (empty when it cannot be read).
    private static func firstBytes(_ path: String) -> [UInt8] {
        let descriptor = FileName.openForReading(path)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 1024) }
        return Array(buffer.prefix(max(count, 0)))
    }
}
