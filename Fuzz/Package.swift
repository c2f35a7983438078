// swift-tools-version: 6.1
import PackageDescription

/// One libFuzzer harness per parser; see README.md. Build with
/// `swift build --package-path Fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address`.
let harnesses = [
    "RequestHeadFuzzer", "ChunkedBodyFuzzer", "MultipartFuzzer", "CookieFuzzer",
    "URLEncodedFuzzer", "JSONFuzzer", "SessionCookieFuzzer", "TemplateFuzzer",
]

let package = Package(
    name: "AsyncWebFuzz",
    // Named, because a path dependency is otherwise known by its folder's name.
    dependencies: [.package(name: "AsyncWeb", path: "..")],
    targets: [
        .systemLibrary(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
    ] + harnesses.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "AsyncWeb", package: "AsyncWeb")])
    }
)
