import HTTPLintCore

/// Link values must be `<URI>` with parameters, one rel each.
struct InvalidLink: Rule {
    static let description = RuleDescription(
        id: "invalid-link",
        severity: .error,
        category: .fields,
        summary: "Link value that does not parse, has no rel, or repeats rel, title, title*, type or media",
        rationale: """
            RFC 8288 §3: `Link = #link-value`, `link-value = "<" URI-Reference ">" *( OWS ";" \
            OWS link-param )`, `link-param = token BWS [ "=" BWS ( token / quoted-string ) ]`. \
            §3.3: "The rel parameter MUST be present but MUST NOT appear more than once in a \
            given link-value", and its value is relation types separated by spaces, each a \
            registered name (lowercase letters, digits, `.`, `-`) or an absolute URI; §3.4.1 \
            says the same of title, title*, type and media. Recipients ignore the repeats, and \
            a link without rel says nothing, so preload hints, pagination and canonical links \
            are lost.
            """,
        fix: "Write each link as `<https://example.com/next>; rel=\"next\"`, with one rel, and separate links with commas",
        spec: [SpecReference(rfc: 8288, section: "3"), SpecReference(rfc: 8288, section: "3.3"),
               SpecReference(rfc: 8288, section: "3.4.1")],
        fields: ["Link"],
        runsWhen: .anyFieldPresent,
        triggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nLink: /style.css; rel=preload\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nLink: </style.css>; as=style\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nLink: </page/2>; rel=next; rel=last\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nLink: </a b.css>; rel=preload\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nLink: </page/2>; rel=\"next_page\"\nContent-Length: 0\n\n", line: 3),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nLink: </page/2>; rel=next; title=\"unclosed\nContent-Length: 0\n\n", line: 3),
        ],
        nonTriggering: [
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nLink: <http://example.com/TheBook/chapter2>; rel=\"previous\"; title=\"previous chapter\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nLink: </>; rel=\"http://example.net/foo\", </a,b>; rel=\"start http://example.net/relation/other\"; title=\"x, y; z\"\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nLink: </font.woff2>; rel=preload; as=font; crossorigin, <https://cdn.example>; rel=preconnect\nContent-Length: 0\n\n"),
            Example("HTTP/1.1 200 OK\nDate: Sun, 06 Nov 1994 08:49:37 GMT\nLink: <https://example.org/>; rel=\"start\"; hreflang=en; hreflang=de ; type = \"text/html\"\nContent-Length: 0\n\n"),
        ]
    )

    /// Link parameters that may appear once per link-value (RFC 8288 §3.3, §3.4.1).
    static let once: Set<String> = ["rel", "title", "title*", "type", "media"]

    /// One link-value: its target and parameters.
    struct LinkValue {
        let target: String
        let parameters: [WrittenParameter]
    }

    /// Parses a Link field value into its link-values; commas inside `<>` and quoted strings
    /// do not split.
    static func parse(_ bytes: [UInt8]) -> Result<[LinkValue], ParameterProblem> {
        var scanner = ParameterScanner(bytes)
        var links: [LinkValue] = []
        while true {
            scanner.skipWhitespace()
            if scanner.isAtEnd { return .success(links) }
            if scanner.peek == 0x2C {
                scanner.index += 1
                continue
            }
            guard scanner.peek == 0x3C else {
                return .failure(ParameterProblem("a link must start with '<' and its URI (found \(scanner.found))"))
            }
            guard let close = scanner.bytes[scanner.index...].firstIndex(of: 0x3E) else {
                return .failure(ParameterProblem("the '<' of a link URI is never closed by '>'"))
            }
            let target = String(decoding: scanner.bytes[(scanner.index + 1)..<close], as: UTF8.self)
            scanner.index = close + 1
            switch scanner.parameters(valueRequired: false, spaceAroundEquals: true, stopAtComma: true) {
            case .failure(let problem): return .failure(problem)
            case .success(let parameters): links.append(LinkValue(target: target, parameters: parameters))
            }
        }
    }

    func check(_ exchange: Exchange, _ report: inout FindingReporter) {
        for response in exchange.responses {
            for field in response.fields.named(.link) {
                let links: [LinkValue]
                switch Self.parse(field.valueUTF8) {
                case .failure(let problem):
                    report.add("Link '\(Printable.escape(field.value))' does not parse: \(problem.description)",
                               at: field.valueSpan, status: response.status)
                    continue
                case .success(let parsed):
                    links = parsed
                }
                for link in links {
                    for problem in Self.problems(in: link) {
                        report.add("Link <\(Printable.escape(link.target))>: \(problem)", at: field.valueSpan, status: response.status)
                    }
                }
            }
        }
    }

    static func problems(in link: LinkValue) -> [String] {
        var problems: [String] = []
        if let problem = URIReference.problem(in: link.target) {
            problems.append("the target is not a URI reference: \(problem)")
        }
        var counts: [String: Int] = [:]
        for parameter in link.parameters { counts[parameter.key, default: 0] += 1 }
        for name in once.sorted() where counts[name, default: 0] > 1 {
            problems.append("\(name) appears \(counts[name]!) times; recipients ignore all but the first")
        }
        guard let rel = link.parameters.first(where: { $0.key == "rel" }) else {
            problems.append("it has no rel parameter, so it names no relation")
            return problems
        }
        for type in rel.text.split(separator: " ") where !isRelationType(String(type)) {
            problems.append("rel member '\(Printable.escape(String(type)))' is neither a registered relation name nor an absolute URI")
        }
        if rel.text.split(separator: " ").isEmpty {
            problems.append("its rel parameter is empty")
        }
        return problems
    }

    /// `reg-rel-type = LOALPHA *( LOALPHA / DIGIT / "." / "-" )` (compared case-insensitively,
    /// RFC 8288 §2.1.1) or `ext-rel-type = URI`.
    static func isRelationType(_ text: String) -> Bool {
        let bytes = Array(text.asciiLowercased().utf8)
        let isLetter: (UInt8) -> Bool = { $0 >= 0x61 && $0 <= 0x7A }
        if let first = bytes.first, isLetter(first),
           bytes.allSatisfy({ isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }) {
            return true
        }
        // An absolute URI: a scheme, a colon, and a valid URI reference.
        guard let colon = bytes.firstIndex(of: 0x3A), colon > 0 else { return false }
        return URIReference.problem(in: text) == nil
            && !bytes[..<colon].contains(where: { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 })
    }
}
