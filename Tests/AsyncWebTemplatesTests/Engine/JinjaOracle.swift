import AsyncWebTemplates
import Foundation
import TestSupport

/// Renders templates with Jinja2 and with our engine over the same JSON
/// context, each outcome written the same way: the text, or `!` and the
/// exception's class name (Python's, or the one a ``TemplateError`` stands for).
enum JinjaOracle {
    /// What Jinja2's default environment (no autoescaping) renders for each source.
    static func outcomes(_ sources: [String], context: String) throws -> [String] {
        let script = """
            import json, sys, jinja2
            environment = jinja2.Environment()
            context = json.loads(sys.argv[2])
            out = []
            for source in json.loads(sys.argv[1]):
                try:
                    out.append(environment.from_string(source).render(**context))
                except Exception as error:
                    out.append("!" + type(error).__name__)
            print(json.dumps(out))
            """
        let encoded = String(decoding: try JSONEncoder().encode(sources), as: UTF8.self)
        return try JSONDecoder().decode([String].self, from: PythonOracle.run(script, arguments: [encoded, context]))
    }

    /// What our engine renders for `source`, as a `.txt` template (no autoescaping).
    static func ours(_ source: String, context: String) -> String {
        do {
            let environment = TemplateEnvironment(loader: DictionaryTemplateLoader(["t.txt": source]))
            return try environment.render("t.txt", try TemplateContext(json: context))
        } catch let error as TemplateError {
            return "!" + error.kind.rawValue
        } catch {
            return "!\(type(of: error))"
        }
    }
}
