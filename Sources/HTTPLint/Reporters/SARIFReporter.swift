import Foundation

/// SARIF 2.1.0 (OASIS), as GitHub code scanning and other tools read it: every rule with its
/// summary, rationale, fix and spec link; every finding with its region as line and column
/// (code points) and as byte offset and length, and a stable fingerprint; every input as an
/// artifact, and an execution notification for each input that could not be read.
/// SARIF 2.1.0 (OASIS), as GitHub code scanning and other tools read it: every rule with its
/// name, summary, rationale, help (text and Markdown with the fix and examples) and a link to
/// its documentation; every finding with its region as line and column (code points) and as
/// byte offset and length, and a stable fingerprint; every input as an artifact, and an
/// execution notification for each input that could not be read.
///
/// Paths are URIs relative to `%SRCROOT%`, the working directory (declared in
/// `originalUriBaseIds`), so that code scanning maps results to the repository's files; a path
/// outside it is an absolute `file://` URI, and standard input is `stdin` unless
/// `--stdin-filename` names it. A HAR entry's findings point at the entry's line in the archive
/// and name the entry as a logical location.
public struct SARIFReporter: Reporter {
    /// The directory `%SRCROOT%` stands for, absolute.
    public let workingDirectory: String

    /// - Parameter workingDirectory: what relative paths are relative to; the current
    ///   directory when `nil`.
    public init(workingDirectory: String? = nil) {
        self.workingDirectory = workingDirectory ?? FileManager.default.currentDirectoryPath
    }

    public func render(_ input: InputReport) -> String { "" }

    /// Every rule's metadata (help text with its rendered examples), made once per process:
    /// it is the same in every report, and rendering it costs more than a small run.
    private static let ruleObjects: [JSON] = RuleCatalogue.rules.map { rule($0.description) }

