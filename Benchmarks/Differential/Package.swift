// swift-tools-version: 6.0
// A differential check of HTTP/1.x response framing: httplint's parser against SwiftNIO's
// NIOHTTP1 decoder (llhttp inside). A separate package, so that httplint itself keeps zero
// dependencies: nothing here is built by httplint's own `swift build` or `swift test`.
import PackageDescription

let package = Package(
    name: "differential",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(name: "httplint", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "differential",
            dependencies: [
                .product(name: "HTTPLint", package: "httplint"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
