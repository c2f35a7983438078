import FuzzSupport
@testable import AsyncWebTemplates

/// The template lexer and parser (with Jinja's whitespace options on), and the
/// compiler after them. Rendering is left out: a valid template may loop for
/// as long as it likes (`range(10**9)`), which is not a bug.
@main enum TemplateFuzzer: FuzzTarget {
    static let environment = TemplateEnvironment()
    static let trimming = TemplateSyntaxOptions(trimBlocks: true, lstripBlocks: true, keepTrailingNewline: true)

    static func fuzz(_ input: UnsafeRawBufferPointer) {
        let text = String(decoding: input, as: UTF8.self)
        _ = try? TemplateParser.parse(TemplateSource(text: text), options: trimming)
        _ = try? environment.template(source: text)
    }
}
