import Foundation
import Testing

import AsyncWeb

/// The cases `Fixtures/routing/generate.py` ran through real Werkzeug, with
/// its answers, as written to `Fixtures/routing/cases.json`.
struct RoutingOracle: Decodable {
    struct RuleSet: Decodable, Sendable {
        let name: String
        let rules: [RuleEntry]
        let cases: [Case]
    }

    struct RuleEntry: Decodable, Sendable {
        let pattern: String
        let endpoint: String
        let methods: [String]
        let strictSlashes: Bool
        let automaticOptions: Bool
    }

    struct Case: Decodable, Sendable {
        let kind: String
        let path: String?
        let method: String?
        let query: String?
        let endpoint: String?
        let arguments: [[String]]?
        let external: Bool?
        let scheme: String?
        let host: String?
        let scriptRoot: String?
        let expected: Expected
    }

    struct Expected: Decodable, Sendable {
        let result: String
        let ruleIndex: Int?
        let endpoint: String?
        let arguments: [Argument]?
        let location: String?
        let allowed: [String]?
        let methods: [String]?
        let url: String?
        let message: String?
    }

    struct Argument: Decodable, Sendable {
        enum Value: Equatable, Sendable {
            case int(Int)
            case double(Double)
            case text(String)
        }

        let name: String
        let type: String
        let value: Value

        private enum CodingKeys: String, CodingKey { case name, type, value }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            type = try container.decode(String.self, forKey: .type)
            switch type {
            case "int": value = .int(try container.decode(Int.self, forKey: .value))
            case "double": value = .double(try container.decode(Double.self, forKey: .value))
            default: value = .text(try container.decode(String.self, forKey: .value))
            }
        }
    }

    let werkzeug: String
    let ruleSets: [RuleSet]

    struct FixturesMissing: Error {}

    static func load() throws -> RoutingOracle {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw FixturesMissing()
        }
        let data = try Data(contentsOf: fixtures.appending(path: "routing/cases.json"))
        return try JSONDecoder().decode(RoutingOracle.self, from: data)
    }

    /// One case with the rule set it runs against, named for test reports.
    struct Example: Sendable, CustomTestStringConvertible {
        let ruleSet: RuleSet
        let number: Int

        var testCase: Case { ruleSet.cases[number] }

        var testDescription: String {
            let subject = testCase.kind == "build" ? testCase.endpoint ?? "" : testCase.path ?? ""
            return "\(ruleSet.name) #\(number): \(testCase.kind) \(subject.debugDescription) \(testCase.method ?? "")"
        }
    }

    /// Every case; empty when the fixture can't be read, which
    /// `oracleCoversEnoughCases` reports.
    static var examples: [Example] {
        guard let oracle = try? load() else { return [] }
        return oracle.ruleSets.flatMap { ruleSet in
            ruleSet.cases.indices.map { Example(ruleSet: ruleSet, number: $0) }
        }
    }

    /// The rule set as a URLMap, registered as Flask would.
    static func map(for ruleSet: RuleSet) throws -> URLMap {
        var map = URLMap()
        for rule in ruleSet.rules {
            try map.add(
                rule.pattern, endpoint: rule.endpoint, methods: Set(rule.methods.map(HTTPMethod.init(rawValue:))),
                strictSlashes: rule.strictSlashes, automaticOptions: rule.automaticOptions)
        }
        return map
    }
}
