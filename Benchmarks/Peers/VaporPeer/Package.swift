// swift-tools-version: 6.0
// Vapor 4 answering TechEmpower's /plaintext and /json, a peer in the load benchmark
// (Benchmarks/load/run.sh builds it in release mode with its own scratch path).
import PackageDescription

let package = Package(
    name: "VaporPeer",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", exact: "4.122.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
    ],
    targets: [
        .executableTarget(
            name: "VaporPeer",
            dependencies: [
                .product(name: "Vapor", package: "vapor"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        )
    ]
)
