#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HTTPLintCore

/// File names as httplint keeps them: Swift strings that give back the exact bytes the file
/// system holds, also for names that are not UTF-8.
///
/// POSIX file names are bytes. A name that is UTF-8 (nearly all) is kept as its text; in any
/// other name, each byte 0x80–0xFF stands as the character ``SourceText/undecodedBytes`` has
/// for it, the way wire text that is not UTF-8 is kept. ``withPath(_:_:)`` turns those
/// characters back into their bytes for `open`, `stat` and `opendir`, and the reports show them
/// as `\xFF` (``Printable/display(_:)``), so such a file is linted and named like any other.
public enum FileName {
    /// The name or path `bytes` (without a terminating NUL) as text that ``withPath(_:_:)``
    /// turns back into the same bytes.
    public static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        // Valid UTF-8 is kept as text unless it holds the very characters that stand for bytes:
        // then, as for text that is not UTF-8, every byte 0x80–0xFF stands for itself.
        if let text = String(validating: bytes, as: UTF8.self),
           !text.unicodeScalars.contains(where: { SourceText.undecodedByte($0) != nil }) {
            return text
        }
        return String(String.UnicodeScalarView(bytes.map { byte in
            byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(SourceText.undecodedBytes.lowerBound + UInt32(byte) - 0x80)!
        }))
    }

    /// A C string argument (`argv`, `d_name`) as ``decode(_:)`` keeps it.
    public static func decode(cString: UnsafePointer<CChar>) -> String {
        decode(UnsafeRawBufferPointer(start: cString, count: strlen(cString)))
    }

    /// The bytes `path` stands for: the characters of ``SourceText/undecodedBytes`` as their
    /// byte, everything else as UTF-8.
    public static func bytes(_ path: String) -> [UInt8] {
        guard path.utf8.contains(0xEF) else { return Array(path.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if let byte = SourceText.undecodedByte(scalar) { out.append(byte) } else { out.append(contentsOf: String(scalar).utf8) }
        }
        return out
    }

    /// Calls `body` with `path` as the NUL-terminated bytes a POSIX call takes.
    public static func withPath<R>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        var bytes = bytes(path)
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// `stat(2)` of `path` (following links), or `nil` with `errno` set.
    static func status(_ path: String) -> stat? {
        var info = stat()
        return withPath(path) { stat($0, &info) } == 0 ? info : nil
    }

    /// `lstat(2)` of `path` (not following links), or `nil` with `errno` set.
    static func linkStatus(_ path: String) -> stat? {
        var info = stat()
        return withPath(path) { lstat($0, &info) } == 0 ? info : nil
    }

    /// Whether `path` names something that exists (following links).
    static func exists(_ path: String) -> Bool { status(path) != nil }

    /// Whether `path` names a directory (following links).
    static func isDirectory(_ path: String) -> Bool {
        status(path).map { ($0.st_mode & S_IFMT) == S_IFDIR } ?? false
    }

    /// `open(2)` of `path` for reading.
    static func openForReading(_ path: String) -> Int32 {
        withPath(path) { open($0, O_RDONLY) }
    }
}
