#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads inputs given on the command line: a file path, or `-` for standard input.
/// Failures come back as one-line reasons that name the problem, never as crashes.
public enum InputReader {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The bytes of `path` (`-` reads standard input to its end).
    ///
    /// - Parameter maxSize: the largest input read; a larger one is a failure naming the limit.
    public static func read(_ path: String, maxSize: Int = ParserLimits.default.maxInputSize) throws(Failure) -> [UInt8] {
        // Without a limit to stream above, every input is read.
        try read(path, maxSize: maxSize, unlessLargerThan: Int.max)!
    }

    /// The bytes of `path`, or `nil` when it is a regular file of more than `streamLimit` bytes:
    /// one to read as a ``Stream`` instead. The file is opened once and its size asked of the
    /// open file, so that its path is looked up once.
    public static func read(_ path: String, maxSize: Int, unlessLargerThan streamLimit: Int) throws(Failure) -> [UInt8]? {
        if path == "-" { return try readAll(descriptor: 0, name: "standard input", maxSize: maxSize, sizeHint: 0) }
        let descriptor = FileName.openForReading(path)
        guard descriptor >= 0 else {
            let code = errno
            // A directory that may not be opened is still named as a directory.
            if FileName.isDirectory(path) { throw isDirectory(path) }
            throw failure(code, path)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(errno, path) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw isDirectory(path) }
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        if isRegular, Int(info.st_size) > streamLimit { return nil }
        if Int(info.st_size) > maxSize { throw tooLarge(path, maxSize) }
        return try readAll(descriptor: descriptor, name: path, maxSize: maxSize, sizeHint: Int(info.st_size))
    }

    private static func isDirectory(_ path: String) -> Failure {
        Failure(description: "cannot read '\(path)': it is a directory; give the response files inside it")
    }

    /// An input read piece by piece, for inputs too large to hold whole.
    public final class Stream {
        public let name: String
        /// The size of a regular file when opened; `nil` for standard input, pipes and FIFOs.
        /// Known before a byte is read, so that an input over a limit is refused at once.
        public let size: Int?
        private let descriptor: Int32
        private let owned: Bool

        /// Opens `path` (`-` is standard input).
        public init(_ path: String) throws(Failure) {
            if path == "-" {
                name = "standard input"
                descriptor = 0
                owned = false
                size = nil
                return
            }
            guard let info = FileName.status(path) else { throw failure(errno, path) }
            if (info.st_mode & S_IFMT) == S_IFDIR { throw isDirectory(path) }
            let descriptor = FileName.openForReading(path)
            guard descriptor >= 0 else { throw failure(errno, path) }
            var opened = stat()
            self.size = fstat(descriptor, &opened) == 0 && (opened.st_mode & S_IFMT) == S_IFREG ? Int(opened.st_size) : nil
            self.name = path
            self.descriptor = descriptor
            self.owned = true
        }

        deinit { if owned { close(descriptor) } }

        /// Appends up to `count` more bytes to `bytes`; returns how many (0 at the end).
        @discardableResult
        public func read(into bytes: inout [UInt8], upTo count: Int) throws(Failure) -> Int {
            let start = bytes.count
            // Room grows geometrically: reserving exactly what each call asks for copied the
            // whole input on every call (quadratic for a large input read a MiB at a time).
            if bytes.capacity < start + count { bytes.reserveCapacity(max(start + count, 2 * bytes.capacity)) }
            var total = 0
            while total < count {
                let piece = min(count - total, 1 << 20)
                bytes.append(contentsOf: repeatElement(0, count: piece))
                let got = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + start + total, piece) }
                if got < 0 {
                    bytes.removeLast(piece)
                    if errno == EINTR { continue }
                    throw failure(errno, name)
                }
                bytes.removeLast(piece - got)
                if got == 0 { break }
                total += got
            }
            return total
        }
    }

    /// The failure for an input larger than `maxSize` (--max-input-size).
    public static func tooLarge(_ name: String, _ maxSize: Int) -> Failure {
        Failure(description: "cannot read '\(name)': it is larger than \(maxSize) bytes, the limit (--max-input-size)")
    }

    /// Reads to the end in pieces the size of the file (one more byte, to see the end at once),
    /// written straight into arrays that are neither zeroed first nor copied when one piece
    /// holds the whole input.
    private static func readAll(descriptor: Int32, name: String, maxSize: Int, sizeHint: Int) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        let pieceSize = min(max(sizeHint + 1, 1 << 12), 1 << 20)
        while true {
            var readError: Int32 = 0
            let piece = [UInt8](unsafeUninitializedCapacity: pieceSize) { buffer, initialized in
                var count: Int
                repeat { count = systemRead(descriptor, buffer.baseAddress, pieceSize) } while count < 0 && errno == EINTR
                if count < 0 { readError = errno }
                initialized = max(count, 0)
            }
            if readError != 0 { throw failure(readError, name) }
            if piece.isEmpty { return bytes }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            // A FIFO or a file that grows while it is read is bounded too.
            if bytes.count > maxSize { throw tooLarge(name, maxSize) }
            if piece.count < pieceSize {
                // Most likely the end (a file is read in one piece the size of the file): make
                // sure with a small buffer rather than another piece-sized array.
                let more = try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer throws(Failure) -> [UInt8] in
                    var count: Int
                    repeat { count = systemRead(descriptor, buffer.baseAddress, buffer.count) } while count < 0 && errno == EINTR
                    if count < 0 { throw failure(errno, name) }
                    return Array(buffer[..<count])
                }
                if more.isEmpty { return bytes }
                bytes += more
                if bytes.count > maxSize { throw tooLarge(name, maxSize) }
            }
        }
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func failure(_ code: Int32, _ path: String) -> Failure {
        let reason: String
        switch code {
        case ENOENT: reason = "no such file"
        case EACCES: reason = "permission denied"
        case EISDIR: reason = "it is a directory; give the response files inside it"
        case ELOOP: reason = "too many levels of symbolic links"
        default: reason = String(cString: strerror(code))
        }
        return Failure(description: "cannot read '\(path)': \(reason)")
    }
}
