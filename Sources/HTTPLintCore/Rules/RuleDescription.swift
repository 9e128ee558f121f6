/// Everything about a rule that is not its check: the data that `httplint rules`,
/// `httplint explain`, the README's table and the generic example test are made from.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id that says what is wrong (`redirect-without-location`).
    public let id: String
    public let severity: Severity
    public let category: Category
    /// One line, no final period.
    public let summary: String
    /// Why it matters: what the specification requires and what breaks otherwise.
    public let rationale: String
    /// One line telling how to fix it.
    public let fix: String
    /// The sections of the specifications that the rule enforces; the first is the main one.
    public let spec: [SpecReference]
    /// The fields whose values or presence the rule checks by name (`["Content-Range"]`), for
    /// the per-field table of the rule documentation; empty for rules that are not about named
    /// fields. Generic rules driven by the field table (a singleton repeated, a bad
    /// structured-field value) leave it empty: the table says which fields they cover.
    public let fields: [String]
    /// When the linter runs the rule: on every exchange, or only on those where a field of
    /// ``fields`` is present.
    public let runsWhen: RunCondition
    /// Whether the rule can only judge with the request known (it is silent without it).
    public let needsRequest: Bool
    /// Whether the rule runs in the default (`recommended`) profile; opt-in rules run with
    /// the `all` and `strict` profiles.
    public let isEnabledByDefault: Bool
    /// Who reports the rule's findings when no check of exchanges does: an input reader that
    /// notes something about the input itself (the packet-capture reader's missing bytes),
    /// `nil` for every rule the linter runs. Such a rule is catalogued like the others, so that
    /// `explain`, `--ignore`, the configuration and SARIF know it; the linter does not run it.
    /// Its examples may be empty when its input cannot be written as text (a capture is
    /// binary): its rationale says so, and the reader's tests exercise it instead.
    public let reportedBy: String?
    /// Inputs that must trigger the rule.
    public let triggering: [Example]
    /// Near-misses that must not trigger it.
    public let nonTriggering: [Example]

    public init(
        id: String, severity: Severity, category: Category, summary: String, rationale: String,
        fix: String, spec: [SpecReference], fields: [String] = [], runsWhen: RunCondition = .always,
        needsRequest: Bool = false,
        isEnabledByDefault: Bool = true, reportedBy: String? = nil, triggering: [Example], nonTriggering: [Example]
    ) {
        self.id = id
        self.severity = severity
        self.category = category
        self.summary = summary
        self.rationale = rationale
        self.fix = fix
        self.spec = spec
        self.fields = fields
        self.runsWhen = runsWhen
        self.needsRequest = needsRequest
        self.isEnabledByDefault = isEnabledByDefault
        self.reportedBy = reportedBy
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }

    /// When a rule has anything to say.
    public enum RunCondition: Sendable, Equatable {
        /// On every exchange (rules that report a missing field, or read the status line,
        /// the framing or every field generically).
        case always
        /// Only on exchanges where at least one field named in ``RuleDescription/fields``
        /// appears, in the request, an interim or the final response, or a trailer section.
        /// A rule declares this only when every finding it can report is about one of those
        /// fields being present; the linter then skips it on other exchanges, which is most
        /// of the time saved on large inputs. A test lints every example and sample with and
        /// without the skipping and requires the same findings.
        case anyFieldPresent
        /// Only on exchanges where at least one of these fields appears (anywhere, as for
        /// ``anyFieldPresent``): for rules that walk every field generically but report only
        /// table fields of one kind (deprecated ones, request fields, structured fields). The
        /// names gate the rule; they are not the rule's ``RuleDescription/fields``, which name
        /// the fields a rule checks specifically.
        case anyOf([String])
    }

    /// The fields one of which must be present for the rule to run; `nil` when it always runs.
    public var gateFields: [String]? {
        switch runsWhen {
        case .always: nil
        case .anyFieldPresent: fields
        case .anyOf(let names): names
        }
    }

    /// A group of rules, as the folders of `Rules/` are.
    public struct Category: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Status codes and what must come with them.
        public static let status = Self(rawValue: "status")
        /// Message syntax and framing (RFC 9112).
        public static let framing = Self(rawValue: "framing")
        /// Field values and where fields may appear.
        public static let fields = Self(rawValue: "fields")
        /// Caching (RFC 9111 and its extensions).
        public static let caching = Self(rawValue: "caching")
        /// Security-related fields (HSTS, CORS, cookies, content sniffing).
        public static let security = Self(rawValue: "security")
        /// The content as sent: whether it decodes with its content codings. Like framing, it
        /// can only be judged on the bytes a server sent, not on content a tool decoded.
        public static let content = Self(rawValue: "content")
        /// The request the server received, and what the server did with it: rules that need
        /// the request (`Rules/Requests/`).
        public static let requests = Self(rawValue: "requests")
        /// What a packet capture says about itself and its connections (bytes never
        /// captured, a connection begun before the capture): reported by the capture reader
        /// (`Rules/Capture/`).
        public static let capture = Self(rawValue: "capture")

        /// Whether the category's rules judge bytes exactly as sent (framing and content), so
        /// that inputs rebuilt from decoded parts (HAR entries, a URL loader's response) cannot
        /// support them.
        public var needsBytesAsSent: Bool { self == .framing || self == .content }
    }
}

