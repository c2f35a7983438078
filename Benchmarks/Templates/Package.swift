// swift-tools-version: 6.1
import PackageDescription

import struct Foundation.URL

/// SwiftPM names a path dependency after its folder, so the root package is
/// known by whatever the repository's checkout is called.
let rootPackage = URL(fileURLWithPath: Context.packageDirectory)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .lastPathComponent
    .lowercased()

let package = Package(
    name: "TemplateBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "TemplateBenchmark",
            dependencies: [.product(name: "AsyncWebTemplates", package: rootPackage)],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        )
    ]
)
