import ArgumentParser
import Testing

@testable import AsyncWebCLI

/// What `asyncweb new` writes, without building it (``AsyncWebCommandTests`` builds it).
@Suite struct NewPackageTests {
    @Test func aLocalCheckoutIsNamedByItsFolder() {
        let dependency = AsyncWebDependency.path("/home/me/src/AsyncWeb")
        #expect(dependency.packageLine == ".package(path: \"/home/me/src/AsyncWeb\")")
        #expect(dependency.identity == "asyncweb")
    }

    @Test func thePublishedPackageIsNamedByItsURL() {
        #expect(AsyncWebDependency.git.packageLine == ".package(url: \"https://github.com/asyncweb/asyncweb.git\", from: \"0.1.0\")")
        #expect(AsyncWebDependency.git.identity == "asyncweb")
    }

    @Test func theManifestNamesTheDependencyByItsIdentity() {
        let files = NewPackageFiles(name: "my-app", dependency: .path("/work/main")).files
        let manifest = files.first { $0.path == "Package.swift" }?.contents ?? ""
        #expect(manifest.contains(".product(name: \"AsyncWeb\", package: \"main\")"))
        #expect(files.map(\.path).contains("Sources/my-app/main.swift"))
        let tests = files.first { $0.path.hasPrefix("Tests/") }?.contents ?? ""
        #expect(tests.contains("@testable import my_app"))
    }

    @Test(arguments: ["9lives", "my app", "a/b", ""])
    func namesThatAreNoPackageNameAreRefused(name: String) {
        #expect(throws: (any Error).self) { try NewCommand.parse([name]) }
    }

    @Test(arguments: ["hello", "my-app", "App_2"])
    func packageNamesAreAccepted(name: String) throws {
        #expect(try NewCommand.parse([name]).name == name)
    }
}
