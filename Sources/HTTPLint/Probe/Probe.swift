#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HTTPLintCore

/// A live probe of one resource: a base request, then the variants derived from its answer
/// (HEAD, conditional and range requests built from the validators the server gave, gzip
/// against identity, OPTIONS, an unknown method, HTTP/1.0 and HTTP/1.2, pipelining; with
/// ``Options/robustness``, the malformed requests a server must reject), each on its own
/// connection, recorded byte for byte and linted together, so that the rules comparing
/// exchanges (HEAD against GET, a 304 against its 200) can judge them.
///
/// ```swift
/// let probe = Probe(endpoint: try HTTPEndpoint("http://127.0.0.1:8080/"))
/// let exchanges = probe.run()
/// for report in probe.lint(exchanges) { print(report.part ?? "", report.findings.map(\.rule)) }
/// ```
public struct Probe: Sendable {
    /// What to send, and how fast.
    public struct Options: Sendable {
        /// The base request's method; a probe sends only safe methods otherwise (GET, HEAD,
        /// OPTIONS, and one unknown method a server must not act on).
        public var method: String
        /// Fields added to every request (after Host).
        public var fields: [(name: String, value: String)]
        /// Content of the base request.
        public var content: [UInt8]?
        /// Whether to send the malformed requests a server must reject, each on its own connection.
        public var robustness: Bool
        /// Most requests per second.
        public var rate: Double
        public var client: HTTPExchangeClient.Options

        public init(method: String = "GET", fields: [(name: String, value: String)] = [], content: [UInt8]? = nil,
                    robustness: Bool = false, rate: Double = 20,
                    client: HTTPExchangeClient.Options = HTTPExchangeClient.Options(connectTimeout: 3, readTimeout: 3)) {
            self.method = method
            self.fields = fields
            self.content = content
            self.robustness = robustness
            self.rate = rate
            self.client = client
        }
    }

    /// One request of the probe (several, for the pipelining step), as bytes.
    public struct Step: Sendable {
        /// What the step asks, such as `HEAD` or `If-None-Match with the ETag`.
        public let name: String
        public let request: [UInt8]
        /// How many final responses complete it (one per request unless said otherwise).
        public let expectedResponses: Int?
    }

    /// A step and what came back.
    public struct Exchange: Sendable {
        /// 1-based position in the probe.
        public let number: Int
        public let step: Step
        /// The bytes both ways; `nil` when no connection could be made.
        public let recorded: HTTPExchangeClient.Recorded?
        /// Why the step could not run.
        public let failure: String?

        /// `3: HEAD`, the name reports show for the step.
        public var label: String { "\(number): \(step.name)" }
    }

    public let endpoint: HTTPEndpoint
    public let options: Options

    public init(endpoint: HTTPEndpoint, options: Options = Options()) {
        self.endpoint = endpoint
        self.options = options
    }

    // MARK: Requests

    /// A request for the probed resource: request line, Host, the user's fields, `extra`.
    public func request(_ method: String, target: String? = nil, version: String = "HTTP/1.1", host: Bool = true,
                        extra: [(String, String)] = [], content: [UInt8]? = nil) -> [UInt8] {
        var head = "\(method) \(target ?? endpoint.target) \(version)\r\n"
        if host { head += "Host: \(endpoint.authority)\r\n" }
        for (name, value) in options.fields { head += "\(name): \(value)\r\n" }
        for (name, value) in extra { head += "\(name): \(value)\r\n" }
        if let content, !extra.contains(where: { $0.0.lowercased() == "content-length" || $0.0.lowercased() == "transfer-encoding" }) {
            head += "Content-Length: \(content.count)\r\n"
        }
        return Array((head + "\r\n").utf8) + (content ?? [])
    }

    /// The base request: the user's method, fields and content.
    public var baseStep: Step {
        Step(name: options.method, request: request(options.method, content: options.content), expectedResponses: nil)
    }

