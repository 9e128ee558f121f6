import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the paths named on the command line into the inputs to lint: files as given,
/// directories walked recursively, and each response file paired with the request file
/// next to it (`NAME.req` beside `NAME.http` or `NAME.resp`; tcpflow's two files of a
/// connection with each other).
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
    public static let responseExtensions: Set<String> = ["http", "resp", "response", "txt", "raw", "har", "curl", "pcap", "pcapng"]

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
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var found: [String] = []
        var requests: Set<String> = []
        guard visit(root, into: &found, requests: &requests) else {
            return [Item(path: directory, requestPath: nil, problem: "cannot read directory '\(directory)'")]
        }
        if found.isEmpty {
            return [Item(path: directory, requestPath: nil,
                         problem: "directory '\(directory)' holds no response files (\(responseExtensions.sorted().map { "*." + $0 }.joined(separator: ", ")))")]
        }
        // tcpflow's files are paired by their names.
        let (flows, others) = TCPFlow.pairs(in: found)
        // The walk has seen every name: a request file is looked up among them, not on disk
        // (and not at all when the walk saw none, the usual case).
        let items = others.map { path in
            Item(path: path, requestPath: requests.isEmpty ? nil : requestCandidate(for: path).flatMap { requests.contains($0) ? $0 : nil },
                 problem: nil)
        }
        return flows.isEmpty ? items : (items + flows).sorted { $0.path < $1.path }
    }

    /// Collects the response files below `directory` in the order of their paths, and every
    /// entry named `*.req` (what ``pairedRequest(for:)`` would find on disk). Hidden entries are
    /// skipped, and symbolic links to directories are not followed, so that a link loop cannot
    /// trap the walk.
    ///
    /// Each directory's entries are sorted by their name, with "/" after a directory's: the
    /// paths below one directory are then found together and in order, as a sort of all the
    /// paths at the end would put them (paths with a common start sort together), in a fraction
    /// of the comparisons, each of a short name rather than of two long paths.
    private static func visit(_ directory: String, into found: inout [String], requests: inout Set<String>) -> Bool {
        guard let handle = opendir(directory.isEmpty ? "/" : directory) else { return false }
        var entries: [(key: String, path: String, isDirectory: Bool)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = directory + "/" + name
            var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            var isFile = Int32(entry.pointee.d_type) == Int32(DT_REG)
            var exists = true
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) || Int32(entry.pointee.d_type) == Int32(DT_LNK) {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFLNK {
                    // A link to a file is read; a link to a directory is not walked.
                    exists = stat(path, &info) == 0
                    isFile = exists && (info.st_mode & S_IFMT) == S_IFREG
                    isDirectory = false
                } else {
                    isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
                    isFile = (info.st_mode & S_IFMT) == S_IFREG
                }
            }
            if exists, name.hasSuffix(".req") { requests.insert(path) }
            if isDirectory {
                entries.append((name + "/", path, true))
            } else if isFile, let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")),
                      responseExtensions.contains(String(name[name.utf8.index(after: dot)...]).asciiLowercased())
                        || TCPFlow.isFlowName(name) {
                entries.append((name, path, false))
            }
        }
        closedir(handle)
        entries.sort { $0.key < $1.key }
        for entry in entries {
            if entry.isDirectory {
                _ = visit(entry.path, into: &found, requests: &requests)
            } else {
                found.append(entry.path)
            }
        }
        return true
    }

    /// `NAME.req` beside `NAME.http`, `NAME.resp`, `NAME.response`, `NAME.raw` or `NAME.txt`.
    static func pairedRequest(for path: String) -> String? {
        guard let candidate = requestCandidate(for: path) else { return nil }
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// The `NAME.req` path that would pair with `path`, whether or not it exists; `nil` for a
    /// path whose extension is not one that pairs.
    private static func requestCandidate(for path: String) -> String? {
        // The extension of the last path component (none for a name that only starts with a
        // dot); "/" and "." are ASCII, so the search runs over bytes, not characters.
        let fileName = path[(path.utf8.lastIndex(of: UInt8(ascii: "/")).map(path.utf8.index(after:)) ?? path.startIndex)...]
        guard let dot = fileName.utf8.lastIndex(of: UInt8(ascii: ".")), dot != fileName.startIndex,
              ["http", "resp", "response", "raw", "txt"].contains(fileName[fileName.index(after: dot)...].asciiLowercased())
        else { return nil }
        return String(path[..<dot]) + ".req"
    }
}