/// A section of an RFC, or of another specification (WHATWG Fetch, an Internet-Draft).
public struct SpecReference: Sendable, Hashable, CustomStringConvertible {
    /// The RFC number; 0 for another document.
    public let rfc: Int
    /// The section number, such as `"15.5.2"`, or the section's name in another document.
    public let section: String
    /// The name of a document that is not an RFC ("Fetch").
    public let document: String?
    private let link: String?

    public init(rfc: Int, section: String) {
        self.rfc = rfc
        self.section = section
        self.document = nil
        self.link = nil
    }

    /// A section of a specification that is not an RFC.
    ///
    /// ```swift
    /// SpecReference(document: "Fetch", section: "CORS check", url: "https://fetch.spec.whatwg.org/#cors-check")
    /// ```
    public init(document: String, section: String, url: String) {
        self.rfc = 0
        self.section = section
        self.document = document
        self.link = url
    }

    /// RFC 9110, HTTP Semantics.
    public static func rfc9110(_ section: String) -> Self { Self(rfc: 9110, section: section) }
    /// RFC 9112, HTTP/1.1.
    public static func rfc9112(_ section: String) -> Self { Self(rfc: 9112, section: section) }

    /// `RFC 9110 §15.5.2`, or `Fetch: CORS check`.
    public var description: String {
        var text = TextBuilder(capacity: 32)
        writeDescription(into: &text)
        return text.string
    }

    /// The section on rfc-editor.org (appendices, whose numbers start with a letter, are
    /// `#appendix-B.1` there), or the document's link.
    public var url: String {
        if let link { return link }
        var text = TextBuilder(capacity: 64)
        writeURL(into: &text)
        return text.string
    }

    /// Adds ``description`` to `text` (a report asks for it with every finding: no string
    /// is made for it).
    public func writeDescription(into text: inout TextBuilder) {
        if let document {
            text.add(document); text.add(": ")
        } else {
            text.add("RFC "); text.add(rfc); text.add(" §")
        }
        text.add(section)
    }

    /// Adds ``url`` to `text`.
    public func writeURL(into text: inout TextBuilder) {
        if let link { text.add(link); return }
        text.add("https://www.rfc-editor.org/rfc/rfc"); text.add(rfc)
        let first = (section.utf8.first ?? 0) | 0x20
        text.add(first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") ? "#appendix-" : "#section-")
        text.add(section)
    }
}

/// A raw response (and optionally its request) used to test and document a rule.
public struct Example: Sendable {
    private let storage: Storage
    public let request: [UInt8]?
    /// For a triggering example, the 1-based line the finding must point at, when given.
    public let line: Int?
    /// Where the example is written, so that a failing example points at itself.
    public let file: String
    public let sourceLine: Int
    /// The protocol version the example's exchange is recorded in (``Exchange/recordedVersion``):
    /// for rules about HTTP/2 or HTTP/3 entries of a HAR, which are rebuilt as HTTP/1.1 text.
    public let recordedVersion: String?

