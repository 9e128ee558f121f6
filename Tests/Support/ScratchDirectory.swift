import Foundation

/// A directory of its own under the system's temporary directory for one test's files, removed
/// with everything in it when the test's suite instance lets go of it (Swift Testing makes one
/// instance per test), so test runs leave nothing behind.
public final class ScratchDirectory {
    public let url: URL

    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("httplint-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the directory (not created).
    public func path(_ name: String) -> URL { url.appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(at: url) }
}
