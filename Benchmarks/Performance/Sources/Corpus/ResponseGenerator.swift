/// Makes one response at a time for ``Corpus``.
struct ResponseGenerator {
    var random: SeededRandom
    let defectRate: Double
    /// Seconds since the Unix epoch of the first response's Date; later ones move forward.
    var clock = 1_763_800_000

    init(seed: UInt64, defectRate: Double) {
        random = SeededRandom(state: seed)
        self.defectRate = defectRate
    }

    enum Server: CaseIterable { case nginx, apache, cdn, api }

    enum Defect: CaseIterable {
        case missingDate, unquotedETag, obsFold, contentLengthWithChunked, methodNotAllowedWithoutAllow,
             quotedMaxAge, unauthorizedWithoutChallenge, obsoleteDateFormat, spaceBeforeColon, redirectWithoutLocation
    }

    /// The response bytes, whether it carries a defect, and how many interim responses precede it.
    mutating func next() -> ([UInt8], Bool, Int) {
        clock += random.below(3)
        let server = random.pick(Server.allCases)
        let defect: Defect? = random.chance(defectRate) ? random.pick(Defect.allCases) : nil
        var out: [UInt8] = []
        var interimCount = 0
        if random.chance(0.03) {
            out += Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
            interimCount += 1
        }
        if server == .cdn, random.chance(0.05) {
            out += Array("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload; as=style\r\n\r\n".utf8)
            interimCount += 1
        }

        var status = (200, "OK")
        switch random.below(100) {
        case 0..<78: status = (200, "OK")
        case 78..<86: status = (304, "Not Modified")
        case 86..<90: status = (301, "Moved Permanently")
        case 90..<95: status = (404, "Not Found")
        case 95..<97: status = (204, "No Content")
        default: status = (500, "Internal Server Error")
        }
        switch defect {
        case .methodNotAllowedWithoutAllow: status = (405, "Method Not Allowed")
        case .unauthorizedWithoutChallenge: status = (401, "Unauthorized")
        case .redirectWithoutLocation: status = (302, "Found")
        default: break
        }
        let hasContent = status.0 != 304 && status.0 != 204
        let length = hasContent ? contentLength(for: server) : 0
        let chunked = hasContent && (server == .api ? random.chance(0.7) : random.chance(0.1))
            || defect == .contentLengthWithChunked

        var fields: [(String, String)] = []
        let date = defect == .missingDate ? nil : Self.imfFixdate(clock)
        let modified = Self.imfFixdate(clock - 86_400 - random.below(10_000_000))
        let tag = String(random.next() & 0xFFFF_FFFF, radix: 16) + "-" + String(length, radix: 16)
        let etag = defect == .unquotedETag ? tag : "\"\(tag)\""
        let type = server == .api ? "application/json" : random.pick(["text/html", "text/css", "application/javascript", "image/png"])
        let charset = type.hasPrefix("text/") || type.hasSuffix("json") ? "; charset=utf-8" : ""
        let framing: [(String, String)] = !hasContent ? [] : chunked
            ? [("Transfer-Encoding", "chunked")] + (defect == .contentLengthWithChunked ? [("Content-Length", String(length))] : [])
            : [("Content-Length", String(length))]

        switch server {
        case .nginx:
            fields += [("Server", "nginx/1.22.1")]
            if let date { fields.append(("Date", date)) }
            if hasContent { fields.append(("Content-Type", type + charset)) }
            fields += framing
            fields += [("Last-Modified", modified), ("Connection", "keep-alive"), ("ETag", etag)]
            if status.0 == 200 { fields.append(("Accept-Ranges", "bytes")) }
        case .apache:
            if let date { fields.append(("Date", date)) }
            fields += [("Server", "Apache/2.4.57 (Debian)"), ("Last-Modified", modified), ("ETag", etag)]
            if status.0 == 200 { fields.append(("Accept-Ranges", "bytes")) }
            fields += framing
            fields += [("Vary", "Accept-Encoding"), ("Keep-Alive", "timeout=5, max=100"), ("Connection", "Keep-Alive")]
            if hasContent { fields.append(("Content-Type", type + charset)) }
        case .cdn:
            if let date { fields.append(("Date", date)) }
            if hasContent { fields.append(("Content-Type", type + charset)) }
            fields += framing
            fields += [("Connection", "keep-alive"),
                       ("Cache-Control", defect == .quotedMaxAge ? "public, max-age=\"3600\"" : "public, max-age=3600"),
                       ("Age", String(random.below(3600))), ("ETag", etag), ("Last-Modified", modified),
                       ("Vary", "Accept-Encoding"), ("Via", "1.1 varnish"), ("X-Cache", random.pick(["HIT", "MISS"])),
                       ("X-Cache-Hits", String(random.below(50))), ("X-Served-By", "cache-fra-etou8220\(random.below(10))-FRA"),
                       ("X-Timer", "S\(clock).\(random.below(999_999)),VS0,VE\(random.below(200))"),
                       ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
                       ("X-Content-Type-Options", "nosniff"), ("Alt-Svc", "h3=\":443\"; ma=86400"),
                       ("Access-Control-Allow-Origin", "*"),
                       ("Content-Security-Policy", "default-src 'self'; img-src 'self' https://img.example.com"),
                       ("Server-Timing", "cdn-cache; desc=\(random.pick(["HIT", "MISS"])), edge; dur=\(random.below(40))"),
                       ("Cache-Status", "\"edge\"; \(random.chance(0.5) ? "hit" : "fwd=miss"); ttl=\(random.below(3600))")]
            if status.0 == 200 { fields.append(("Accept-Ranges", "bytes")) }
        case .api:
            if let date { fields.append(("Date", date)) }
            if hasContent { fields.append(("Content-Type", "application/json")) }
            fields += framing
            fields += [("Connection", "keep-alive"), ("Cache-Control", "no-store"),
                       ("X-Request-Id", String(random.next(), radix: 16)),
                       ("X-RateLimit-Limit", "5000"), ("X-RateLimit-Remaining", String(random.below(5000))),
                       ("Strict-Transport-Security", "max-age=63072000"),
                       ("Access-Control-Allow-Origin", "https://app.example.com"), ("Vary", "Origin"),
                       ("Server", "envoy"), ("X-Envoy-Upstream-Service-Time", String(random.below(300)))]
        }
        if status.0 == 301 { fields.append(("Location", "https://www.example.com/new/path/\(random.below(1000))")) }
        if status.0 == 401, defect != .unauthorizedWithoutChallenge {
            fields.append(("WWW-Authenticate", "Bearer realm=\"api\""))
        }
        switch defect {
        case .obsFold:
            fields.append(("X-Folded", "first part\r\n  second part"))
        case .obsoleteDateFormat:
            fields.append(("Expires", "Sunday, 06-Nov-94 08:49:37 GMT"))
        default: break
        }

        out += Array("HTTP/1.1 \(status.0) \(status.1)\r\n".utf8)
        for (index, (name, value)) in fields.enumerated() {
            let separator = defect == .spaceBeforeColon && index == 1 ? " : " : ": "
            out += Array(name.utf8) + Array(separator.utf8) + Array(value.utf8) + [13, 10]
        }
        out += [13, 10]
        if hasContent {
            let body = Array(Self.filler(length, offset: random.below(997)))
            if chunked {
                var start = 0
                while start < body.count {
                    let size = min(body.count - start, 1 + random.below(8192))
                    out += Array(String(size, radix: 16).utf8) + [13, 10] + body[start..<start + size] + [13, 10]
                    start += size
                }
                out += Array("0\r\n\r\n".utf8)
            } else {
                out += body
            }
        }
        return (out, defect != nil, interimCount)
    }

