import HTTPLintCore

/// One serialized CSP from a Content-Security-Policy or -Report-Only field, parsed the way
/// CSP Level 3 §2.2.1 ("Parse a serialized CSP") parses it, but keeping repeated directives.
/// A class: the CSP rules iterate the policies, and each copy of a struct retained every
/// reference in its field and directives; a class is one retain.
final class CSPPolicy {
    /// The field line the policy came from, and its name as registered.
    let field: Field
    let fieldName: String
    /// Every directive in order, repeats included (browsers keep only the first of a name).
    let directives: [CSPDirective]

    init(field: Field, fieldName: String, directives: [CSPDirective]) {
        self.field = field
        self.fieldName = fieldName
        self.directives = directives
    }

    var isReportOnly: Bool { fieldName == ContentSecurityPolicy.reportOnly }
}

extension CSPPolicy {
    /// Whether the policy has a directive called `name` (lowercase).
    func has(_ name: String) -> Bool { directives.contains { $0.name == name } }

    /// The first directive called `name` (lowercase): the one browsers use (CSP3 §2.2.1).
    func first(_ name: String) -> CSPDirective? { directives.first { $0.name == name } }

    /// Whether any directive governs scripts (script-src, its -elem and -attr forms, or default-src).
    var restrictsScripts: Bool {
        directives.contains { ["script-src", "script-src-elem", "script-src-attr", "default-src"].contains($0.name) }
    }
}

struct CSPDirective {
    /// The name lowercased (directive names are case-insensitive).
    let name: String
    /// The name as written.
    let writtenName: String
    /// The value split on ASCII whitespace.
    let values: [String]
    /// Whether the name is one of ``ContentSecurityPolicy/knownDirectives``, and whether its
    /// value is a source list (``ContentSecurityPolicy/sourceListDirectives``): looked up once
    /// here for every rule.
    let isKnown: Bool
    let isSourceList: Bool

    init(name: String, writtenName: String, values: [String]) {
        self.name = name
        self.writtenName = writtenName
        self.values = values
        let kind = ContentSecurityPolicy.directiveKinds[name]
        isKnown = kind != nil
        isSourceList = kind ?? false
    }
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

    /// The two fields and their table places (found by place, not by name).
    static let fields = [(enforced, TableField(enforced)), (reportOnly, TableField(reportOnly))]

    /// Every policy in the response's CSP fields, in order (rules read them once per response
    /// through ``CSPPolicies``).
    static func policies(in response: Response) -> [CSPPolicy] {
        var policies: [CSPPolicy] = []
        for (name, tableField) in Self.fields {
            for field in response.fields.named(tableField) {
                // The list elements read in place rather than as strings (field.listElements):
                // the directive reader reads UTF-8 bytes, and only non-ASCII bytes differ
                // between the received ones and those of the decoded text, and either way
                // they make their directive skipped.
                let value = field.readValueBytes
                ListSyntax.forEachElement(of: value) { range in
                    let read = value[range].withUnsafeBufferPointer { Self.directives(in: $0) }
                    policies.append(CSPPolicy(field: field, fieldName: name, directives: read))
                }
            }
        }
        return policies
    }

    /// ASCII whitespace (Infra): TAB, LF, FF, CR, SPACE.
    static func isASCIIWhitespace(byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// CSP3 §2.2.1 steps 3.1-3.7: split on ";", trim, skip empty and non-ASCII tokens, take
    /// the name up to whitespace (lowercased) and split the rest on whitespace.
    static func directives(of policy: String) -> [CSPDirective] {
        // Read as bytes, in one pass: whitespace and ";" are ASCII, so a token with a
        // non-ASCII byte is skipped whole.
        var policy = policy
        return policy.withUTF8 { directives(in: $0) }
    }

    /// ``directives(of:)`` of a policy given as its UTF-8 bytes.
    static func directives(in bytes: UnsafeBufferPointer<UInt8>) -> [CSPDirective] {
        var directives: [CSPDirective] = []
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
            if let directive = directive(in: UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                directives.append(directive)
            }
            start = end + 1
        }
        return directives
    }

    /// One `;`-separated part: its first word is the name, the others its values; `nil` for a
    /// part without words or with a non-ASCII byte.
    private static func directive(in part: UnsafeBufferPointer<UInt8>) -> CSPDirective? {
        var name: String?
        var values: [String] = []
        var index = 0
        while index < part.count {
            if isASCIIWhitespace(byte: part[index]) {
                index += 1
                continue
            }
            let start = index
            while index < part.count, !isASCIIWhitespace(byte: part[index]) {
                if part[index] >= 0x80 { return nil }
                index += 1
            }
            let word = String(decoding: UnsafeBufferPointer(rebasing: part[start..<index]), as: UTF8.self)
            if name == nil { name = word } else { values.append(word) }
        }
        guard let name else { return nil }
        return CSPDirective(name: name.asciiLowercased(), writtenName: name, values: values)
    }

    /// Directives whose value is a source list (CSP3 §2.3.1): the fetch directives, and the
    /// document and navigation directives that take sources.
    static let sourceListDirectives: Set<String> = [
        "child-src", "connect-src", "default-src", "font-src", "frame-src", "img-src", "manifest-src", "media-src",
        "object-src", "script-src", "script-src-elem", "script-src-attr", "style-src", "style-src-elem",
        "style-src-attr", "worker-src", "base-uri", "form-action", "frame-ancestors", "prefetch-src", "navigate-to",
        "fenced-frame-src",
    ]

    /// Each known directive and whether it takes a source list: both questions in one look-up.
    static let directiveKinds: [String: Bool] = Dictionary(uniqueKeysWithValues: knownDirectives.map {
        ($0, sourceListDirectives.contains($0))
    })

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
