import AsyncWebEncoding
import Testing

/// Random values, encoded through a random mix of container calls, with keys drawn from a
/// few so that they repeat: the text encoder must agree with the tree on every one.
@Suite("JSON text encoder, random values")
struct JSONTextEncoderRandomTests {
    @Test func randomValuesAreWrittenAsTheTreeWritesThem() {
        var random = SplitMix64(seed: 0x15_0A)
        for _ in 0..<3_000 {
            expectTreeText(Plan.random(&random, depth: 4))
        }
    }
}

/// How a value encodes itself.
private indirect enum Plan: Encodable {
    /// Any other `Encodable`, through the container's own `encode`.
    case value(any Encodable)
    case null
    /// Members through one keyed container; a `nested` one through a nested container or
    /// a super encoder instead of `encode(_:forKey:)`.
    case object([(key: String, nested: Bool, plan: Plan)])
    case array([(nested: Bool, plan: Plan)])
    /// Through `singleValueContainer().encode(_:)`.
    case single(Plan)
    case failure(Int)

    static let keys = ["a", "b", "B", "aa", "", "é", "e\u{301}", "super", "\"", "😀", "10", "9"]
    static let values: [any Encodable & Sendable] = [
        0, -1, Int.min, Int.max, Int8.min, UInt8.max, Int16.min, UInt32.max, Int64.min, UInt64.max, UInt.max,
        0.1, 1e16, -0.0, 1e-7, 1e300, Double.leastNonzeroMagnitude, Double.nan, -Double.infinity, Float(0.1), Float.infinity,
        true, false, "", "plain", "q\"\\/\n\u{1}\u{7F}", "é😀\u{FFFF}", Int?.none, Int?.some(3), Int??.some(nil),
        Silent(), [Int](), [String: Int](), ["k": 1], [3, 1], JSONValue.object([("b", 1), ("a", 2), ("b", 3)]),
    ]

    static func random(_ random: inout SplitMix64, depth: Int) -> Plan {
        switch random.next(below: depth > 0 ? 10 : 3) {
        case 0: return .value(values[random.next(below: values.count)])
        case 1: return .null
        case 2: return random.next(below: 40) == 0 ? .failure(random.next(below: 1000)) : .value(Silent())
        case 3, 4, 5:
            return .object((0..<random.next(below: 6)).map { _ in
                (keys[random.next(below: keys.count)], random.next(below: 3) == 0, Plan.random(&random, depth: depth - 1))
            })
        case 6, 7, 8:
            return .array((0..<random.next(below: 5)).map { _ in
                (random.next(below: 3) == 0, Plan.random(&random, depth: depth - 1))
            })
        default: return .single(Plan.random(&random, depth: depth - 1))
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .value(let value): try value.encode(to: encoder)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            try Self.fill(&container, members)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            try Self.fill(&container, elements)
        case .single(let plan):
            var container = encoder.singleValueContainer()
            try container.encode(plan)
        case .failure(let id): throw Failure(id: id)
        }
    }

    private static func fill(_ container: inout KeyedEncodingContainer<Key>, _ members: [(key: String, nested: Bool, plan: Plan)]) throws {
        for (name, nested, plan) in members {
            let key = Key(stringValue: name)
            switch (nested, plan) {
            case (false, .value(let value)): try container.encode(value, forKey: key)
            case (false, .null): try container.encodeNil(forKey: key)
            case (false, _): try container.encode(plan, forKey: key)
            case (true, .object(let members)):
                var nestedContainer = container.nestedContainer(keyedBy: Key.self, forKey: key)
                try fill(&nestedContainer, members)
            case (true, .array(let elements)):
                var nestedContainer = container.nestedUnkeyedContainer(forKey: key)
                try fill(&nestedContainer, elements)
            case (true, _):
                try plan.encode(to: name == "super" ? container.superEncoder() : container.superEncoder(forKey: key))
            }
        }
    }

    private static func fill(_ container: inout any UnkeyedEncodingContainer, _ elements: [(nested: Bool, plan: Plan)]) throws {
        for (nested, plan) in elements {
            switch (nested, plan) {
            case (false, .value(let value)): try container.encode(value)
            case (false, .null): try container.encodeNil()
            case (false, _): try container.encode(plan)
            case (true, .object(let members)):
                var nestedContainer = container.nestedContainer(keyedBy: Key.self)
                try fill(&nestedContainer, members)
            case (true, .array(let elements)):
                var nestedContainer = container.nestedUnkeyedContainer()
                try fill(&nestedContainer, elements)
            case (true, _): try plan.encode(to: container.superEncoder())
            }
        }
    }
}

/// A small, fast, seeded generator: the same values on every run.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
