import Foundation
import Testing

/// The third-party inputs the parser is tested against, read from the test
/// bundle's `Fixtures` folder so the tests need nothing outside the repository.
enum ParserFixtures {
    /// One of llhttp's strict request cases, as `llhttp/generate.py` wrote it.
    struct LLHTTPCase: Decodable, Sendable, CustomTestStringConvertible {
        let file: String
        let title: String
        /// The input, one character per byte (latin-1).
        private let input: String
        let expectsError: Bool
        let llhttpError: String?
        /// How many messages llhttp completed before the input ended or it stopped.
        let completedMessages: Int
        /// How many body bytes llhttp reported in all.
        let bodyBytes: Int

        var bytes: [UInt8] {
            input.unicodeScalars.map { UInt8($0.value) }
        }

        var testDescription: String { "\(file): \(title)" }
    }

    /// Every strict llhttp request case; empty if the fixture is missing,
    /// which `LLHTTPConformanceTests` reports.
    static let llhttpCases: [LLHTTPCase] = {
        guard let url = url("llhttp/request-cases.json"), let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([LLHTTPCase].self, from: data)) ?? []
    }()

    /// One of h2o's HTTP/1 fuzzing seeds.
    struct H2OSeed: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]

        var testDescription: String { "h2o seed \(name) (\(bytes.count) bytes)" }
    }

    /// h2o's HTTP/1 fuzzing seeds, by file name; empty if the fixture is
    /// missing, which `H2OFuzzSeedTests` reports.
    static let h2oSeeds: [H2OSeed] = {
        guard let directory = url("h2o/seeds"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.sorted().compactMap { name in
            (try? Data(contentsOf: directory.appendingPathComponent(name))).map { H2OSeed(name: name, bytes: [UInt8]($0)) }
        }
    }()

    private static func url(_ path: String) -> URL? {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent(path)
    }
}
