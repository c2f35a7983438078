// swift-tools-version: 6.1
import PackageDescription

/// One libFuzzer harness per parser, each on the layer its parser lives in; see README.md.
/// Build with `swift build --package-path Fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address`.
let harnesses: KeyValuePairs = [
    "RequestHeadFuzzer": "AsyncWebHTTP", "ChunkedBodyFuzzer": "AsyncWebHTTP", "MultipartFuzzer": "AsyncWebHTTP",
    "CookieFuzzer": "AsyncWebHTTP", "URLEncodedFuzzer": "AsyncWebHTTP", "JSONFuzzer": "AsyncWebEncoding",
    "SessionCookieFuzzer": "AsyncWeb", "TemplateFuzzer": "AsyncWebTemplates",
]

let package = Package(
    name: "AsyncWebFuzz",
    // Named, because a path dependency is otherwise known by its folder's name.
    dependencies: [.package(name: "AsyncWeb", path: "..")],
    targets: [
        .systemLibrary(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
    ] + harnesses.map { name, layer in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: layer, package: "AsyncWeb")])
    }
)
