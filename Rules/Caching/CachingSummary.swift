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
        if directives.has("no-store") { return "caching: no cache may store the response (no-store)" }
        let heuristicStatus = StatusCode.lookup(status)?.cacheableByDefault ?? false
        let date = dates.first(.date)?.date
        let expiresField = dates.expires.first
        let expires = dates.first(.expires)?.date
        let age = response.fields.first(named: "Age").flatMap { Int($0.value.trimmingWhitespace()) } ?? 0
        let isPublic = directives.has("public")
        let privateValue = directives.values["private"]
        let isUnqualifiedPrivate = privateValue != nil && (privateValue! ?? "").isEmpty

        func lifetime(shared: Bool) -> String? {
            var explicit: (seconds: Int, source: String)?
            if shared, let seconds = directives.seconds("s-maxage") {
                explicit = (seconds, "s-maxage")
            } else if let seconds = directives.seconds("max-age") {
                explicit = (seconds, "max-age")
            } else if expiresField != nil {
                // §5.3: an invalid Expires means already expired.
                guard let expires else { return "already stale (Expires is not a date)" }
                guard let date else { return "fresh until the Expires time (there is no Date to count from)" }
                explicit = (max(0, Int(expires.secondsSince1970 - date.secondsSince1970)), "Expires - Date")
            }
            if let (seconds, source) = explicit {
                let left = max(0, seconds - age)
                let ageNote = age > 0 ? ", \(left) s left after Age \(age)" : ""
                return "fresh for \(seconds) s (\(source)\(ageNote))"
            }
            let heuristic = heuristicStatus || isPublic || (!shared && privateValue != nil)
            guard heuristic else { return nil }
            if let modified = dates.first(.lastModified)?.date, let date,
               date.secondsSince1970 > modified.secondsSince1970 {
                let tenth = (date.secondsSince1970 - modified.secondsSince1970) / 10
                return "fresh for a heuristic lifetime (often 10% of the \(date.secondsSince1970 - modified.secondsSince1970) s since Last-Modified: \(tenth) s)"
            }
            return "fresh for a heuristic lifetime chosen by the cache (no Last-Modified to base it on)"
        }

        func verdict(shared: Bool) -> String {
            let name = shared ? "shared cache" : "private cache"
            if shared, isUnqualifiedPrivate { return "a \(name) may not store it (private)" }
            var conditions: [String] = []
            if shared, !isPublic, !directives.has("s-maxage"), !directives.has("must-revalidate") {
                if let request {
                    if request.fields.contains("Authorization") {
                        return "a \(name) may not store it: the request had Authorization and there is no public, s-maxage or must-revalidate"
                    }
                } else {
                    conditions.append("unless the request had Authorization")
                }
            }
            guard let freshness = lifetime(shared: shared) else {
                return "a \(name) may not store it: it has no explicit lifetime, public or private, and \(status) is not heuristically cacheable"
            }
            var text = "a \(name) may store it"
            text.reserveCapacity(160)  // one allocation for the clauses appended below
            if let condition = conditions.first { text += " (\(condition))" }
            let noCache = directives.values["no-cache"]
            if let noCache, (noCache ?? "").isEmpty {
                text += ", but must revalidate it before each reuse (no-cache)"
            } else {
                text += ", \(freshness)"
                if let fields = noCache ?? nil { text += ", reusing the fields \(fields) only after revalidation (no-cache=)" }
            }
            if shared, let fields = privateValue ?? nil, !fields.isEmpty { text += ", without the fields \(fields) (private=)" }
            return text
        }

        var summary = "caching: "
        summary.reserveCapacity(400)  // one allocation for the whole sentence
        summary += verdict(shared: true)
        summary += "; "
        summary += verdict(shared: false)
        let vary = response.fields.listElements(named: "Vary")
        if vary.contains("*") {
            summary += "; Vary: * means no stored copy can answer a later request without the origin"
        } else if !vary.isEmpty {
            summary += "; stored copies are chosen by "
            summary += vary.joined(separator: ", ")
        }
        if request == nil { summary += "; assuming a GET request" }
        return summary
    }
}
