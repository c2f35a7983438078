import Testing

@testable import AsyncWeb

/// A colour written as six hexadecimal digits, the example of the
/// `RouteConverter` documentation.
private struct HexColorConverter: RouteConverter {
    init(arguments: ConverterArguments) throws(RulePatternError) {
        _ = try arguments.bind([])
    }

    func accepts(_ text: Substring) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit }
    }

    func value(from text: Substring) -> RouteValue? {
        Int(text, radix: 16).map(RouteValue.int)
    }
}

private struct Slug: Sendable, Equatable {
    let words: [String]
}

/// Words joined by dashes, with a typed value and its own URL text.
private struct SlugConverter: RouteConverter {
    let maximumWords: Int

    init(arguments: ConverterArguments) throws(RulePatternError) {
        maximumWords = try arguments.bind(["max_words"]).int("max_words") ?? .max
    }

    var weight: Int { 10 }

    func accepts(_ text: Substring) -> Bool {
        let words = text.split(separator: "-", omittingEmptySubsequences: false)
        return words.count <= maximumWords && words.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isLetter) }
    }

    func value(from text: Substring) -> RouteValue? {
        .custom(Slug(words: text.split(separator: "-").map(String.init)))
    }

    func urlText(for value: String) throws(InvalidRouteValue) -> String {
        let words = value.split(separator: " ")
        guard !words.isEmpty else { throw InvalidRouteValue("an empty slug") }
        return words.joined(separator: "-").lowercased()
    }
}

@Suite("Custom route converters") struct CustomRouteConverterTests {
    @Test func registeredConverterMatchesAndConverts() throws {
        var map = URLMap()
        map.register(HexColorConverter.self, as: "hex")
        try map.add("/color/<hex:rgb>", endpoint: "color")
        #expect(try map.match(path: "/color/ff8800", method: .get).arguments.int("rgb") == 0xFF8800)
        #expect(throws: RoutingError.notFound) { try map.match(path: "/color/orange", method: .get) }
        #expect(try map.build(endpoint: "color", arguments: ["rgb": "ff 88"]) == "/color/ff%2088")
    }

    @Test func customValuesComeBackThroughTheGenericGetter() throws {
        var map = URLMap()
        map.register(SlugConverter.self, as: "slug")
        try map.add("/post/<slug(max_words=3):title>", endpoint: "post")
        let slug = try map.match(path: "/post/hello-big-world", method: .get).arguments.value("title", as: Slug.self)
        #expect(slug == Slug(words: ["hello", "big", "world"]))
        #expect(throws: RoutingError.notFound) { try map.match(path: "/post/a-b-c-d", method: .get) }
        #expect(try map.build(endpoint: "post", arguments: ["title": "Hello World"]) == "/post/hello-world")
    }

    @Test func weightOrdersCustomConvertersAmongTheBuiltIns() throws {
        var map = URLMap()
        map.register(SlugConverter.self, as: "slug")
        try map.add("/<name>", endpoint: "string")
        try map.add("/<slug:title>", endpoint: "slug")
        #expect(try map.match(path: "/hello-world", method: .get).endpoint == "slug")
        #expect(try map.match(path: "/hello_world", method: .get).endpoint == "string")
    }

    @Test func converterArgumentErrorsNameThePattern() {
        var map = URLMap()
        map.register(SlugConverter.self, as: "slug")
        #expect(throws: RulePatternError(pattern: "/<slug(words=2):s>", reason: "converter 'slug' has no parameter 'words' (parameters: max_words)")) {
            try map.add("/<slug(words=2):s>", endpoint: "s")
        }
    }
}
