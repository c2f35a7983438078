// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let package = Package(
    name: "AsyncWeb",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "IOUring", targets: ["IOUring"]),
        .library(name: "AsyncWebEncoding", targets: ["AsyncWebEncoding"]),
        .library(name: "AsyncWebTemplates", targets: ["AsyncWebTemplates"]),
        .library(name: "AsyncWebSigning", targets: ["AsyncWebSigning"]),
        .library(name: "AsyncWebTLS", targets: ["AsyncWebTLS"]),
        .library(name: "AsyncWebHTTP", targets: ["AsyncWebHTTP"]),
        .library(name: "AsyncWeb", targets: ["AsyncWeb"]),
        .library(name: "AsyncWebTesting", targets: ["AsyncWebTesting"]),
        .executable(name: "Hello", targets: ["Hello"]),
        .executable(name: "Quickstart", targets: ["Quickstart"]),
        .executable(name: "TechEmpower", targets: ["TechEmpower"]),
        // The benchmark app, for Benchmarks/Micro, which can depend on products only.
        .library(name: "TechEmpowerApp", targets: ["TechEmpowerApp"]),
        .executable(name: "asyncweb", targets: ["AsyncWebCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // Python's integers of any size, for the template engine.
        .package(url: "https://github.com/attaswift/BigInt", exact: "6.0.1"),
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
        // The text formats every layer shares: JSON, percent-encoding, HTML escaping,
        // Python's rules for digits and whitespace.
        .target(
            name: "AsyncWebEncoding",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")],
            swiftSettings: strictSettings
        ),
        // The Jinja engine with Markup: Jinja2 and MarkupSafe's layer, usable alone.
        .target(
            name: "AsyncWebTemplates",
            dependencies: [
                "AsyncWebEncoding",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "BigInt", package: "BigInt"),
            ],
            swiftSettings: strictSettings
        ),
        // HMAC, the timestamp signer, URL-safe base64 and zlib: itsdangerous' layer.
        .target(
            name: "AsyncWebSigning",
            dependencies: ["COpenSSL", "CZlib"],
            swiftSettings: strictSettings
        ),
        // TLS sessions over the reactor's TCP connections, OpenSSL on memory BIOs; no HTTP.
        .target(
            name: "AsyncWebTLS",
            dependencies: ["IOUring", "COpenSSL"],
            swiftSettings: strictSettings
        ),
        // Parser, server, Request/Response, cookies on the wire, forms: Werkzeug's layer.
        .target(
            name: "AsyncWebHTTP",
            dependencies: [
                "IOUring", "AsyncWebTLS", "AsyncWebEncoding",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "AsyncWeb",
            dependencies: [
                "AsyncWebEncoding", "AsyncWebTemplates", "AsyncWebSigning", "AsyncWebHTTP", "IOUring",
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
                // `asyncweb run` serves a failed build's errors with an AsyncWeb app.
                "AsyncWeb", "AsyncWebTemplates", "AsyncWebEncoding", "IOUring",
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
            name: "TechEmpowerApp",
            dependencies: ["AsyncWeb"],
            path: "Examples/TechEmpower/App",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "TechEmpower",
            dependencies: ["TechEmpowerApp"],
            path: "Examples/TechEmpower/Server",
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
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IOUringTests",
            dependencies: ["IOUring"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AsyncWebEncodingTests",
            dependencies: ["AsyncWebEncoding", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AsyncWebTemplatesTests",
            dependencies: ["AsyncWebTemplates", "AsyncWebEncoding", "TestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AsyncWebSigningTests",
            dependencies: ["AsyncWebSigning", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AsyncWebHTTPTests",
            dependencies: ["AsyncWebHTTP", "AsyncWebEncoding", "IOUring", "TestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        // Runs the built `asyncweb` on a package it makes: slow (it builds AsyncWeb there).
        .testTarget(
            name: "AsyncWebCLITests",
            dependencies: ["AsyncWebCLI", "AsyncWebTesting", "IOUring"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AsyncWebTests",
            dependencies: [
                "AsyncWeb", "AsyncWebTesting", "AsyncWebEncoding", "IOUring", "QuickstartApp", "TestSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ]
)
