// swift-tools-version: 6.0
// Performance benchmarks for httplint: a deterministic corpus generator, throughput of the
// parser and of the full linter against NIOHTTP1's decoder, corner cases that must stay linear,
// and scripts that time the CLI and the Python peers. A separate package, so that httplint
// itself keeps zero dependencies: nothing here is built by httplint's `swift build`/`swift test`.
import PackageDescription

let package = Package(
    name: "performance",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(name: "httplint", path: "../.."),
    ],
    targets: [
        .target(name: "Corpus"),
        .executableTarget(name: "make-corpus", dependencies: ["Corpus"]),
        .executableTarget(
            name: "throughput",
            dependencies: [
                "Corpus",
                .product(name: "HTTPLint", package: "httplint"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
