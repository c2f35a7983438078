import Foundation
import Testing

import AsyncWeb

@Suite("Route converters") struct RouteConverterTests {
    private func map(_ pattern: String) throws -> URLMap {
        var map = URLMap()
        try map.add(pattern, endpoint: "page")
        return map
    }

    @Test func stringIsTheDefaultAndStaysInOneSegment() throws {
        let map = try map("/user/<username>")
        #expect(try map.match(path: "/user/ada", method: .get).arguments["username"] == "ada")
        #expect(throws: RoutingError.notFound) { try map.match(path: "/user/ada/lovelace", method: .get) }
    }

    @Test func stringLengthArgumentsBoundTheValue() throws {
        let exact = try map("/<string(length=2):lang>")
        #expect(try exact.match(path: "/en", method: .get).arguments["lang"] == "en")
        #expect(throws: RoutingError.notFound) { try exact.match(path: "/eng", method: .get) }

        let ranged = try map("/<string(minlength=2, maxlength=3):code>")
        #expect(throws: RoutingError.notFound) { try ranged.match(path: "/a", method: .get) }
        #expect(try ranged.match(path: "/abc", method: .get).arguments["code"] == "abc")
        #expect(throws: RoutingError.notFound) { try ranged.match(path: "/abcd", method: .get) }
    }

    @Test func stringLengthCountsUnicodeScalarsLikePython() throws {
        let map = try map("/<string(length=1):letter>")
        #expect(try map.match(path: "/\u{E9}", method: .get).arguments["letter"] == "\u{E9}")
        #expect(throws: RoutingError.notFound) { try map.match(path: "/e\u{301}", method: .get) }
    }

    @Test func intConverterRejectsASign() throws {
        let map = try map("/post/<int:id>")
        #expect(try map.match(path: "/post/42", method: .get).arguments.int("id") == 42)
        #expect(throws: RoutingError.notFound) { try map.match(path: "/post/-1", method: .get) }
        #expect(throws: RoutingError.notFound) { try map.match(path: "/post/+1", method: .get) }
    }

    @Test func signedIntAcceptsAMinus() throws {
        let map = try map("/offset/<int(signed=True):delta>")
        #expect(try map.match(path: "/offset/-7", method: .get).arguments.int("delta") == -7)
    }

    @Test func intFixedDigitsRequiresThatManyAndPadsBuiltURLs() throws {
        let map = try map("/archive/<int(fixed_digits=4):year>")
        #expect(try map.match(path: "/archive/0999", method: .get).arguments.int("year") == 999)
        #expect(throws: RoutingError.notFound) { try map.match(path: "/archive/999", method: .get) }
        #expect(try map.build(endpoint: "page", arguments: ["year": "7"]) == "/archive/0007")
    }

    @Test func intMinAndMaxBoundTheValue() throws {
        let map = try map("/page/<int(min=1, max=10):n>")
        #expect(try map.match(path: "/page/10", method: .get).arguments.int("n") == 10)
        #expect(throws: RoutingError.notFound) { try map.match(path: "/page/0", method: .get) }
        #expect(throws: RoutingError.notFound) { try map.match(path: "/page/11", method: .get) }
    }

    @Test func intTooLargeForIntIsNotFound() throws {
        let map = try map("/n/<int:n>")
        #expect(throws: RoutingError.notFound) { try map.match(path: "/n/99999999999999999999", method: .get) }
    }

    @Test func decimalDigitsOfAnyScriptCountAsDigits() throws {
        let map = try map("/n/<int:n>")
        #expect(try map.match(path: "/n/\u{663}\u{664}", method: .get).arguments.int("n") == 34)
    }

    @Test func floatNeedsADot() throws {
        let map = try map("/p/<float:p>")
        #expect(try map.match(path: "/p/0.25", method: .get).arguments.double("p") == 0.25)
        #expect(throws: RoutingError.notFound) { try map.match(path: "/p/1", method: .get) }
        #expect(throws: RoutingError.notFound) { try map.match(path: "/p/.5", method: .get) }
    }

    @Test func floatBuildsTheWayPythonWritesFloats() throws {
        let map = try map("/p/<float:p>")
        #expect(try map.build(endpoint: "page", arguments: ["p": "2"]) == "/p/2.0")
        #expect(try map.build(endpoint: "page", arguments: ["p": "1e20"]) == "/p/1e+20")
        #expect(try map.build(endpoint: "page", arguments: ["p": "9.5e15"]) == "/p/9500000000000000.0")
    }

    @Test func pathConverterSpansSegments() throws {
        let map = try map("/wiki/<path:page>/edit")
        let match = try map.match(path: "/wiki/guides/setup/edit", method: .get)
        #expect(match.arguments["page"] == "guides/setup")
        #expect(match.arguments.value("page", as: String.self) == "guides/setup")
    }

    @Test func uuidMatchesEitherCaseAsAFoundationUUID() throws {
        let map = try map("/object/<uuid:id>")
        let expected = UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")
        #expect(try map.match(path: "/object/e621e1f8-c36c-495a-93fc-0c247a3e6e5f", method: .get).arguments.uuid("id") == expected)
        #expect(try map.match(path: "/object/E621E1F8-C36C-495A-93FC-0C247A3E6E5F", method: .get).arguments.uuid("id") == expected)
        #expect(throws: RoutingError.notFound) { try map.match(path: "/object/e621e1f8", method: .get) }
    }

    @Test func anyMatchesOnlyItsItems() throws {
        let map = try map("/<any(about, help, \"a,b\"):page>")
        #expect(try map.match(path: "/help", method: .get).arguments["page"] == "help")
        #expect(try map.match(path: "/a,b", method: .get).arguments["page"] == "a,b")
        #expect(throws: RoutingError.notFound) { try map.match(path: "/imprint", method: .get) }
    }

    @Test func anyRefusesOtherValuesWhenBuilding() throws {
        let map = try map("/<any(about, help):page>")
        #expect(throws: URLBuildError.invalidValue(endpoint: "page", argument: "page", message: "'x' is not one of 'about', 'help'")) {
            try map.build(endpoint: "page", arguments: ["page": "x"])
        }
    }

    @Test func typedGettersReturnNilForAnotherType() throws {
        let map = try map("/post/<int:id>")
        let arguments = try map.match(path: "/post/3", method: .get).arguments
        #expect(arguments["id"] == nil)
        #expect(arguments.double("id") == nil)
        #expect(arguments.int("missing") == nil)
    }
}
