// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "AsyncWeb",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "IOUring", targets: ["IOUring"]),
        .library(name: "AsyncWeb", targets: ["AsyncWeb"]),
        .library(name: "AsyncWebTesting", targets: ["AsyncWebTesting"]),
        .executable(name: "Hello", targets: ["Hello"]),
        .executable(name: "Quickstart", targets: ["Quickstart"]),
        .executable(name: "asyncweb", targets: ["AsyncWebCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibURing",
            pkgConfig: "liburing",
            providers: [.apt(["liburing-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "IOUring",
            dependencies: [
                "CLibURing",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "AsyncWeb",
            dependencies: [
                "IOUring",
                "COpenSSL",
                "CZlib",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "AsyncWebTesting",
            dependencies: ["AsyncWeb"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "AsyncWebCLI",
            dependencies: [
                "AsyncWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "Hello",
            dependencies: ["AsyncWeb"],
            path: "Examples/Hello",
            swiftSettings: strictSettings
        ),
        .target(
            name: "QuickstartApp",
            dependencies: ["AsyncWeb"],
            path: "Examples/Quickstart/App",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "Quickstart",
            dependencies: ["QuickstartApp"],
            path: "Examples/Quickstart/Server",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ProbeServer",
            dependencies: ["AsyncWeb"],
            path: "Tests/ProbeServer",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IOUringTests",
            dependencies: ["IOUring"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AsyncWebTests",
            dependencies: [
                "AsyncWeb", "AsyncWebTesting", "IOUring", "QuickstartApp",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ]
)
