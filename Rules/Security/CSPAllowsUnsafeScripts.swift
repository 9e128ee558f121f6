import HTTPLintCore

/// A CSP whose script sources leave cross-site scripting open.
struct CSPAllowsUnsafeScripts: Rule {
    static let description = RuleDescription(
        id: "csp-allows-unsafe-scripts",
        severity: .info,
        category: .security,
        summary: "Content-Security-Policy whose script sources allow any host (`*`, `https:`), plain http, `data:`, 'unsafe-eval', or 'unsafe-inline' without a nonce or hash",
        rationale: """
            CSP's main defence is against injected scripts (CSP Level 3 §1). Scripts are \
            governed by script-src, or default-src when there is none (the script-src \
            directive and the default-src fallback list). A source list with `*`, `https:` or `http:` lets \
            a page load script from any host an attacker can put a file on; `data:` lets \
            injected markup carry its own script; `http:` sources (and `http://` hosts) can \
            be rewritten on the network; 'unsafe-eval' lets strings become code (eval, \
            `new Function`); 'unsafe-inline' without a nonce or hash runs any inline script, \
            the very thing an injection produces (§6.7.3.2). Each undoes much of what the \
            policy was sent for. Nothing requires a strict policy, so this is advice. Not \
            reported: report-only policies (they enforce nothing), sources a stricter \
            enforced policy in the same response blocks (a script must pass every policy, \
            §8.1), hosts and 'unsafe-inline' next to 'strict-dynamic' (which makes browsers \
            ignore them, §8.2), and lists beside script-src-elem or script-src-attr, which \
            take over for elements and attributes (only 'unsafe-eval' is judged there).
            """,
        fix: "List the script origins you use with 'self', nonces or hashes, drop 'unsafe-eval', and use 'strict-dynamic' for loaders",
        spec: [SpecReference(document: "CSP Level 3", section: "script-src", url: "https://www.w3.org/TR/CSP3/#directive-script-src"),
               SpecReference(document: "CSP Level 3", section: "8.2 Usage of 'strict-dynamic'", url: "https://www.w3.org/TR/CSP3/#strict-dynamic-usage")],
        fields: [ContentSecurityPolicy.enforced],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: default-src * 'unsafe-eval'\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: default-src 'self'; script-src 'self' http://cdn.example\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src 'self' 'unsafe-inline'\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src 'self' data:\nContent-Length: 0\n\n", line: 2),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: object-src 'none'; script-src 'nonce-r4nd0m' 'strict-dynamic' 'unsafe-eval'\nContent-Length: 0\n\n", line: 2),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: default-src 'self'; img-src *\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src 'self' https://cdn.example 'sha256-AbCdEf0123456789AbCdEf0123456789AbCdEf01234='\nContent-Length: 0\n\n"),
            // Nonce plus 'strict-dynamic' with the usual fallbacks for older browsers.
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src 'nonce-r4nd0m' 'strict-dynamic' 'unsafe-inline' https: http:\nContent-Length: 0\n\n"),
            // 'unsafe-inline' beside a nonce is csp-unsafe-inline-ignored's business.
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src 'self' 'nonce-r4nd0m' 'unsafe-inline'\nContent-Length: 0\n\n"),
            // A second enforced policy blocks what the first allows.
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src *\nContent-Security-Policy: script-src 'self'\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy-Report-Only: script-src * 'unsafe-eval'\nContent-Length: 0\n\n"),
            // A policy about framing only says nothing about scripts.
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: frame-ancestors 'none'\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nContent-Security-Policy: script-src *; script-src-elem 'self'\nContent-Length: 0\n\n"),
        ]
    )

    /// What a script source list allows that injected script can use.
    enum Weakness: CaseIterable {
        case anyHost, plainHTTP, dataURL, eval, inline

        var text: String {
            switch self {
            case .anyHost: "scripts from any host"
            case .plainHTTP: "scripts over plain http"
            case .dataURL: "scripts from data: URLs"
            case .eval: "'unsafe-eval'"
            case .inline: "inline scripts ('unsafe-inline' without a nonce or hash)"
            }
        }
    }

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        let response = exchange.response
        var found: Set<Weakness>?
        var first: CSPPolicy?
        for policy in report.reading(CSPPolicies.self, of: response).all where !policy.isReportOnly {
            guard let weaknesses = Self.weaknesses(of: policy) else { continue }
            found = found.map { $0.intersection(weaknesses) } ?? weaknesses
            if first == nil { first = policy }
        }
        guard let found, let first, !found.isEmpty else { return }
        let listed = Weakness.allCases.filter(found.contains).map(\.text).joined(separator: ", ")
        report.add("\(first.fieldName) allows \(listed); an injected script can still run",
                   at: first.field.valueSpan, status: response.status)
    }

    /// The weaknesses of the list that governs scripts, or `nil` when the policy does not
    /// restrict scripts at all (no script-src and no default-src).
    static func weaknesses(of policy: CSPPolicy) -> Set<Weakness>? {
        // Browsers use the first directive of a name (CSP Level 3 §2.2.1).
        func first(_ name: String) -> CSPDirective? { policy.directives.first { $0.name == name } }
        guard let list = first("script-src") ?? first("default-src") else { return nil }
        let values = list.values.map { $0.asciiLowercased() }
        var weaknesses: Set<Weakness> = []
        if values.contains("'unsafe-eval'") { weaknesses.insert(.eval) }
        // script-src-elem and script-src-attr govern elements and attributes when present.
        if first("script-src-elem") != nil || first("script-src-attr") != nil { return weaknesses }
        if values.contains("'strict-dynamic'") { return weaknesses }
        if values.contains("'unsafe-inline'"), !list.values.contains(where: CSPUnsafeInlineIgnored.isNonceOrHash) {
            weaknesses.insert(.inline)
        }
        for value in values {
            if value == "*" || value == "https:" || value == "http:" { weaknesses.insert(.anyHost) }
            if value == "http:" || value.hasPrefix("http://") { weaknesses.insert(.plainHTTP) }
            if value == "data:" { weaknesses.insert(.dataURL) }
        }
        return weaknesses
    }
}
