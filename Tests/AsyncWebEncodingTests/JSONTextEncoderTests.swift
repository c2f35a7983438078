import AsyncWebEncoding
import Testing

/// `JSONTextEncoder` writes, byte for byte, what `JSONWriter.flask` writes of
/// `JSONValueEncoder`'s tree, and throws what encoding to the tree throws.
@Suite("JSON text encoder")
struct JSONTextEncoderTests {
    struct Address: Encodable {
        let street: String
        let city: String
        let zip: String?
    }

    struct User: Encodable {
        let name: String
        let id: Int
        let address: Address
        let tags: [String]
        let scores: [String: Double]
        let manager: Address?
        let friends: [User]
    }

    /// Declared out of key order, with a non-ASCII name and one that sorts before letters.
    struct Unsorted: Encodable {
        var zebra = 1, apple = [true, false], Mango = "m", émile = 0.5, _under: Int? = nil, a1 = [[Int]]()
    }

    enum Shape: Encodable {
        case circle(radius: Double)
        case polygon([Int], closed: Bool)
        case empty
    }

    final class Base: Encodable {
        var b = 1, a = "base"
    }

    final class Derived: Encodable {
        let base = Base()
        let z = 2
        func encode(to encoder: any Encoder) throws {
            try base.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(z, forKey: "z")
            try base.encode(to: container.superEncoder())
        }
    }

    @Test func modelsNestedArraysDictionariesAndOptionals() {
        let home = Address(street: "1 Main St", city: "Zürich", zip: nil)
        let bob = User(name: "bob", id: 2, address: home, tags: [], scores: [:], manager: nil, friends: [])
        expectTreeText(User(name: "alice", id: 1, address: home, tags: ["a", "b"], scores: ["z": 1, "m": 0.5, "a": -2],
                            manager: Address(street: "", city: "", zip: "8000"), friends: [bob, bob]))
        expectTreeText([bob])
        expectTreeText(Unsorted())
        expectTreeText([Shape.circle(radius: 2), .polygon([1, 2], closed: true), .empty])
        expectTreeText(Derived())
    }

    @Test func dictionariesSortTheirKeysByCodePoint() {
        expectTreeText(["b": 1, "a": 2, "B": 3, "": 4, "é": 5, "😀": 6, "\u{FFFF}": 7, "aa": 8, "a\"": 9])
        expectTreeText([10: "ten", 9: "nine", -1: "minus one", 100: "hundred"])
        expectTreeText(Dictionary(uniqueKeysWithValues: (0..<300).map { ("key\($0 * 7919 % 1000)", $0) }))
        expectTreeText(["outer": ["z": [1], "a": []], "inner": [:]])
    }

    @Test func stringsAreEscapedAsPythonsEnsureASCII() {
        let strings = ["", "plain", "quote\"", "back\\slash", "/", "\u{0}\u{1}\u{1F}\u{7F}", "\n\r\t\u{08}\u{0C}", "é",
                       "e\u{301}", "😀", "\u{FFFF}", "\u{10000}", "\u{10FFFF}", "日本語", "mixed é \" \\ 😀 \n"]
        expectTreeText(strings)
        // "é" and "e\u{301}" are one key to a dictionary: the last value stays.
        expectTreeText(Dictionary(strings.enumerated().map { ($1, $0) }, uniquingKeysWith: { $1 }))
    }

    @Test func integersOfEveryWidthAtTheirExtremes() {
        expectTreeText(Custom { encoder in
            var container = encoder.unkeyedContainer()
            try container.encode(Int8.min); try container.encode(Int8.max)
            try container.encode(Int16.min); try container.encode(Int16.max)
            try container.encode(Int32.min); try container.encode(Int32.max)
            try container.encode(Int64.min); try container.encode(Int64.max)
            try container.encode(Int.min); try container.encode(Int.max); try container.encode(0); try container.encode(-7)
            try container.encode(UInt8.max); try container.encode(UInt16.max); try container.encode(UInt32.max)
            try container.encode(UInt64(Int.max)); try container.encode(UInt64(Int.max) + 1); try container.encode(UInt64.max)
            try container.encode(UInt.max); try container.encode(UInt.min)
        })
        expectTreeText(["min": Int.min, "max": Int.max])
        expectTreeText(UInt64.max)
    }

    @Test func floatsAreWrittenAsPythonsReprAndNonFiniteOnesAsPythonsNames() {
        let doubles: [Double] = [0.1, 1e16, 1e15, -0.0, 0, 1e-7, 1e-4, 1e-5, 1, 2.5, 123456789.123, 9007199254740992,
                                 1e308, .greatestFiniteMagnitude, .leastNormalMagnitude, .leastNonzeroMagnitude,
                                 0.1 + 0.2, -1e-300, .nan, .infinity, -.infinity]
        expectTreeText(doubles)
        expectTreeText([Float(0.1), -0, 16_777_215, .greatestFiniteMagnitude, .leastNonzeroMagnitude, .nan, -.infinity])
        expectTreeText(Double.nan)
        expectTreeText(["x": Float(1e-7)])
    }

    @Test func scalarsAtTheTopLevel() {
        expectTreeText(true)
        expectTreeText("text")
        expectTreeText(Int?.none)
        expectTreeText(Int??.some(nil))
        expectTreeText(Silent())
    }

    @Test func emptyContainersAndValuesThatWriteNothing() {
        struct Empty: Encodable {}
        struct AllNil: Encodable { var a: Int?, b: String? }
        expectTreeText([Int]())
        expectTreeText([String: Int]())
        expectTreeText(Empty())
        expectTreeText(AllNil())
        expectTreeText([[[Int]]]([[], [[]]]))
        expectTreeText(["a": Silent()])
        expectTreeText([Silent(), Silent()])
        expectTreeText(Custom { encoder in
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(Silent(), forKey: "a")
            try container.encode(Int?.none, forKey: "n")
            try container.encodeIfPresent(Int?.none, forKey: "skipped")
            _ = container.nestedContainer(keyedBy: Key.self, forKey: "o")
            _ = container.nestedUnkeyedContainer(forKey: "u")
            _ = container.superEncoder(forKey: "s")
        })
    }

    @Test func jsonValuesAreWrittenAsTheyAre() {
        let duplicated = JSONValue.object([(key: "b", value: 1), (key: "a", value: 2), (key: "b", value: 3)])
        // At the top level its members go through a keyed container (the last "b" wins); inside
        // anything it is stored whole, duplicates and all.
        expectTreeText(duplicated)
        expectTreeText([duplicated])
        expectTreeText(["x": duplicated, "y": [1, nil, 2.5, "s", true, [:], []]])
    }

    @Test func deepNesting() {
        var array: JSONValue = []
        for _ in 0..<200 { array = [array, 1] }
        expectTreeText(array)
        var models: [[[[[[String: [Int]]]]]]] = [[[[[["k": [1]]]]]]]
        models.append([])
        expectTreeText(models)
    }
}
