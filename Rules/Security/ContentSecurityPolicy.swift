import HTTPLintCore

/// One serialized CSP from a Content-Security-Policy or -Report-Only field, parsed the way
/// CSP Level 3 §2.2.1 ("Parse a serialized CSP") parses it, but keeping repeated directives.
struct CSPPolicy {
    /// The field line the policy came from, and its name as registered.
    let field: Field
    let fieldName: String
    /// Every directive in order, repeats included (browsers keep only the first of a name).
    let directives: [CSPDirective]

    var isReportOnly: Bool { fieldName == ContentSecurityPolicy.reportOnly }
}

struct CSPDirective {
    /// The name lowercased (directive names are case-insensitive).
    let name: String
    /// The name as written.
    let writtenName: String
    /// The value split on ASCII whitespace.
    let values: [String]
}

/// The policies of a response, read once for all the CSP rules.
final class CSPPolicies: ResponseReading {
    let all: [CSPPolicy]
    init(_ response: Response) { all = ContentSecurityPolicy.policies(in: response) }
}

/// Reading of the Content-Security-Policy fields (CSP Level 3 §3.1, §3.2): each field value is
/// a comma-separated list of policies, each policy a `;`-separated list of directives.
enum ContentSecurityPolicy {
    static let enforced = "Content-Security-Policy"
    static let reportOnly = "Content-Security-Policy-Report-Only"

    /// Every policy in the response's CSP fields, in order (rules read them once per response
    /// through ``CSPPolicies``).
    static func policies(in response: Response) -> [CSPPolicy] {
        [enforced, reportOnly].flatMap { name in
            response.fields.named(name).flatMap { field in
                field.listElements.map { CSPPolicy(field: field, fieldName: name, directives: directives(of: $0)) }
            }
        }
    }

    /// ASCII whitespace (Infra): TAB, LF, FF, CR, SPACE.
    static func isASCIIWhitespace(byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// CSP3 §2.2.1 steps 3.1-3.7: split on ";", trim, skip empty and non-ASCII tokens, take
    /// the name up to whitespace (lowercased) and split the rest on whitespace.
    static func directives(of policy: String) -> [CSPDirective] {
        // Read as bytes: whitespace is ASCII, so a token with a non-ASCII byte is skipped whole.
        policy.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).compactMap { part in
            guard part.allSatisfy({ $0 < 0x80 }) else { return nil }
            let words = part.split(whereSeparator: { isASCIIWhitespace(byte: $0) }).map { String(decoding: $0, as: UTF8.self) }
            guard let name = words.first else { return nil }
            return CSPDirective(name: name.asciiLowercased(), writtenName: name, values: Array(words.dropFirst()))
        }
    }

    /// Directives whose value is a source list (CSP3 §2.3.1): the fetch directives, and the
    /// document and navigation directives that take sources.
    static let sourceListDirectives: Set<String> = [
        "child-src", "connect-src", "default-src", "font-src", "frame-src", "img-src", "manifest-src", "media-src",
        "object-src", "script-src", "script-src-elem", "script-src-attr", "style-src", "style-src-elem",
        "style-src-attr", "worker-src", "base-uri", "form-action", "frame-ancestors", "prefetch-src", "navigate-to",
        "fenced-frame-src",
    ]

    /// Every directive CSP Level 3 defines, those other specifications define, and the
    /// deprecated or removed ones still met in deployed policies.
    static let knownDirectives: Set<String> = sourceListDirectives.union([
        // CSP3 §6.2-§6.5
        "webrtc", "sandbox", "report-uri", "report-to",
        // Mixed Content, Upgrade Insecure Requests, Trusted Types
        "block-all-mixed-content", "upgrade-insecure-requests", "require-trusted-types-for", "trusted-types",
        // CSP2 and earlier drafts, removed since, and vendor or incubated ones
        "plugin-types", "referrer", "reflected-xss", "disown-opener", "require-sri-for", "treat-as-public-address",
    ])
}
