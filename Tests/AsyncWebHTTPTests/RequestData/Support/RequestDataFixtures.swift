import Foundation
import Testing

/// Werkzeug's answers for query strings, form bodies, limits and filenames, as
/// `Fixtures/requestdata/generate.py` wrote them; bytes are base64.
enum RequestDataFixtures {
    struct Cases: Decodable {
        let werkzeug: String
        let query: [QueryCase]
        let multipart: [MultipartCase]
        let limits: [LimitCase]
        let secureFilename: [FilenameCase]
        let optionsHeader: [OptionsHeaderCase]
    }

    /// A query string, through `Request.args` and as a urlencoded `Request.form`.
    struct QueryCase: Decodable, Sendable, CustomTestStringConvertible {
        private let input: String
        /// nil where Werkzeug's `Request.args` raises (raw bytes that are not UTF-8).
        let args: [[String]]?
        /// What AsyncWeb answers there instead: the raw bytes percent-encoded.
        let argsLenient: [[String]]?
        let form: [[String]]

        var bytes: [UInt8] { [UInt8](Data(base64Encoded: input)!) }
        var testDescription: String { "query " + String(decoding: bytes, as: UTF8.self).debugDescription }
    }

    /// A body through Flask's `request.form` and `request.files`.
    struct MultipartCase: Decodable, Sendable, CustomTestStringConvertible {
        let title: String
        let contentType: String?
        private let body: String
        /// ok, malformed (Werkzeug raises ValueError, Flask shows an empty form) or tooLarge.
        let outcome: String
        let fields: [[String]]
        let files: [ExpectedFile]
        let werkzeugDiffersAtReadSizes: [Int]?

        var bytes: [UInt8] { [UInt8](Data(base64Encoded: body)!) }
        var testDescription: String { title }
    }

    struct ExpectedFile: Decodable, Sendable {
        /// nil for a part without a name, which AsyncWeb drops.
        let name: String?
        let filename: String?
        let contentType: String?
        let contentLength: Int
        let headers: [[String]]
        private let content: String

        var bytes: [UInt8] { [UInt8](Data(base64Encoded: content)!) }
    }

    /// A body under Werkzeug's limits.
    struct LimitCase: Decodable, Sendable, CustomTestStringConvertible {
        let title: String
        let contentType: String
        private let body: String
        let maxFormMemorySize: Int?
        let maxFormParts: Int?
        let maxContentLength: Int?
        let outcome: String
        let fields: [[String]]
        let files: [ExpectedFile]

        var bytes: [UInt8] { [UInt8](Data(base64Encoded: body)!) }
        var testDescription: String { title }
    }

    struct FilenameCase: Decodable, Sendable, CustomTestStringConvertible {
        let input: String
        /// Werkzeug's answer on Windows, the rules AsyncWeb follows.
        let output: String
        let posixOutput: String

        var testDescription: String { "secure_filename(\(input.debugDescription))" }
    }

    struct OptionsHeaderCase: Decodable, Sendable, CustomTestStringConvertible {
        let input: String?
        let value: String
        let options: [String: String]

        var testDescription: String { "parse_options_header(\(input?.debugDescription ?? "None"))" }
    }

    /// Every case; empty lists if the fixture is missing, which the oracle tests report.
    static let cases: Cases? = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?
            .appendingPathComponent("requestdata/cases.json"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(Cases.self, from: data)
    }()

    static var query: [QueryCase] { cases?.query ?? [] }
    static var multipart: [MultipartCase] { cases?.multipart ?? [] }
    static var limits: [LimitCase] { cases?.limits ?? [] }
    static var filenames: [FilenameCase] { cases?.secureFilename ?? [] }
    static var optionsHeaders: [OptionsHeaderCase] { cases?.optionsHeader ?? [] }
}

/// Python compares strings by code points, Swift by canonical equivalence: the oracle
/// compares code points, so `"é"` and `"e\u{301}"` stay different, as in Werkzeug.
func codePoints(_ text: String?) -> [UInt32]? {
    text.map { $0.unicodeScalars.map(\.value) }
}

func codePointPairs<Pairs: Sequence>(_ pairs: Pairs) -> [[UInt32]] where Pairs.Element == (key: String, value: String) {
    pairs.flatMap { [codePoints($0.key)!, codePoints($0.value)!] }
}

func codePointPairs(_ pairs: [[String]]) -> [[UInt32]] {
    pairs.flatMap { $0.map { codePoints($0)! } }
}
