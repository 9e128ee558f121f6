import Foundation
import Testing

/// No input lost and no report half written: every entry a walk cannot read is an input error
/// in every format, reports are written whole or not at all, and a failed write names its cause.
extension CommandLineTests {
    static let formats = ["text", "json", "jsonl", "sarif", "junit", "checkstyle", "github", "markdown"]

    @Test(arguments: formats)
    func aWalkReportsEveryEntryItCannotRead(_ format: String) throws {
        let directory = scratch.path("walk")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("HTTP/1.1 204 No Content\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\n\r\n".utf8).write(to: directory.appendingPathComponent("a.http"))
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("dangling.http").path, withDestinationPath: "missing.http")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("loop.http").path, withDestinationPath: "loop.http")
        // Links named otherwise are not inputs, broken or not.
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("notes.md").path, withDestinationPath: "missing.md")
        let locked = directory.appendingPathComponent("sub/locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try Data("HTTP/1.1 204 No Content\r\n\r\n".utf8).write(to: locked.appendingPathComponent("b.http"))
        chmod(locked.path, 0)
        defer { chmod(locked.path, 0o755) }
        // Only a user the permissions bind cannot read it (root reads it all the same).
        let lockedIsUnreadable = opendir(locked.path).map { closedir($0); return false } ?? true

        let result = try run(["--format", format, directory.path])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        let output = result.stdout + result.stderr
        for name in ["dangling.http", "loop.http"] + (lockedIsUnreadable ? ["sub/locked"] : []) {
            #expect(output.contains(name), "\(format) does not name \(name)")
        }
        #expect(!output.contains("notes.md"))
        if format == "text" {
            #expect(result.stderr.contains("dangling.http': it is a symbolic link to nothing (its target does not exist)"), "\(result.stderr)")
        }
    }
}
