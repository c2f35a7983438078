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
    name: "MicroBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmarkTarget("RouterBenchmarks"),
        benchmarkTarget("RequestPathBenchmarks"),
        benchmarkTarget("ConnectionPathBenchmarks", using: ["AsyncWebTesting", "IOUring", "TechEmpowerApp"]),
    ]
)

/// A benchmark executable in `Benchmarks/<name>`, run by the benchmark plugin, using
/// AsyncWeb and the root package's products named in `using`.
func benchmarkTarget(_ name: String, using products: [String] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: (["AsyncWeb"] + products).map { .product(name: $0, package: rootPackage) } + [
            .product(name: "Benchmark", package: "benchmark")
        ],
        path: "Benchmarks/\(name)",
        swiftSettings: [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("InternalImportsByDefault"),
        ],
        plugins: [
            .plugin(name: "BenchmarkPlugin", package: "benchmark")
        ]
    )
}