    private enum Storage: Sendable {
        case bytes([UInt8])
        /// Made when asked for: a megabyte-sized example must not cost every run that only
        /// reads the rule's id.
        case generated(@Sendable () -> [UInt8])
    }

    /// The response bytes.
    public var response: [UInt8] {
        switch storage {
        case .bytes(let bytes): bytes
        case .generated(let make): make()
        }
    }

    /// An example written with `\n` line endings, which become CRLF (in the request too).
    ///
    /// - Parameters:
    ///   - response: the response text; each `\n` becomes CRLF.
    ///   - request: the request it answers, if the rule needs it.
    ///   - line: the line the finding must point at (triggering examples only).
    public init(_ response: String, request: String? = nil, line: Int? = nil,
                file: String = #filePath, sourceLine: Int = #line) {
        self.init(storage: .bytes(Self.crlf(response)), request: request.map(Self.crlf), line: line,
                  file: file, sourceLine: sourceLine)
    }

    /// An example whose bytes are taken exactly as written (for bare LF, bare CR and the like).
    public static func raw(_ response: String, request: String? = nil, line: Int? = nil,
                           file: String = #filePath, sourceLine: Int = #line) -> Example {
        Example(storage: .bytes(Array(response.utf8)), request: request.map(Self.crlf), line: line,
                file: file, sourceLine: sourceLine)
    }

    /// An example whose response is written like ``init(_:request:line:file:sourceLine:)`` and
    /// whose request is taken exactly as written (a bare LF or a tab in the request).
    public static func rawRequest(_ response: String, request: String, line: Int? = nil,
                                  file: String = #filePath, sourceLine: Int = #line) -> Example {
        Example(storage: .bytes(crlf(response)), request: Array(request.utf8), line: line, file: file, sourceLine: sourceLine)
    }

    /// An example whose head is written like ``init(_:request:line:file:sourceLine:)`` (each
    /// `\n` becomes CRLF) and whose content follows byte for byte: compressed data, say.
    public static func withContent(_ head: String, _ content: [UInt8], request: String? = nil, line: Int? = nil,
                                   file: String = #filePath, sourceLine: Int = #line) -> Example {
        Example(storage: .bytes(crlf(head) + content), request: request.map(Self.crlf), line: line,
                file: file, sourceLine: sourceLine)
    }

    /// A large example written like ``init(_:request:line:file:sourceLine:)`` but made only
    /// when a test or the documentation asks for its bytes.
    public static func generated(line: Int? = nil, file: String = #filePath, sourceLine: Int = #line,
                                 _ make: @escaping @Sendable () -> String) -> Example {
        Example(storage: .generated { crlf(make()) }, request: nil, line: line, file: file, sourceLine: sourceLine)
    }

    /// An example written like ``init(_:request:line:file:sourceLine:)`` whose exchange an input
    /// recorded in `version` (`h2`, `h3`) and rebuilt as the HTTP/1.1 text given, as a HAR entry is.
    public static func recorded(_ version: String, _ response: String, request: String? = nil, line: Int? = nil,
                                file: String = #filePath, sourceLine: Int = #line) -> Example {
        Example(storage: .bytes(crlf(response)), request: request.map(Self.crlf), line: line, file: file, sourceLine: sourceLine,
                recordedVersion: version)
    }

    private init(storage: Storage, request: [UInt8]?, line: Int?, file: String, sourceLine: Int, recordedVersion: String? = nil) {
        self.recordedVersion = recordedVersion
        self.storage = storage
        self.request = request
        self.line = line
        self.file = file
        self.sourceLine = sourceLine
    }

    private static func crlf(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 16)
            for byte in bytes {
                if byte == ASCII.lf { out.append(ASCII.cr) }
                out.append(byte)
            }
            return out
        }
    }
}
