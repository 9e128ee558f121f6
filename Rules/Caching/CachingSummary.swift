import HTTPLintCore

/// States whether shared and private caches may store the response, and for how long it is fresh.
struct CachingSummary: Rule {
    static let description = RuleDescription(
        id: "caching-summary",
        severity: .info,
        category: .caching,
        summary: "How shared and private caches may store the response and how long it stays fresh",
        rationale: """
            Not a problem report: a reading of the response by RFC 9111. §3 says when a cache \
            may store a response (no no-store; for a shared cache no private and, for a \
            request with Authorization, public, s-maxage or must-revalidate (§3.5); and an \
            explicit lifetime, public, private or a heuristically cacheable status, RFC 9110 \
            §15.1). §4.2.1 gives the freshness lifetime: s-maxage (shared caches), max-age, \
            Expires minus Date, else a heuristic (§4.2.2), typically a fraction of the time \
            since Last-Modified; Age is subtracted. no-cache means revalidate before each \
            reuse (§5.2.2.4), and `Vary: *` never matches a later request (§4.1). Without the \
            request the method is taken to be GET and Authorization is unknown. Opt-in.
            """,
        fix: "Nothing to fix; adjust Cache-Control if the summary is not what you intend",
        spec: [SpecReference(rfc: 9111, section: "3"), SpecReference(rfc: 9111, section: "4.2.1"),
               SpecReference(rfc: 9111, section: "4.2.2"), SpecReference(rfc: 9111, section: "3.5")],
        fields: ["Cache-Control", "Expires", "Date", "Age", "Vary", "Last-Modified"],
        isEnabledByDefault: false,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nCache-Control: public, max-age=3600\nAge: 60\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nCache-Control: private, no-cache\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 404 Not Found\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nLast-Modified: Sun, 30 Oct 1994 08:49:37 GMT\nContent-Length: 0\n\n", line: 1),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nCache-Control: max-age=60\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: example.com\nAuthorization: Basic YTpi\n\n", line: 1),
        ],
        nonTriggering: [
            // A 304 updates a stored response; it is not stored itself.
            Example("HTTP/1.1 304 Not Modified\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nETag: \"x\"\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        guard let status = response.status, status >= 200, status != 304 else { return }
        report.add(Self.summary(of: response, request: exchange.request, report: report), about: response)
    }

    static func summary(of response: Response, request: Request?, report: FindingReporter) -> String {
        let status = response.status ?? 0
        if let method = request?.method, method != "GET", method != "HEAD" {
            return "caching: caches normally store only responses to GET and HEAD, and this answers \(method)"
        }
        let directives = report.reading(CacheDirectives.self, of: response)
        let dates = report.reading(DateFields.self, of: response)
        if directives.has(.noStore) { return "caching: no cache may store the response (no-store)" }
        let heuristicStatus = StatusCode.lookup(status)?.cacheableByDefault ?? false
        let date = dates.date(.date)
        let expiresField = dates.expires.first
        let expires = dates.date(.expires)
        let age = response.fields.first(named: .age).flatMap { Int($0.value.trimmingWhitespace()) } ?? 0
        let isPublic = directives.has(.public)
        let privateValue = directives.value(.private)
        let isUnqualifiedPrivate = directives.hasNoValue(.private)

        func lifetime(shared: Bool) -> Lifetime? {
            if shared, let seconds = directives.seconds(.sMaxage) { return .explicit(seconds, "s-maxage") }
            if let seconds = directives.seconds(.maxAge) { return .explicit(seconds, "max-age") }
            if expiresField != nil {
                // §5.3: an invalid Expires means already expired.
                guard let expires else { return .invalidExpires }
                guard let date else { return .expiresWithoutDate }
                return .explicit(max(0, Int(expires.secondsSince1970 - date.secondsSince1970)), "Expires - Date")
            }
            let heuristic = heuristicStatus || isPublic || (!shared && privateValue != nil)
            guard heuristic else { return nil }
            if let modified = dates.date(.lastModified), let date,
               date.secondsSince1970 > modified.secondsSince1970 {
                return .heuristic(sinceLastModified: Int(date.secondsSince1970 - modified.secondsSince1970))
            }
            return .heuristic(sinceLastModified: nil)
        }

        // The sentence is several hundred bytes in a dozen pieces: built as bytes, made a
        // string once (appending to a string checks and grows it piece by piece).
        var text = TextBuilder(capacity: 512)

        func addVerdict(shared: Bool) {
            text.add(shared ? "a shared cache" : "a private cache")
            if shared, isUnqualifiedPrivate { text.add(" may not store it (private)"); return }
            var condition: String?
            if shared, !isPublic, !directives.has(.sMaxage), !directives.has(.mustRevalidate) {
                if let request {
                    if request.fields.contains(.authorization) {
                        text.add(" may not store it: the request had Authorization and there is no public, s-maxage or must-revalidate")
                        return
                    }
                } else {
                    condition = "unless the request had Authorization"
                }
            }
            guard let freshness = lifetime(shared: shared) else {
                text.add(" may not store it: it has no explicit lifetime, public or private, and "); text.add(status)
                text.add(" is not heuristically cacheable")
                return
            }
            text.add(" may store it")
            if let condition { text.add(" ("); text.add(condition); text.add(")") }
            if directives.hasNoValue(.noCache) {
                text.add(", but must revalidate it before each reuse (no-cache)")
            } else {
                text.add(", ")
                text.add(freshness, age: age)
                if case .some(let fields?) = directives.value(.noCache) {
                    text.add(", reusing the fields "); text.add(fields); text.add(" only after revalidation (no-cache=)")
                }
            }
            if shared, let fields = privateValue ?? nil, !fields.isEmpty {
                text.add(", without the fields "); text.add(fields); text.add(" (private=)")
            }
        }

        text.add("caching: ")
        addVerdict(shared: true)
        text.add("; ")
        addVerdict(shared: false)
        // Vary's members read in place (no string per member): first whether one is `*`.
        let vary = response.fields.named(.vary)
        if vary.contains(where: { $0.listContains("*") }) {
            text.add("; Vary: * means no stored copy can answer a later request without the origin")
        } else {
            var separator = "; stored copies are chosen by "
            for field in vary {
                let value = field.readValueBytes
                ListSyntax.forEachElement(of: value) { member in
                    text.add(separator)
                    separator = ", "
                    text.add(bytes: value[member])
                }
            }
        }
        if request == nil { text.add("; assuming a GET request") }
        return text.string
    }
}

