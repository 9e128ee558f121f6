import HTTPLintCore

/// A media type the IANA registry marks obsolete or as a deprecated alias, or a well-known
/// misspelling of a registered one.
struct DeprecatedMediaType: Rule {
    static let description = RuleDescription(
        id: "deprecated-media-type",
        severity: .info,
        category: .fields,
        summary: "Content-Type with an obsolete, deprecated or unregistered spelling of a common media type, such as application/x-javascript or text/json",
        rationale: """
            Media types are registered with IANA (RFC 6838), and RFC 9110 §8.3.1 names the \
            representation's type by them. A few common ones are sent under names the registry \
            retired or never had. JavaScript: RFC 9239 §6.1.1 makes text/javascript the one \
            type and lists application/javascript, application/x-javascript, \
            text/javascript1.0 to 1.5, text/jscript and text/livescript as its deprecated \
            aliases; §6.1.2 marks text/ecmascript obsolete (with application/ecmascript, \
            application/x-ecmascript and text/x-ecmascript its deprecated aliases). JSON's \
            type is application/json (RFC 8259 §11): text/json, text/x-json and \
            application/x-json were never registered. JPEG's is image/jpeg (RFC 2046 §4.2): \
            image/jpg is not registered. Browsers accept most of these, but strict clients, \
            content negotiation and X-Content-Type-Options: nosniff checks match the registered \
            name. Only this small table is judged; the facts are those of the IANA media types \
            registry and the RFCs named. Opt-in: application/javascript is still what common \
            server configurations send for .js files (the mime.types of nginx and Apache \
            httpd), and browsers run it.
            """,
        fix: "Send the registered type: text/javascript for scripts, application/json for JSON, image/jpeg for JPEG",
        spec: [SpecReference(rfc: 9239, section: "6.1.1"), SpecReference(rfc: 9239, section: "6.1.2"), SpecReference(rfc: 8259, section: "11"),
               SpecReference(rfc: 2046, section: "4.2"), .rfc9110("8.3.1"), SpecReference(rfc: 6838, section: "3")],
        fields: ["Content-Type"],
        runsWhen: .anyFieldPresent,
        isEnabledByDefault: false,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/x-javascript\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/javascript; charset=utf-8\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: Text/JSON\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: image/jpg\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/javascript; charset=utf-8\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/json\nContent-Length: 0\n\n"),
            // Registered: JSON-based and XML types, and text/xml (RFC 7303 §9.2).
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: application/geo+json\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: text/xml\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nContent-Type: image/jpeg\nContent-Length: 0\n\n"),
        ]
    )

    /// The judged types (lowercase `type/subtype`), the registered one to use, and why.
    /// The ``table`` entry of `type/subtype`, found without building the key: the table's
    /// keys split at their only slash (types and subtypes are tokens, which hold none), compared
    /// subtype first (most media types share no subtype with the table).
    static func entry(type: String, subtype: String) -> (use: String, why: String)? {
        for pair in pairs where pair.subtype == subtype && pair.type == type { return pair.entry }
        return nil
    }

    /// The ``table`` as type, subtype and entry.
    static let pairs: [(type: String, subtype: String, entry: (use: String, why: String))] = table.keys.sorted().map { key in
        let slash = key.utf8.firstIndex(of: UInt8(ascii: "/"))!
        return (String(key[..<slash]), String(key[key.utf8.index(after: slash)...]), table[key]!)
    }

    static let table: [String: (use: String, why: String)] = {
        var table: [String: (use: String, why: String)] = [:]
        let javascript = "a deprecated alias of text/javascript (RFC 9239 §6.1.1)"
        for name in ["application/javascript", "application/x-javascript", "text/jscript", "text/livescript"]
            + (0...5).map({ "text/javascript1.\($0)" }) {
            table[name] = ("text/javascript", javascript)
        }
        for name in ["application/ecmascript", "application/x-ecmascript", "text/x-ecmascript"] {
            table[name] = ("text/javascript", "a deprecated alias of text/ecmascript, itself obsolete (RFC 9239 §6.1.2)")
        }
        table["text/ecmascript"] = ("text/javascript", "obsolete in favour of text/javascript (RFC 9239 §6.1.2)")
        for name in ["text/json", "text/x-json", "application/x-json"] {
            table[name] = ("application/json", "not registered; JSON is application/json (RFC 8259 §11)")
        }
        table["image/jpg"] = ("image/jpeg", "not registered; JPEG is image/jpeg (RFC 2046 §4.2)")
        return table
    }()

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            for line in report.reading(ContentTypes.self, of: response).all {
                guard let mediaType = line.mediaType, let entry = Self.entry(type: mediaType.type, subtype: mediaType.subtype) else { continue }
                report.add("Content-Type \(mediaType.type)/\(mediaType.subtype) is \(entry.why): send \(entry.use)",
                           at: line.field.valueSpan, status: response.status,
                           fix: "Send `Content-Type: \(entry.use)` (with its parameters)")
            }
        }
    }
}
