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
        var pairedFlows: Set<[String]> = []
        for path in paths {
            guard path != "-", FileName.isDirectory(path) else {
                // A tcpflow file named on its own is paired with its sibling direction's file,
                // as a walk pairs them (once, when both are named).
                if path != "-", let pair = TCPFlow.pair(namedSingly: path) {
                    if pairedFlows.insert(pair.files).inserted { items += pair.items }
                    continue
                }
                items.append(Item(path: path, requestPath: path == "-" ? nil : pairedRequest(for: path), problem: nil))
                continue
            }
            items += walk(path)
        }
        return items
    }

    private static func walk(_ directory: String) -> [Item] {
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var found: [Found] = []
        var requests: Set<String> = []
        guard visit(root, into: &found, requests: &requests) else {
            return [Item(path: directory, requestPath: nil, problem: "cannot read directory '\(directory)'")]
        }
        if found.isEmpty {
            return [Item(path: directory, requestPath: nil,
                         problem: "directory '\(directory)' holds no response files (\(responseExtensions.sorted().map { "*." + $0 }.joined(separator: ", ")))")]
        }
        // tcpflow's files are paired by their names; what could not be read keeps its place.
        let (flows, others) = TCPFlow.pairs(in: found.filter { $0.problem == nil }.map(\.path))
        let unreadable = found.compactMap { entry in entry.problem.map { Item(path: entry.path, requestPath: nil, problem: $0) } }
        // The walk has seen every name: a request file is looked up among them, not on disk
        // (and not at all when the walk saw none, the usual case).
        let items = others.map { path in
            Item(path: path, requestPath: requests.isEmpty ? nil : requestCandidate(for: path).flatMap { requests.contains($0) ? $0 : nil },
                 problem: nil)
        }
        return flows.isEmpty && unreadable.isEmpty ? items : (items + flows + unreadable).sorted { $0.path < $1.path }
    }

    /// A response file the walk found, or an entry it met and cannot read (a subdirectory it
    /// may not list, a link to a response file that is not there): an unreadable input.
    private struct Found {
        let path: String
        let problem: String?
    }

    /// Collects the response files below `directory` in the order of their paths, and every
    /// entry named `*.req` (what ``pairedRequest(for:)`` would find on disk). Hidden entries are
    /// skipped, and symbolic links to directories are not followed, so that a link loop cannot
    /// trap the walk. What it meets and cannot read is kept with the reason, in its place.
    ///
    /// Each directory's entries are sorted by their name, with "/" after a directory's: the
    /// paths below one directory are then found together and in order, as a sort of all the
    /// paths at the end would put them (paths with a common start sort together), in a fraction
    /// of the comparisons, each of a short name rather than of two long paths.
    private static func visit(_ directory: String, into found: inout [Found], requests: inout Set<String>) -> Bool {
        guard let handle = FileName.withPath(directory.isEmpty ? "/" : directory, { opendir($0) }) else { return false }
        var entries: [(key: String, path: String, isDirectory: Bool, problem: String?)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                FileName.decode(raw.prefix { $0 != 0 })
            }
            guard !name.hasPrefix(".") else { continue }
            let path = directory + "/" + name
            var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            var isFile = Int32(entry.pointee.d_type) == Int32(DT_REG)
            var exists = true
            var problem: String?
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) || Int32(entry.pointee.d_type) == Int32(DT_LNK) {
                if var info = FileName.linkStatus(path) {
                    if (info.st_mode & S_IFMT) == S_IFLNK {
                        // A link to a file is read; a link to a directory is not walked.
                        let target = FileName.status(path)
                        exists = target != nil
                        if let target { info = target }
                        if !exists { problem = "cannot read '\(path)': it is a symbolic link to \(errno == ENOENT ? "nothing (its target does not exist)" : String(cString: strerror(errno)))" }
                        isFile = exists && (info.st_mode & S_IFMT) == S_IFREG
                        isDirectory = false
                    } else {
                        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
                        isFile = (info.st_mode & S_IFMT) == S_IFREG
                    }
                } else {
                    // Gone between the listing and now, or not to be looked at.
                    problem = "cannot read '\(path)': \(String(cString: strerror(errno)))"
                    exists = false
                }
            }
            if exists, name.hasSuffix(".req") { requests.insert(path) }
            let isResponseFile = name.utf8.lastIndex(of: UInt8(ascii: ".")).map {
                responseExtensions.contains(String(name[name.utf8.index(after: $0)...]).asciiLowercased())
            } ?? false
            if isDirectory {
                entries.append((name + "/", path, true, nil))
            } else if isResponseFile || TCPFlow.isFlowName(name), isFile || problem != nil {
                // An entry named like a response file that cannot be read is an input lost:
                // reported, not skipped.
                entries.append((name, path, false, problem))
            }
        }
        closedir(handle)
        entries.sort { $0.key < $1.key }
        for entry in entries {
            if entry.isDirectory {
                if !visit(entry.path, into: &found, requests: &requests) {
                    found.append(Found(path: entry.path, problem: "cannot read directory '\(entry.path)': \(String(cString: strerror(errno)))"))
                }
            } else {
                found.append(Found(path: entry.path, problem: entry.problem))
            }
        }
        return true
    }

    /// `NAME.req` beside `NAME.http`, `NAME.resp`, `NAME.response`, `NAME.raw` or `NAME.txt`.
    static func pairedRequest(for path: String) -> String? {
        guard let candidate = requestCandidate(for: path) else { return nil }
        return FileName.exists(candidate) ? candidate : nil
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
