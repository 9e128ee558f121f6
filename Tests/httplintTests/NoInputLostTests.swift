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

    /// A file whose name is not UTF-8 is linted like any other, named with `\\xFF` for its
    /// byte in the human formats and the JSON ones, and percent-encoded byte for byte in SARIF.
    @Test(arguments: formats)
    func aFileNameThatIsNotUTF8IsLintedAndNamedByItsBytes(_ format: String) throws {
        let directory = scratch.path("bytes-\(format)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // "bad\xFFname.http" and "ok\xC3(.http" (a lead byte without its continuation): made
        // from bytes, since a Swift string cannot hold them.
        for name: [UInt8] in [Array("bad".utf8) + [0xFF] + Array("name.http".utf8), Array("ok".utf8) + [0xC3, 0x28] + Array(".http".utf8)] {
            let path = Array(directory.path.utf8) + [UInt8(ascii: "/")] + name + [0]
            let descriptor = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
            #expect(descriptor >= 0)
            let response = Array("HTTP/1.1 302 Found\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nContent-Length: 0\r\n\r\n".utf8)
            _ = response.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        // Walked from the directory.
        let walked = try run(["--no-config", "--format", format, directory.path])
        #expect(walked.status == 1, "\(walked.stdout)\(walked.stderr)")
        #expect(!walked.stderr.contains("cannot read"), "\(walked.stderr)")
        let named = format == "sarif" ? ["bad%FFname.http", "ok%C3%28.http"] : format == "markdown" ? ["bad&#92;xFFname.http", "ok&#92;xC3(.http"] : ["bad\\xFFname.http", "ok\\xC3(.http"]
        for name in named {
            let expected = format == "json" || format == "jsonl" ? name.replacingOccurrences(of: "\\", with: "\\\\") : name
            #expect(walked.stdout.contains(expected), "\(format) does not name \(name): \(walked.stdout)")
        }
        // Named as an argument (through the shell, which passes the bytes as they are).
        guard format == "text" else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$0\" --no-config \"$1/$(printf 'bad\\377name.http')\"", Self.binary.path, directory.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(output)")
        #expect(output.contains("bad\\xFFname.http:1:10: error:"), "\(output)")
    }

    @Test func reportsAreWrittenWholeOrNotAtAll() throws {
        let report = scratch.path("report.json").path
        let good = try run(["--no-config", "--output", "json=\(report)", "Samples/nginx-200-static-file.http"])
        #expect(good.status == 0)
        let written = try Data(contentsOf: URL(fileURLWithPath: report))
        #expect((try? JSONSerialization.jsonObject(with: written)) != nil)
        // A report that cannot take its place (a directory is there) leaves nothing behind.
        let blocked = scratch.path("blocked.json")
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let failed = try run(["--no-config", "--output", "json=\(blocked.path)", "Samples/nginx-200-static-file.http"])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("cannot write the json report to '\(blocked.path)'"), "\(failed.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
        #expect(!left.contains { $0.hasPrefix(".httplint-") }, "temporary files left: \(left)")
    }

    @Test func aFullDiskOnStandardOutputIsNamed() throws {
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { return }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["--no-config", "Samples/302-without-location.http"]
        process.currentDirectoryURL = Self.root
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        process.standardError = err
        try process.run()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(errors.contains("cannot write to standard output: No space left on device"), "\(errors)")
    }
}

/// HAR and other inputs read whole: refused by size before a byte is read, read in
/// amortised linear time.
extension CommandLineTests {
    @Test func anInputKnownToBeTooLargeIsRefusedBeforeItIsRead() throws {
        // A sparse file of 64 GiB that starts like a HAR: reading it to the limit would take
        // seconds; its size says at once that it is too large.
        let path = scratch.path("huge.har").path
        try Data(#"{"log": {"entries": ["#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(truncate(path, 64 << 30) == 0)
        let clock = ContinuousClock()
        var result: Run?
        let elapsed = try clock.measure { result = try run(["--no-config", path]) }
        #expect(result?.status == 2)
        #expect(result?.stderr.contains("it is larger than 268435456 bytes, the limit (--max-input-size)") == true, "\(result?.stderr ?? "")")
        #expect(elapsed < .seconds(2), "took \(elapsed)")
    }
}

extension CommandLineTests {
    @Test func theBaselineSummarySaysHowManyRecordedFindingsMatchedNothing() throws {
        let baseline = scratch.path("baseline.json")
        try Data(#"{"version": 1, "findings": [{"path": "gone.http", "entry": null, "exchange": 0, "rule": "missing-date", "message": "m", "count": 2}]}"#.utf8).write(to: baseline)
        let result = try run(["--no-config", "--baseline", baseline.path, "Samples/nginx-200-static-file.http"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("httplint: 2 baseline findings matched nothing in this run (fixed, or no longer linted); --write-baseline records the run afresh\n"), "\(result.stdout)")
    }
}
