import Foundation

/// `.httplint.json`: the project's settings, found in the current directory or the nearest
/// parent that has one (or named with `--config`).
///
/// ```json
/// {
///   "profile": "recommended",
///   "failOn": "warning",
///   "rules": { "reason-phrase-mismatch": "off", "missing-retry-after": "warning" },
///   "ignorePaths": ["captures/legacy/**"],
///   "overrides": [ { "files": ["captures/cdn/**"], "rules": { "unofficial-status-code": "off" } } ]
/// }
/// ```
///
/// Unknown keys, rule ids and values are errors: a typo in lint settings must not pass
/// silently.
public struct ConfigurationFile: Sendable {
    /// A rule's setting: off, or on with a severity.
    public enum RuleSetting: Sendable, Hashable {
        case off
        case severity(Severity)
    }

    public struct Override: Sendable {
        public let files: [Glob]
        public let rules: [String: RuleSetting]
    }

    public let path: String
    public var profile: Linter.Profile?
    public var failOn: Severity?
    public var rules: [String: RuleSetting] = [:]
    public var ignorePaths: [Glob] = []
    public var overrides: [Override] = []

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// The nearest `.httplint.json` from `directory` upwards, if any.
    public static func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(".httplint.json").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Reads and checks the file at `path`.
    public static func load(_ path: String) throws(Problem) -> ConfigurationFile {
        // Read with read(2): Foundation's Data(contentsOf:) leaks a buffer on empty files.
        let data: Data
        do {
            data = Data(try InputReader.read(path))
        } catch {
            throw Problem(description: "\(path): cannot read it (\(error.description))")
        }
        let strict: StrictJSON
        do {
            strict = try StrictJSON(Array(data))
        } catch {
            throw Problem(description: "\(path):\(error.position): not valid JSON: \(error.reason)")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw Problem(description: "\(path): not valid JSON (\(error.localizedDescription))")
        }
        return try parse(object, path: path, positions: strict)
    }

    /// Checks the decoded file; `positions` (its strict reading) lets messages name the line
    /// and column of what they refuse.
    static func parse(_ object: Any, path: String, positions: StrictJSON? = nil) throws(Problem) -> ConfigurationFile {
        /// `path:line:column` of the value at `key` (its path in the file), or `path` alone.
        func place(_ key: String) -> String {
            guard let position = positions?.positions[key] else { return path }
            return "\(path):\(position)"
        }
        guard let root = object as? [String: Any] else { throw Problem(description: "\(place("")): the top level must be an object") }
        var file = ConfigurationFile(path: path)
        for (key, value) in root {
            switch key {
            case "profile":
                guard let name = value as? String, let profile = Linter.Profile(named: name) else {
                    throw Problem(description: "\(place(key)): \"profile\" must be \"recommended\", \"strict\" or \"all\"")
                }
                file.profile = profile
            case "failOn":
                guard let name = value as? String, let severity = Severity(rawValue: name) else {
                    throw Problem(description: "\(place(key)): \"failOn\" must be \"error\", \"warning\" or \"info\"")
                }
                file.failOn = severity
            case "rules":
                file.rules = try rules(value, path: path, key: "rules", place: place)
            case "ignorePaths":
                file.ignorePaths = try globs(value, path: path, key: "ignorePaths", place: place)
            case "overrides":
                guard let list = value as? [Any] else { throw Problem(description: "\(place(key)): \"overrides\" must be an array") }
                for (index, item) in list.enumerated() {
                    let key = "overrides[\(index)]"
                    guard let entry = item as? [String: Any] else { throw Problem(description: "\(place(key)): \(key) must be an object") }
                    if let unknown = entry.keys.first(where: { $0 != "files" && $0 != "rules" }) {
                        throw Problem(description: "\(place(key + "." + unknown)): unknown key \"\(unknown)\" in \(key); use \"files\" and \"rules\"")
                    }
                    guard let files = entry["files"] else {
                        throw Problem(description: "\(place(key)): \(key) has no \"files\"; an override applies only to the paths its patterns name")
                    }
                    file.overrides.append(Override(files: try globs(files, path: path, key: key + ".files", place: place),
                                                   rules: try rules(entry["rules"] ?? [:], path: path, key: key + ".rules", place: place)))
                }
            default:
                throw Problem(description: "\(place(key)): unknown key \"\(key)\"; use profile, failOn, rules, ignorePaths or overrides")
            }
        }
        return file
    }

    private static func rules(_ value: Any, path: String, key: String, place: (String) -> String) throws(Problem) -> [String: RuleSetting] {
        guard let map = value as? [String: Any] else { throw Problem(description: "\(place(key)): \"\(key)\" must be an object of rule ids") }
        var result: [String: RuleSetting] = [:]
        for (id, setting) in map {
            guard RuleCatalogue.description(of: id) != nil else {
                throw Problem(description: "\(place(key + "." + id)): unknown rule id \"\(id)\" in \(key); 'httplint rules' lists them")
            }
            switch setting as? String {
            case "off"?: result[id] = .off
            case let name? where Severity(rawValue: name) != nil: result[id] = .severity(Severity(rawValue: name)!)
            default: throw Problem(description: "\(place(key + "." + id)): \(key).\(id) must be \"off\", \"info\", \"warning\" or \"error\"")
            }
        }
        return result
    }

    private static func globs(_ value: Any, path: String, key: String, place: (String) -> String) throws(Problem) -> [Glob] {
        guard let list = value as? [String] else { throw Problem(description: "\(place(key)): \"\(key)\" must be an array of path patterns") }
        return list.map(Glob.init)
    }

    /// Whether `input` is to be left out of the run.
    public func ignores(_ input: String) -> Bool { ignorePaths.contains { $0.matches(input) } }

    /// The rule settings for `input`: the file's rules, then each matching override in order.
    public func ruleSettings(for input: String) -> [String: RuleSetting] {
        var settings = rules
        for override in overrides where override.files.contains(where: { $0.matches(input) }) {
            settings.merge(override.rules) { _, new in new }
        }
        return settings
    }
}
