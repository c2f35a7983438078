import Foundation
import Testing

import AsyncWeb

/// Every case of `Fixtures/routing/cases.json`, recorded from Werkzeug 3.1 by
/// `Fixtures/routing/generate.py`, gives the same answer from URLMap.
@Suite struct RoutingOracleTests {
    @Test func oracleCoversEnoughCases() throws {
        let oracle = try RoutingOracle.load()
        #expect(oracle.werkzeug.hasPrefix("3.1"))
        #expect(oracle.ruleSets.map(\.cases.count).reduce(0, +) >= 150)
    }

    @Test(arguments: RoutingOracle.examples)
    func agreesWithWerkzeug(_ example: RoutingOracle.Example) throws {
        let map = try RoutingOracle.map(for: example.ruleSet)
        let testCase = example.testCase
        switch testCase.kind {
        case "match": try checkMatch(testCase, in: map, rules: map.rules)
        case "allowed": checkAllowed(testCase, in: map)
        default: checkBuild(testCase, in: map)
        }
    }

    private func checkMatch(_ testCase: RoutingOracle.Case, in map: URLMap, rules: [Rule]) throws {
        let expected = testCase.expected
        let method = HTTPMethod(rawValue: testCase.method ?? "GET")
        let outcome = Result { () throws(RoutingError) in
            try map.match(path: testCase.path ?? "", method: method, query: testCase.query ?? "")
        }
        switch outcome {
        case .success(let match):
            #expect(expected.result == "match")
            #expect(match.rule === rules[try #require(expected.ruleIndex)])
            #expect(match.endpoint == expected.endpoint)
            let expectedArguments = expected.arguments ?? []
            #expect(match.arguments.names == expectedArguments.map(\.name))
            for argument in expectedArguments {
                switch (argument.type, argument.value) {
                case ("int", .int(let number)):
                    #expect(match.arguments.int(argument.name) == number)
                case ("double", .double(let number)):
                    #expect(match.arguments.double(argument.name) == number)
                case ("uuid", .text(let text)):
                    #expect(match.arguments.uuid(argument.name)?.uuidString.lowercased() == text)
                case ("path", .text(let text)):
                    guard case .path(let value)? = match.arguments.value(argument.name) else {
                        Issue.record("\(argument.name) is not a path value")
                        continue
                    }
                    #expect(Array(value.unicodeScalars) == Array(text.unicodeScalars))
                case ("string", .text(let text)):
                    guard case .string(let value)? = match.arguments.value(argument.name) else {
                        Issue.record("\(argument.name) is not a string value")
                        continue
                    }
                    #expect(Array(value.unicodeScalars) == Array(text.unicodeScalars))
                default:
                    Issue.record("unexpected argument \(argument)")
                }
            }
        case .failure(.redirect(let location)):
            #expect(expected.result == "redirect")
            #expect(location == expected.location)
        case .failure(.methodNotAllowed(let allowed)):
            #expect(expected.result == "methodNotAllowed")
            #expect(allowed.map(\.rawValue) == expected.allowed)
        case .failure(.notFound):
            #expect(expected.result == "notFound")
        }
    }

    private func checkAllowed(_ testCase: RoutingOracle.Case, in map: URLMap) {
        #expect(map.allowedMethods(path: testCase.path ?? "").map(\.rawValue) == testCase.expected.methods)
    }

    private func checkBuild(_ testCase: RoutingOracle.Case, in map: URLMap) {
        let expected = testCase.expected
        let arguments = (testCase.arguments ?? []).map { (name: $0[0], value: $0[1]) }
        let outcome = Result { () throws(URLBuildError) in
            try map.build(
                endpoint: testCase.endpoint ?? "", arguments: arguments,
                method: testCase.method.map(HTTPMethod.init(rawValue:)), external: testCase.external ?? false,
                scheme: testCase.scheme ?? "http", host: testCase.host ?? "localhost",
                scriptRoot: testCase.scriptRoot ?? "")
        }
        switch outcome {
        case .success(let url):
            #expect(expected.result == "url")
            #expect(url == expected.url)
        case .failure(.noMatchingRule(_, let message)):
            #expect(expected.result == "buildError")
            #expect(message == expected.message)
        case .failure(.invalidValue(_, _, let message)):
            #expect(expected.result == "invalidValue")
            #expect(message == expected.message)
        }
    }
}
