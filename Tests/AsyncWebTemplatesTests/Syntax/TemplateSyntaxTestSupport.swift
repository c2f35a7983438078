@testable import AsyncWebTemplates

/// The tokens of `text` as (line, kind) pairs, without the final end of template.
func lexed(_ text: String, options: TemplateSyntaxOptions = TemplateSyntaxOptions()) throws -> [TemplateToken] {
    Array(try TemplateLexer.tokenize(TemplateSource(text: text), options: options).dropLast())
}

/// The text of the data tokens, for checking what whitespace control keeps.
func lexedData(_ text: String, options: TemplateSyntaxOptions = TemplateSyntaxOptions()) throws -> [String] {
    try lexed(text, options: options).compactMap { token in
        if case .data(let data) = token.kind { return data }
        return nil
    }
}

func parsed(_ text: String) throws -> [TemplateNode] {
    try TemplateParser.parse(TemplateSource(text: text))
}

/// The expression printed by `{{ source }}`.
func parsedExpression(_ source: String) throws -> TemplateExpression? {
    guard case .print(let expression, _)? = try parsed("{{ \(source) }}").first else { return nil }
    return expression
}

/// The error Jinja-compatible parsing reports for `text`, named `t.html`.
func syntaxError(_ text: String) -> TemplateSyntaxError? {
    do {
        _ = try TemplateParser.parse(TemplateSource(name: "t.html", text: text))
        return nil
    } catch {
        return error as? TemplateSyntaxError
    }
}
