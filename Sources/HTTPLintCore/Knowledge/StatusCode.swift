/// What httplint knows about one status code: its registration, the unofficial and vendor
/// uses met in the wild, and what a response with it needs. The entries live in
/// `StatusCodeTable.swift`; rules read them instead of hard-coding codes. A class, so that a
/// look-up hands out the shared entry instead of copying its strings and lists.
public final class StatusCode: Sendable {
    public let code: Int
    /// The IANA HTTP Status Code Registry entry, when the code is registered.
    public let registration: Registration?
    /// Uses outside the registry (vendors, conventions), possibly several for one code.
    public let unofficialUses: [UnofficialUse]
    /// Fields a response with this code must carry (a MUST in its definition), by name.
    public let requiredFields: [String]
    /// Fields a response with this code should carry (a SHOULD, or needed to be useful).
    public let recommendedFields: [String]
    /// Whether the response may have content (false for 1xx, 204, 205 and 304).
    public let contentAllowed: Bool
    /// Whether a cache may reuse it with heuristic freshness (RFC 9110 §15.1, "heuristically cacheable").
    public let cacheableByDefault: Bool
    /// Whether the response can only be judged with the request known (100, 206, 304, 412, 416, 417…).
    public let needsRequest: Bool

    public init(
        code: Int, registration: Registration?, unofficialUses: [UnofficialUse] = [],
        requiredFields: [String] = [], recommendedFields: [String] = [], contentAllowed: Bool = true,
        cacheableByDefault: Bool = false, needsRequest: Bool = false
    ) {
        self.code = code
        self.registration = registration
        self.unofficialUses = unofficialUses
        self.requiredFields = requiredFields
        self.recommendedFields = recommendedFields
        self.contentAllowed = contentAllowed
        self.cacheableByDefault = cacheableByDefault
        self.needsRequest = needsRequest
    }

    /// The registry entry of a code (a class, shared rather than copied with its strings).
    public final class Registration: Sendable {
        /// The registered reason phrase ("Content Too Large").
        public let phrase: String
        /// Phrases the code was registered with before ("Payload Too Large", "Request Entity Too Large").
        public let formerPhrases: [String]
        public let standing: Standing
        /// The defining specification and section.
        public let spec: SpecReference

        public init(_ phrase: String, spec: SpecReference, standing: Standing = .registered, formerPhrases: [String] = []) {
            self.phrase = phrase
            self.formerPhrases = formerPhrases
            self.standing = standing
            self.spec = spec
        }
    }

    /// A use of a code outside the registry.
    public struct UnofficialUse: Sendable {
        /// Who uses it: "nginx", "Cloudflare", "Microsoft IIS", "Twitter"…
        public let vendor: String
        /// The reason phrase it is sent with, or logged as.
        public let phrase: String
        /// What it means, in one sentence.
        public let meaning: String
        /// Where it is documented (a URL or a document name).
        public let reference: String
        /// Whether the vendor only writes it to its own logs and never sends it (nginx 444, 499…).
        public let isLogOnly: Bool

        public init(vendor: String, phrase: String, meaning: String, reference: String, isLogOnly: Bool = false) {
            self.vendor = vendor
            self.phrase = phrase
            self.meaning = meaning
            self.reference = reference
            self.isLogOnly = isLogOnly
        }
    }

    /// How a code stands.
    public enum Standing: String, Sendable {
        /// In the IANA registry, current.
        case registered
        /// In the IANA registry, but deprecated (305 Use Proxy).
        case deprecated
        /// Reserved in the registry, not to be used (306, 418).
        case reserved
        /// Not registered; a convention several products share.
        case unofficial
        /// Not registered; one vendor's own code.
        case vendorSpecific = "vendor-specific"
        /// Not registered; a vendor writes it to its logs and never sends it.
        case logOnly = "log-only"
    }

    /// The code's standing, from the registry first, then from its unofficial uses.
    public var standing: Standing {
        if let registration { return registration.standing }
        if !unofficialUses.isEmpty, unofficialUses.allSatisfy(\.isLogOnly) { return .logOnly }
        let vendors = Set(unofficialUses.map(\.vendor))
        return vendors.count == 1 ? .vendorSpecific : .unofficial
    }

    /// The class: 1 for 1xx … 5 for 5xx.
    public var statusClass: Int { code / 100 }

    /// Every reason phrase known for the code: registered, former, and unofficial.
    public var knownPhrases: [String] {
        (registration.map { [$0.phrase] + $0.formerPhrases } ?? []) + unofficialUses.map(\.phrase)
    }

    /// The entry for `code`, if httplint knows it.
    public static func lookup(_ code: Int) -> StatusCode? { table.indices.contains(code) ? table[code] : nil }

    /// Every known code, in order.
    public static var all: [StatusCode] { entries }

    /// Entries by code, 0 to 999 (a status code has three digits); the first entry of a code wins.
    static let table: [StatusCode?] = entries.reversed().reduce(into: [StatusCode?](repeating: nil, count: 1000)) { table, entry in
        if (0..<1000).contains(entry.code) { table[entry.code] = entry }
    }
}