    public func finish(_ inputs: [InputReport]) -> String {
        let rules = RuleCatalogue.rules.map { $0.description }
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var files: [InputReport] = []
        var artifactIndex: [String: Int] = [:]
        for input in inputs where artifactIndex[input.name] == nil {
            artifactIndex[input.name] = files.count
            files.append(input)
        }
        let artifacts: [JSON] = files.map { input in
            var members: [(String, JSON)] = [("location", .object(artifactLocation(input.name)))]
            if case .linted(let result) = input.outcome, input.part == nil { members.append(("length", .number(result.source.bytes.count))) }
            return .object(members)
        }
        let notifications: [JSON] = inputs.compactMap { input in
            guard case .failed(let reason) = input.outcome else { return nil }
            return .object([
                ("level", .string("error")),
                ("message", .object([("text", JSONReporter.text(reason))])),
                ("locations", .array([.object([("physicalLocation", .object([
                    ("artifactLocation", .object(artifactLocation(input.name))),
                ]))])])),
            ])
        }
        // Each input's location, made once rather than once per finding.
        var locations: [String: [(String, JSON)]] = [:]
        for input in files { locations[input.name] = artifactLocation(input.name) + [("index", .number(artifactIndex[input.name]!))] }
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
            var physical: [(String, JSON)] = [("artifactLocation", .object(locations[located.path]
                ?? artifactLocation(located.path) + [("index", .number(0))]))]
            if located.part == nil {
                physical.append(("region", .object(region)))
            } else if let line = located.partLine {
                // A HAR entry's lines are those of the rebuilt response: the region is the
                // entry's line in the archive.
                physical.append(("region", .object([("startLine", .number(line))])))
            }
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
                ("message", .object([("text", .string(Printable.showingUndecodedBytes(finding.message)))])),
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
                var physical: [(String, JSON)] = [("artifactLocation", .object(artifactLocation(path)))]
                if located.part == nil { physical.append(("region", .object(region))) }
                members.append(("relatedLocations", .array([.object([
                    ("id", .number(1)),
                    ("physicalLocation", .object(physical)),
                    ("message", .object([("text", .string("the request bytes that obliged the server"))])),
                ])])))
            }
            members += [
                ("partialFingerprints", .object([("httplintFinding/v2", .string(located.fingerprint))])),
                ("properties", .object([("exchange", .number(finding.exchange)),
                                        ("status", finding.status.map(JSON.number) ?? .null)])),
            ]
            return .object(members)
        }
        let driver: JSON = .object([
            ("name", .string("httplint")),
            ("version", .string(HTTPLintVersion.current)),
            ("semanticVersion", .string(HTTPLintVersion.current)),
            ("informationUri", .string(HTTPLintVersion.repository)),
            ("rules", .array(Self.ruleObjects)),
        ])
        let run: JSON = .object([
            ("tool", .object([("driver", driver)])),
            ("invocations", .array([.object([
                ("executionSuccessful", .bool(notifications.isEmpty)),
                ("toolExecutionNotifications", .array(notifications)),
            ])])),
            ("originalUriBaseIds", .object([
                (Self.sourceRoot, .object([("uri", .string(Self.fileURI(Self.directory(workingDirectory))))])),
            ])),
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

    /// The base id relative paths use: the working directory.
    static let sourceRoot = "%SRCROOT%"

    /// An `artifactLocation`'s members for an input's name: a relative URI under
    /// `%SRCROOT%` for a path inside the working directory (however it was typed), an absolute
    /// `file://` URI for one outside it, a probed server's URL as it is.
    func artifactLocation(_ name: String) -> [(String, JSON)] {
        let lower = name.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return [("uri", .string(Self.uri(name)))] }
        let path = name == "-" ? "stdin" : name
        let root = Self.directory(workingDirectory)
        let absolute = Self.normalized(path.hasPrefix("/") ? path : root + path)
        if absolute.hasPrefix(root), absolute.count > root.count {
            return [("uri", .string(Self.uri(String(absolute.dropFirst(root.count))))), ("uriBaseId", .string(Self.sourceRoot))]
        }
        return [("uri", .string(Self.fileURI(absolute)))]
    }

    /// `path` with a trailing `/`.
    static func directory(_ path: String) -> String {
        let normal = normalized(path)
        return normal.hasSuffix("/") ? normal : normal + "/"
    }

    /// An absolute path without `.`, `..` and empty components.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// An absolute path as a `file://` URI.
    static func fileURI(_ path: String) -> String { "file://" + uri(path) }

    /// A rule as code scanning shows it: its name, summary and rationale, help in text and
    /// Markdown (rationale, fix, spec, examples), and its own section of `Rules/README.md`;
    /// the RFC sections it cites are in `properties.specs`.
    private static func rule(_ d: RuleDescription) -> JSON {
        let spec = d.spec.map { "\($0) <\($0.url)>" }.joined(separator: ", ")
        var markdown = "\(d.rationale)\n\n**Fix:** \(d.fix).\n\n**Spec:** "
            + d.spec.map { "[\($0)](\($0.url))" }.joined(separator: ", ") + "\n\n"
        markdown += RuleDocumentation.markdownExamples(d)
        return .object([
            ("id", .string(d.id)),
            ("name", .string(d.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())),
            ("shortDescription", .object([("text", .string(d.summary))])),
            ("fullDescription", .object([("text", .string(d.rationale))])),
            ("help", .object([("text", .string("\(d.fix). Spec: \(spec)")), ("markdown", .string(markdown))])),
            ("helpUri", .string(RuleDocumentation.url(of: d.id))),
            ("defaultConfiguration", .object([("level", .string(level(d.severity))), ("enabled", .bool(d.isEnabledByDefault))])),
            ("properties", .object([("tags", .array([.string(d.category.rawValue)])),
                                    ("specs", .array(d.spec.map { .string($0.url) }))])),
        ])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A path as a relative URI reference: bytes outside the unreserved set and `/` are
    /// percent-encoded (the bytes of the name on disk, also when it is not UTF-8).
    static func uri(_ path: String) -> String {
        // A probed server's URL is already a URI: its scheme's colon is kept.
        let lower = path.lowercased()
        if lower.hasPrefix("http://") { return "http://" + uri(String(path.dropFirst(7))).replacingColons() }
        if lower.hasPrefix("https://") { return "https://" + uri(String(path.dropFirst(8))).replacingColons() }
        var out = ""
        for byte in FileName.bytes(path) {
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
