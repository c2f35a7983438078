import Testing
@testable import AsyncWebHTTP

@Suite struct HTTPMethodTests {
    @Test(arguments: [
        HTTPMethod.get, .head, .post, .put, .delete, .patch, .options, .connect, .trace,
    ])
    func standardMethodIsRecognisedFromItsBytes(_ method: HTTPMethod) {
        let parsed = Array(method.rawValue.utf8).withUnsafeBytes { HTTPMethod(token: $0) }
        #expect(parsed == method)
    }

    @Test func otherTokenIsAnExtensionMethod() {
        let parsed = Array("PROPFIND".utf8).withUnsafeBytes { HTTPMethod(token: $0) }
        #expect(parsed.rawValue == "PROPFIND")
        #expect(parsed == HTTPMethod(rawValue: "PROPFIND"))
    }

    @Test func methodNamesAreCaseSensitive() {
        let parsed = Array("Get".utf8).withUnsafeBytes { HTTPMethod(token: $0) }
        #expect(parsed != .get)
    }
}