    /// The variants to send after the base request, from what its answer showed.
    public func steps(after base: HTTPExchangeClient.Recorded?) -> [Step] {
        let response = base.flatMap { recorded -> Response? in
            let requests = RequestParser.parse(SourceText(name: "base", bytes: recorded.request))
            return ResponseParser.parse(SourceText(name: "base", bytes: recorded.response), requests: requests).first?.response
        }
        let etag = response?.fields.first(named: "ETag")?.value
        let lastModified = response?.fields.first(named: "Last-Modified")?.value
        let length = response.flatMap { $0.content.framing == .none ? nil : $0.content.length }
        var steps: [Step] = []
        func add(_ name: String, _ bytes: [UInt8], expecting count: Int? = nil) {
            steps.append(Step(name: name, request: bytes, expectedResponses: count))
        }
        let get = options.method == "GET" && options.content == nil
        if get { add("GET again (to tell dynamic content)", request("GET")) }
        add("HEAD", request("HEAD"))
        if get {
            if let etag { add("If-None-Match with the ETag", request("GET", extra: [("If-None-Match", etag)])) }
            add("If-None-Match: *", request("GET", extra: [("If-None-Match", "*")]))
            if let lastModified { add("If-Modified-Since with the Last-Modified", request("GET", extra: [("If-Modified-Since", lastModified)])) }
            add("If-Match with a tag it does not have", request("GET", extra: [("If-Match", "\"httplint-no-such-tag\"")]))
            if lastModified != nil {
                add("If-Unmodified-Since in the past", request("GET", extra: [("If-Unmodified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")]))
            }
            add("Range: the first 10 bytes", request("GET", extra: [("Range", "bytes=0-9")]))
            add("Range: the last 10 bytes", request("GET", extra: [("Range", "bytes=-10")]))
            add("Range: two ranges", request("GET", extra: [("Range", "bytes=0-1,4-5")]))
            add("Range: unsatisfiable", request("GET", extra: [("Range", "bytes=\(length.map { $0 + 1000 } ?? 999_999_999_999)-")]))
            add("Range with a stale If-Range", request("GET", extra: [("Range", "bytes=0-9"), ("If-Range", "\"httplint-stale\"")]))
            add("Accept-Encoding: gzip", request("GET", extra: [("Accept-Encoding", "gzip")]))
            add("Accept-Encoding: identity", request("GET", extra: [("Accept-Encoding", "identity")]))
        }
        add("OPTIONS", request("OPTIONS"))
        add("an unknown method", request("HTTPLINT-UNKNOWN"))
        add("HTTP/1.0", request(options.method, version: "HTTP/1.0", content: options.content))
        add("HTTP/1.2", request(options.method, version: "HTTP/1.2", content: options.content))
        if let content = options.content, !content.isEmpty {
            add("Expect: 100-continue", request(options.method, extra: [("Expect", "100-continue")], content: content))
        }
        add("two pipelined requests", request(options.method, content: options.content) + request(options.method, content: options.content))
        if options.robustness {
            // GET even where content is sent: a server that fails to reject these must not
            // be led to act on an unsafe method.
            add("no Host (must be 400)", request("GET", host: false), expecting: 1)
            add("two Host fields (must be 400)", request("GET", extra: [("Host", "other.example")]), expecting: 1)
            add("whitespace before a colon (must be 400)", request("GET", extra: [("X-Probe ", "1")]), expecting: 1)
            add("invalid Content-Length (must be 400, then close)",
                request("GET", extra: [("Content-Length", "abc")], content: Array("hello".utf8)), expecting: 1)
            add("Transfer-Encoding with Content-Length (close after)",
                request("GET", extra: [("Transfer-Encoding", "chunked"), ("Content-Length", "5")], content: Array("0\r\n\r\n".utf8)),
                expecting: 1)
            add("obs-fold (reject or replace)", request("GET", extra: [("X-Probe", "a\r\n b")]), expecting: 1)
            add("invalid method characters (should be 400)", request("G(T"), expecting: 1)
            add("a 9000-byte target (should be 414)",
                request("GET", target: "/" + String(repeating: "a", count: 9000)), expecting: 1)
        }
        return steps
    }

    // MARK: Running

