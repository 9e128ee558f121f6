import Foundation

/// Turns the paths named on the command line into the inputs to lint: files as given,
/// directories walked recursively, and each response file paired with the request file
/// next to it (`NAME.req` beside `NAME.http` or `NAME.resp`).
public enum InputCollector {
    /// One input to lint.
    public struct Item: Sendable, Equatable {
        /// The path as reported.
        public let path: String
        /// The request file that pairs with it, if there is one.
        public let requestPath: String?
        /// Why the path cannot be linted, when it cannot (an unreadable directory).
        public let problem: String?
    }

    /// Extensions of response files picked up when walking a directory; a file named
    /// explicitly is linted whatever its name.
    public static let responseExtensions: Set<String> = ["http", "resp", "response", "txt", "raw", "har", "curl"]

    /// The inputs for `paths`, in order: each file as given, each directory's matching files
    /// sorted by path. `-` stands for standard input.
    public static func collect(_ paths: [String]) -> [Item] {
        var items: [Item] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                items.append(Item(path: path, requestPath: path == "-" ? nil : pairedRequest(for: path), problem: nil))
                continue
            }
            items += walk(path)
        }
        return items
    }

    private static func walk(_ directory: String) -> [Item] {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else {
            return [Item(path: directory, requestPath: nil, problem: "cannot read directory '\(directory)'")]
        }
        var found: [String] = []
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  responseExtensions.contains(url.pathExtension.lowercased()) else { continue }
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(rootPath + "/") ? String(full.dropFirst(rootPath.count + 1)) : url.lastPathComponent
            found.append(prefix + relative)
        }
        if found.isEmpty {
            return [Item(path: directory, requestPath: nil,
                         problem: "directory '\(directory)' holds no response files (\(responseExtensions.sorted().map { "*." + $0 }.joined(separator: ", ")))")]
        }
        return found.sorted().map { Item(path: $0, requestPath: pairedRequest(for: $0), problem: nil) }
    }

    /// `NAME.req` beside `NAME.http`, `NAME.resp`, `NAME.response`, `NAME.raw` or `NAME.txt`.
    static func pairedRequest(for path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        guard ["http", "resp", "response", "raw", "txt"].contains(url.pathExtension.lowercased()) else { return nil }
        let base = String(path.dropLast(url.pathExtension.count + 1))
        let candidate = base + ".req"
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }
}
