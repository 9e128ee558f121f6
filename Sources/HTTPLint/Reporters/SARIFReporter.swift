/// SARIF 2.1.0 (OASIS), as GitHub code scanning and other tools read it: every rule with its
/// summary, rationale, fix and spec link; every finding with its region as line and column
/// (code points) and as byte offset and length, and a stable fingerprint; every input as an
/// artifact, and an execution notification for each input that could not be read.
public struct SARIFReporter: Reporter {
    public init() {}

    public func render(_ input: InputReport) -> String { "" }

    public func finish(_ inputs: [InputReport]) -> String {
        let rules = RuleCatalogue.rules.map { $0.description }
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var files: [InputReport] = []
        for input in inputs where !files.contains(where: { $0.name == input.name }) { files.append(input) }
        let artifactIndex = Dictionary(files.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let artifacts: [JSON] = files.map { input in
            var members: [(String, JSON)] = [("location", .object([("uri", .string(Self.uri(input.name)))]))]
            if case .linted(let result) = input.outcome, input.part == nil { members.append(("length", .number(result.source.bytes.count))) }
            return .object(members)
        }
        let notifications: [JSON] = inputs.compactMap { input in
            guard case .failed(let reason) = input.outcome else { return nil }
            return .object([
                ("level", .string("error")),
                ("message", .object([("text", .string(reason))])),
                ("locations", .array([.object([("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(Self.uri(input.name)))])),
                ]))])])),
            ])
        }
        let results: [JSON] = inputs.flatMap(LocatedFinding.all).map { located in
            let finding = located.finding
            var region: [(String, JSON)] = [
                ("startLine", .number(located.line)),
                ("startColumn", .number(located.codePointColumn)),
                ("endLine", .number(located.endLine)),
                ("endColumn", .number(located.codePointEndColumn)),
                ("byteOffset", .number(located.offset)),
                ("byteLength", .number(finding.span.length)),
            ]
            if finding.span.length == 0 { region.removeSubrange(2...3) }
            var physical: [(String, JSON)] = [("artifactLocation", .object([("uri", .string(Self.uri(located.path))),
                                                                           ("index", .number(artifactIndex[located.path] ?? 0))]))]
            // A HAR entry's lines are those of the rebuilt response, not of the archive: no region.
            if located.part == nil { physical.append(("region", .object(region))) }
            var location: [(String, JSON)] = [("physicalLocation", .object(physical))]
            if let part = located.part {
                location.append(("logicalLocations", .array([.object([("fullyQualifiedName", .string(part)), ("kind", .string("entry"))])])))
            }
            var members: [(String, JSON)] = [
                ("ruleId", .string(finding.rule)),
            ]
            if let index = ruleIndex[finding.rule] { members.append(("ruleIndex", .number(index))) }
            members += [
                ("level", .string(Self.level(finding.severity))),
                ("message", .object([("text", .string(finding.message))])),
                ("locations", .array([.object(location)])),
            ]
            if let request = located.request {
                var region: [(String, JSON)] = [
                    ("startLine", .number(request.line)), ("startColumn", .number(request.column)),
                    ("endLine", .number(request.endLine)), ("endColumn", .number(request.endColumn)),
                    ("byteOffset", .number(request.offset)), ("byteLength", .number(request.length)),
                ]
                if request.length == 0 { region.removeSubrange(2...3) }
                // A probe's request is named "URL [step] request": its artifact is the URL.
                let path = request.path.components(separatedBy: " [").first ?? request.path
                var physical: [(String, JSON)] = [("artifactLocation", .object([("uri", .string(Self.uri(path)))]))]
                if located.part == nil { physical.append(("region", .object(region))) }
                members.append(("relatedLocations", .array([.object([
                    ("id", .number(1)),
                    ("physicalLocation", .object(physical)),
                    ("message", .object([("text", .string("the request bytes that obliged the server"))])),
                ])])))
            }
            members += [
                ("partialFingerprints", .object([("httplintFinding/v1", .string(located.fingerprint))])),
                ("properties", .object([("exchange", .number(finding.exchange)),
                                        ("status", finding.status.map(JSON.number) ?? .null)])),
            ]
            return .object(members)
        }
        let driver: JSON = .object([
            ("name", .string("httplint")),
            ("version", .string(HTTPLintVersion.current)),
            ("semanticVersion", .string(HTTPLintVersion.current)),
            ("rules", .array(rules.map(Self.rule))),
        ])
        let run: JSON = .object([
            ("tool", .object([("driver", driver)])),
            ("invocations", .array([.object([
                ("executionSuccessful", .bool(notifications.isEmpty)),
                ("toolExecutionNotifications", .array(notifications)),
            ])])),
            ("artifacts", .array(artifacts)),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        let document: JSON = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return document.rendered() + "\n"
    }

    private static func rule(_ d: RuleDescription) -> JSON {
        let spec = d.spec.map { "\($0) <\($0.url)>" }.joined(separator: ", ")
        var members: [(String, JSON)] = [
            ("id", .string(d.id)),
            ("shortDescription", .object([("text", .string(d.summary))])),
            ("fullDescription", .object([("text", .string(d.rationale))])),
            ("help", .object([("text", .string("\(d.fix). Spec: \(spec)"))])),
        ]
        if let first = d.spec.first { members.append(("helpUri", .string(first.url))) }
        members += [
            ("defaultConfiguration", .object([("level", .string(level(d.severity))), ("enabled", .bool(d.isEnabledByDefault))])),
            ("properties", .object([("tags", .array([.string(d.category.rawValue)]))])),
        ]
        return .object(members)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A path as a relative URI reference: bytes outside the unreserved set and `/` are
    /// percent-encoded.
    static func uri(_ path: String) -> String {
        // A probed server's URL is already a URI: its scheme's colon is kept.
        let lower = path.lowercased()
        if lower.hasPrefix("http://") { return "http://" + uri(String(path.dropFirst(7))).replacingColons() }
        var out = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || "-._~/".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + Printable.hex(byte)
            }
        }
        return out
    }
}

extension String {
    /// `%3A` back to `:` (the port of an authority).
    fileprivate func replacingColons() -> String {
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: "%3A") {
            out += rest[..<range.lowerBound] + ":"
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