    /// Sends the base request and then the variants, at most ``Options/rate`` a second,
    /// handing each exchange to `each` as it completes.
    public func run(_ each: (Exchange) -> Void = { _ in }) -> [Exchange] {
        let client = HTTPExchangeClient(options: options.client)
        var exchanges: [Exchange] = []
        var last: UInt64 = 0
        func send(_ step: Step) -> Exchange {
            let interval = UInt64(1_000_000_000 / max(options.rate, 0.001))
            let now = Self.nanoseconds()
            if last != 0, now - last < interval { Self.sleep(nanoseconds: interval - (now - last)) }
            last = Self.nanoseconds()
            do {
                let recorded = try client.exchange(step.request, with: endpoint, expectedResponses: step.expectedResponses)
                return Exchange(number: exchanges.count + 1, step: step, recorded: recorded, failure: nil)
            } catch {
                return Exchange(number: exchanges.count + 1, step: step, recorded: nil, failure: error.description)
            }
        }
        let base = send(baseStep)
        exchanges.append(base)
        each(base)
        // Without an answer there is nothing to derive: the server is not there.
        guard base.recorded != nil else { return exchanges }
        for step in steps(after: base.recorded) {
            let exchange = send(step)
            exchanges.append(exchange)
            each(exchange)
        }
        return exchanges
    }

    static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    static func sleep(nanoseconds: UInt64) {
        var time = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        _ = nanosleep(&time, nil)
    }

    // MARK: Linting

    /// Lints every exchange with its request, and the exchanges together (the rules that
    /// compare them); one report per exchange, named by the URL, with the step as its part.
    public func lint(_ exchanges: [Exchange], with linter: Linter = Linter()) -> [InputReport] {
        var parsed: [(exchange: Exchange, source: SourceText, exchanges: [HTTPLintCore.Exchange])] = []
        var next = 0
        for exchange in exchanges {
            guard let recorded = exchange.recorded else { continue }
            let name = "\(endpoint) [\(exchange.label)]"
            let requests = RequestParser.parse(SourceText(name: "\(name) request", bytes: recorded.request),
                                               limits: linter.configuration.limits)
            let source = SourceText(name: name, bytes: recorded.response)
            let read = ResponseParser.parse(source, requests: requests, firstIndex: next, limits: linter.configuration.limits)
            next += read.count
            parsed.append((exchange, source, read))
        }
        let findings = linter.lint(parsed.flatMap(\.exchanges))
        var byExchange: [Int: [Finding]] = [:]
        for finding in findings { byExchange[finding.exchange, default: []].append(finding) }
        var reports: [InputReport] = []
        var index = 0
        for exchange in exchanges {
            guard exchange.recorded != nil else {
                reports.append(InputReport(name: endpoint.description, part: exchange.label,
                                           outcome: .failed("\(exchange.label): \(exchange.failure ?? "no exchange")")))
                continue
            }
            let entry = parsed[index]
            index += 1
            let own = entry.exchanges.flatMap { byExchange[$0.index] ?? [] }
                .sorted { ($0.span.offset, $0.rule) < ($1.span.offset, $1.rule) }
            reports.append(InputReport(name: endpoint.description, part: exchange.label,
                                       outcome: .linted(LintResult(source: entry.source, exchanges: entry.exchanges, findings: own))))
        }
        return reports
    }

    /// Writes each recorded exchange as `NN-step.http` and `NN-step.req` in `directory` (made
    /// if missing): the pairing httplint reads, so that the probe can be linted again later.
    ///
    /// - Returns: the paths of the response files written.
    public static func save(_ exchanges: [Exchange], to directory: String) throws(HTTPExchangeClient.Failure) -> [String] {
        if mkdir(directory, 0o755) != 0, errno != EEXIST {
            throw .init(description: "cannot make '\(directory)': \(String(cString: strerror(errno)))")
        }
        var written: [String] = []
        for exchange in exchanges {
            guard let recorded = exchange.recorded else { continue }
            let slug = exchange.step.name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
                .reduce(into: "") { text, character in if !(character == "-" && text.hasSuffix("-")) { text.append(character) } }
                .trimmingDashes()
            let number = exchange.number < 10 ? "0\(exchange.number)" : "\(exchange.number)"
            let base = "\(directory)/\(number)-\(slug)"
            try write(recorded.response, to: base + ".http")
            try write(recorded.request, to: base + ".req")
            written.append(base + ".http")
        }
        return written
    }

    private static func write(_ bytes: [UInt8], to path: String) throws(HTTPExchangeClient.Failure) {
        guard let file = fopen(path, "wb") else { throw .init(description: "cannot write '\(path)': \(String(cString: strerror(errno)))") }
        defer { fclose(file) }
        let count = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard count == bytes.count else { throw .init(description: "cannot write '\(path)': \(String(cString: strerror(errno)))") }
    }
}

extension String {
    fileprivate func trimmingDashes() -> String {
        String(drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed())
    }
}
