import HTTPLintCore

/// A Domain attribute that is one label (`com`) names a top-level domain.
struct CookieDomainSingleLabel: Rule {
    static let description = RuleDescription(
        id: "cookie-domain-single-label",
        severity: .warning,
        category: .security,
        summary: "Set-Cookie Domain that is a single label such as `com`",
        rationale: """
            A cookie's Domain must domain-match the host that sets it (RFC 6265 §5.3 step 6), \
            and user agents reject Domain values that are public suffixes unless the value is \
            the host itself (§5.3 step 5, RFC 6265bis §5.7 step 9). A single label with no dot \
            is a top-level domain (the public suffix list's default rule covers even unlisted \
            ones), so browsers drop the cookie unless the host is exactly that name. Such a \
            Domain is usually a configuration slip: the site's own name with the rest missing. \
            `localhost` is not reported, nor a Domain equal to the request's Host when known.
            """,
        fix: "Set Domain to the site's registrable domain (`Domain=example.com`), or leave Domain out for a host-only cookie",
        spec: [SpecReference(rfc: 6265, section: "5.3"), SpecReference(rfc: 6265, section: "4.1.2.3")],
        fields: ["Set-Cookie"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Domain=com; Path=/\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Domain=.example\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Domain=example.com\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Domain=localhost\nContent-Length: 0\n\n"),
            // The host itself: the cookie becomes host-only, which works.
            Example("HTTP/1.1 200 OK\nDate: Mon, 06 Jan 2025 10:00:00 GMT\nSet-Cookie: id=1; Domain=intranet\nContent-Length: 0\n\n",
                    request: "GET / HTTP/1.1\nHost: intranet:8080\n\n"),
        ]
    )

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        let host = exchange.request?.fields.first(named: .host).map { Self.hostName($0.value) }
        for cookie in SetCookie.all(in: response) {
            for attribute in cookie.attributes where attribute.key == "domain" {
                let domain = (attribute.value.hasPrefix(".") ? attribute.value.dropFirst() : attribute.value[...]).asciiLowercased()
                guard !domain.isEmpty, domain != "localhost", domain != host,
                      domain.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }),
                      !domain.allSatisfy(\.isNumber) else { continue }
                report.add("Set-Cookie \(cookie.displayName): Domain '\(Printable.escape(attribute.value))' is a single label (a top-level domain); browsers reject the cookie unless the host is exactly '\(Printable.escape(domain))'",
                           at: cookie.field.valueSpan, status: response.status)
            }
        }
    }

    /// The Host field's name without a port, lowercased.
    static func hostName(_ value: String) -> String {
        let host = value.trimmingWhitespace().asciiLowercased()
        if host.hasPrefix("[") { return String(host) }
        return String(host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
