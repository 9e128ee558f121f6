import Foundation
import PackagePlugin

/// `swift package httplint [options] PATHS`: builds httplint and runs it in the package's
/// directory, so that relative paths name the package's own recorded traffic, and reports (`-o
/// sarif=report.sarif`, `-o html=report.html`) land there. Writing them needs the permission the
/// plugin asks for (`--allow-writing-to-package-directory`).
@main
struct HTTPLintPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "httplint")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        // The same exit status as the command line: 1 for findings at the failing severity.
        if process.terminationReason == .exit, process.terminationStatus == 0 { return }
        Diagnostics.error("httplint exited with status \(process.terminationStatus)")
        throw ExitCode(status: process.terminationStatus)
    }
}

/// An error that carries httplint's exit status.
struct ExitCode: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "httplint exited with status \(status)" }
}