    /// Content lengths: most small, some up to 64 KB.
    mutating func contentLength(for server: Server) -> Int {
        switch random.below(100) {
        case 0..<10: return 0
        case 10..<50: return random.below(1024)
        case 50..<85: return 1024 + random.below(7 * 1024)
        case 85..<96: return 8192 + random.below(24 * 1024)
        default: return 32 * 1024 + random.below(32 * 1024 + 1)
        }
    }

    /// Printable content that looks like markup, cut from a fixed pattern.
    static func filler(_ count: Int, offset: Int) -> ArraySlice<UInt8> {
        let start = offset % 997
        return pattern[start..<start + count]
    }

    static let pattern: [UInt8] = {
        let unit = Array("<div class=\"item\"><a href=\"/p/1234\">Item name</a> <span>12.50</span></div>\n".utf8)
        var out: [UInt8] = []
        while out.count < 70 * 1024 { out += unit }
        return out
    }()

    /// `Sun, 06 Nov 1994 08:49:37 GMT` for seconds since the epoch.
    static func imfFixdate(_ seconds: Int) -> String {
        let days = seconds / 86_400
        let time = seconds % 86_400
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][days % 7]
        // Civil-from-days (proleptic Gregorian).
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekday), \(two(day)) \(months[month - 1]) \(year) \(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60)) GMT"
    }
}
