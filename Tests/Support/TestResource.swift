import Foundation

/// A resource served by `TestHTTPServer` as RFC 9110 asks (validators, preconditions in
/// §13.2.2 order, single byte ranges, HEAD, OPTIONS, 501 for unknown methods), with switches
/// that plant one defect each, for tests of the probe and the rules comparing exchanges.
public struct TestResource: Sendable {
    public struct Defects: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// HEAD answers with another Content-Type, and sends the content.
        public static let headDiffers = Defects(rawValue: 1 << 0)
        /// If-None-Match is not evaluated.
        public static let ignoresIfNoneMatch = Defects(rawValue: 1 << 1)
        /// A 304 carries another ETag than the 200.
        public static let notModifiedWithOtherETag = Defects(rawValue: 1 << 2)
        /// A 206 carries other bytes than the full content has there.
        public static let wrongRangeBytes = Defects(rawValue: 1 << 3)
        /// gzip content for Accept-Encoding: gzip, without Vary.
        public static let gzipWithoutVary = Defects(rawValue: 1 << 4)
    }

    public let defects: Defects
    public static let content = Array(String(repeating: "0123456789", count: 100).utf8)
    static let etag = "\"v1\""
    static let lastModified = "Thu, 01 Jan 2026 00:00:00 GMT"

    public init(defects: Defects = []) { self.defects = defects }

    public func reply(_ request: TestHTTPServer.Received) -> TestHTTPServer.Reply {
        let close = request.version == "HTTP/1.0" || request.field("Connection")?.lowercased() == "close"
        func answer(_ status: String, _ fields: [(String, String)], _ body: [UInt8] = [], sendBody: Bool = true) -> TestHTTPServer.Reply {
            var head = "HTTP/1.1 \(status)\r\nDate: \(Self.now())\r\n"
            for (name, value) in fields { head += "\(name): \(value)\r\n" }
            if close { head += "Connection: close\r\n" }
            head += "\r\n"
            return TestHTTPServer.Reply(bytes: Array(head.utf8) + (sendBody ? body : []), close: close)
        }
        let representation: [(String, String)] = [("ETag", Self.etag), ("Last-Modified", Self.lastModified),
                                                  ("Cache-Control", "max-age=60")]
        switch request.method {
        case "GET", "HEAD": break
        case "OPTIONS": return answer("204 No Content", [("Allow", "GET, HEAD, OPTIONS")])
        default: return answer("501 Not Implemented", [("Content-Length", "0")])
        }
        let isHEAD = request.method == "HEAD"
        // RFC 9110 §13.2.2, in order.
        if let ifMatch = request.field("If-Match"), ifMatch != "*", !ifMatch.contains(Self.etag) {
            return answer("412 Precondition Failed", [("Content-Length", "0")])
        }
        if request.field("If-Match") == nil, let date = request.field("If-Unmodified-Since").flatMap(Self.date),
           Self.date(Self.lastModified)! > date {
            return answer("412 Precondition Failed", [("Content-Length", "0")])
        }
        let notModified: Bool
        if let ifNoneMatch = request.field("If-None-Match") {
            notModified = !defects.contains(.ignoresIfNoneMatch) && (ifNoneMatch == "*" || ifNoneMatch.contains("v1\""))
        } else if let date = request.field("If-Modified-Since").flatMap(Self.date) {
            notModified = Self.date(Self.lastModified)! <= date
        } else {
            notModified = false
        }
        if notModified {
            let fields = defects.contains(.notModifiedWithOtherETag)
                ? [("ETag", "\"v2\""), ("Last-Modified", Self.lastModified), ("Cache-Control", "max-age=60")] : representation
            return answer("304 Not Modified", fields)
        }
        var fields = [("Content-Type", isHEAD && defects.contains(.headDiffers) ? "text/html" : "text/plain")] + representation
            + [("Accept-Ranges", "bytes")]
        let sendsBody = !isHEAD || defects.contains(.headDiffers)
        if !isHEAD, let range = request.field("Range"), range.hasPrefix("bytes="), !range.contains(","),
           request.field("If-Range").map({ $0 == Self.etag || $0 == Self.lastModified }) ?? true {
            let spec = range.dropFirst(6).split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            let count = Self.content.count
            var first: Int?, last = count - 1
            if spec.count == 2, spec[0].isEmpty, let suffix = Int(spec[1]) {
                first = max(0, count - suffix)
            } else if spec.count == 2, let start = Int(spec[0]) {
                first = start
                if let end = Int(spec[1]) { last = min(end, count - 1) }
            }
            if let first, first >= count {
                return answer("416 Range Not Satisfiable", [("Content-Range", "bytes */\(count)"), ("Content-Length", "0")])
            }
            if let first, first <= last {
                var part = Array(Self.content[first...last])
                if defects.contains(.wrongRangeBytes) { part = Array(repeating: UInt8(ascii: "X"), count: part.count) }
                fields += [("Content-Range", "bytes \(first)-\(last)/\(count)"), ("Content-Length", String(part.count))]
                return answer("206 Partial Content", fields, part)
            }
        }
        if defects.contains(.gzipWithoutVary), request.field("Accept-Encoding")?.contains("gzip") == true {
            let gzip = Self.storedGzip(Self.content)
            fields += [("Content-Encoding", "gzip"), ("Content-Length", String(gzip.count))]
            return answer("200 OK", fields, gzip, sendBody: sendsBody)
        }
        fields.append(("Content-Length", String(Self.content.count)))
        return answer("200 OK", fields, Self.content, sendBody: sendsBody)
    }

    static func now() -> String { format(Date()) }

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    static func date(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }

    /// `bytes` as gzip with one stored DEFLATE block (RFC 1952, RFC 1951 §3.2.4).
    static func storedGzip(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF, 1]
        let length = UInt16(bytes.count)
        out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        out += bytes
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc ^= 0xFFFF_FFFF
        for value in [crc, UInt32(bytes.count)] { out += (0..<4).map { UInt8((value >> ($0 * 8)) & 0xFF) } }
        return out
    }
}