/// How long a response stays fresh (RFC 9111 §4.2.1), for the sentence.
private enum Lifetime {
    /// A number of seconds and where it comes from (s-maxage, max-age, Expires - Date).
    case explicit(Int, String)
    /// An Expires that is not a date: stale from the start (§5.3).
    case invalidExpires
    case expiresWithoutDate
    /// A heuristic lifetime (§4.2.2), with the seconds since Last-Modified when known.
    case heuristic(sinceLastModified: Int?)
}

extension TextBuilder {
    /// The freshness part of the sentence.
    fileprivate mutating func add(_ lifetime: Lifetime, age: Int) {
        switch lifetime {
        case .explicit(let seconds, let source):
            add("fresh for "); add(seconds); add(" s ("); add(source)
            if age > 0 { add(", "); add(max(0, seconds - age)); add(" s left after Age "); add(age) }
            add(")")
        case .invalidExpires:
            add("already stale (Expires is not a date)")
        case .expiresWithoutDate:
            add("fresh until the Expires time (there is no Date to count from)")
        case .heuristic(let since?):
            add("fresh for a heuristic lifetime (often 10% of the "); add(since)
            add(" s since Last-Modified: "); add(since / 10); add(" s)")
        case .heuristic(nil):
            add("fresh for a heuristic lifetime chosen by the cache (no Last-Modified to base it on)")
        }
    }
}
