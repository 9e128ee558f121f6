// swift-tools-version: 6.0
// httplint has no package dependencies, by design: it is imported into other people's test
// targets and must not drag packages in. Only the Swift toolchain is used.
import PackageDescription

let package = Package(
    name: "httplint",
    products: [
        .library(name: "HTTPLint", targets: ["HTTPLint"]),
        // For test targets only: assertions for XCTest and Swift Testing.
        .library(name: "HTTPLintTesting", targets: ["HTTPLintTesting"]),
        .executable(name: "httplint", targets: ["httplint"]),
        // `swift package httplint [options] PATHS` in a package that depends on this one.
        .plugin(name: "HTTPLintPlugin", targets: ["HTTPLintPlugin"]),
    ],
    targets: [
        // Model, tolerant parser, framing, the Rule protocol and findings.
        .target(name: "HTTPLintCore"),
        // The rule catalogue: one rule per file, grouped by category folder.
        // Rules/README.md is the generated rule documentation (`httplint rules --docs`).
        .target(name: "HTTPLintRules", dependencies: ["HTTPLintCore"], path: "Rules", exclude: ["README.md", "PEERS.md", "Peers"]),
        // Linter, inputs and reporters: everything a caller needs.
        .target(name: "HTTPLint", dependencies: ["HTTPLintCore", "HTTPLintRules"]),
        // XCTest and Swift Testing assertions; each framework behind `#if canImport`.
        .target(name: "HTTPLintTesting", dependencies: ["HTTPLint"]),
        // The command line only: arguments, files, exit codes.
        .executableTarget(name: "httplint", dependencies: ["HTTPLint"]),
        // The command plugin: builds the command line and runs it in the package's directory.
        // It asks to write there, for the reports `-o` writes.
        .plugin(
            name: "HTTPLintPlugin",
            capability: .command(
                intent: .custom(verb: "httplint", description: "Lint recorded HTTP/1.x traffic with httplint"),
                permissions: [.writeToPackageDirectory(reason: "httplint writes the reports asked for with -o FORMAT=PATH")]),
            dependencies: ["httplint"],
            path: "Sources/HTTPLintPlugin"),

        .testTarget(name: "HTTPLintCoreTests", dependencies: ["HTTPLintCore"]),
        .testTarget(name: "HTTPLintRulesTests", dependencies: ["HTTPLintRules"]),
        // What several test targets share (a scratch directory per test).
        .target(name: "TestSupport", path: "Tests/Support"),
        .testTarget(name: "HTTPLintTests", dependencies: ["HTTPLint", "TestSupport"]),
        .testTarget(name: "HTTPLintTestingTests", dependencies: ["HTTPLintTesting", "TestSupport"]),
        .testTarget(name: "httplintTests", dependencies: ["httplint", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
