import AsyncWebEncoding
import Foundation
import Testing
import AsyncWebTemplates

/// Every case of `Fixtures/templates/cases.json`, rendered by real Jinja2
/// 3.1, must come out of our engine byte for byte, or fail with the same
/// exception type and message (and line, for syntax errors).
@Suite("Jinja2 template corpus")
struct TemplateCorpusTests {
    @Test(arguments: TemplateCorpus.ids)
    func rendersAsJinja(_ id: String) throws {
        let testCase = try #require(TemplateCorpus.cases[id])
        var configuration = TemplateEnvironment.Configuration()
        configuration.strictUndefined = testCase.options["undefined"] == "strict"
        configuration.trimBlocks = testCase.options["trim_blocks"] == .bool(true)
        configuration.lstripBlocks = testCase.options["lstrip_blocks"] == .bool(true)
        // The corpus follows Flask's rule by file name, and never renders from strings.
        let environment = TemplateEnvironment(
            loader: DictionaryTemplateLoader(testCase.templates), configuration: configuration
        )
        let outcome = Result { try environment.render(testCase.entry, TemplateContext(testCase.context)) }
        if let expected = testCase.expected {
            #expect(try outcome.get() == expected)
            return
        }
        guard case .failure(let failure) = outcome else {
            Issue.record("rendered \(String(describing: try? outcome.get())) instead of failing")
            return
        }
        let error = try #require(failure as? TemplateError, "\(failure)")
        #expect(error.kind.rawValue == testCase.errorType)
        #expect(error.message == testCase.errorMessage)
        if let line = testCase.errorLine { #expect(error.line == line) }
    }
}

/// The cases of `cases.json`, read once.
enum TemplateCorpus {
    struct Case {
        var templates: [String: String]
        var entry: String
        var context: [String: TemplateValue]
        var options: TemplateDictionary
        var expected: String?
        var errorType: String?
        var errorMessage: String?
        var errorLine: Int?
    }

    static let cases: [String: Case] = load()
    static let ids: [String] = cases.keys.sorted()

    private static func load() -> [String: Case] {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?
            .appendingPathComponent("templates/cases.json"),
            let text = try? String(contentsOf: url, encoding: .utf8),
            case .dictionary(let root) = try? TemplateValue(JSONReader.parse(text)).withMarkupMarkers,
            case .list(let entries) = root["cases"]
        else { return [:] }
        var cases: [String: Case] = [:]
        for case .dictionary(let entry) in entries {
            guard case .string(let id) = entry["id"], case .dictionary(let templates) = entry["templates"],
                case .string(let name) = entry["entry"], case .dictionary(let context) = entry["context"],
                case .dictionary(let options) = entry["options"]
            else { continue }
            var testCase = Case(
                templates: Dictionary(uniqueKeysWithValues: templates.map { (try! $0.key.text(), try! $0.value.text()) }),
                entry: name,
                context: Dictionary(uniqueKeysWithValues: context.map { (try! $0.key.text(), $0.value) }),
                options: options
            )
            if case .string(let expected) = entry["expected"] { testCase.expected = expected }
            if case .dictionary(let error) = entry["error"] {
                testCase.errorType = error["type"].flatMap { try? $0.text() }
                testCase.errorMessage = error["message"].flatMap { try? $0.text() }
                testCase.errorLine = error["lineno"]?.integerValue
            }
            cases[id] = testCase
        }
        return cases
    }
}

extension TemplateValue {
    /// The corpus marks Markup values as strings starting `__markup__:`.
    fileprivate var withMarkupMarkers: TemplateValue {
        switch self {
        case .string(let text) where text.hasPrefix("__markup__:"):
            .markup(Markup(String(text.dropFirst("__markup__:".count))))
        case .list(let elements): .list(elements.map(\.withMarkupMarkers))
        case .dictionary(let members):
            .dictionary(TemplateDictionary(uniqueKeysWithValues: members.map { ($0.key, $0.value.withMarkupMarkers) }))
        default: self
        }
    }
}
