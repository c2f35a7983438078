/// One piece of a parsed template: text, a printed expression, or a
/// statement with its body. Each node keeps the line of its tag so the
/// renderer can report runtime errors where the template author looks.
indirect enum TemplateNode: Sendable, Equatable {
    /// Literal text between tags.
    case text(String, line: Int)
    /// `{{ expression }}` or `{% print expression %}`.
    case print(TemplateExpression, line: Int)
    /// `{% if %}…{% elif %}…{% else %}…{% endif %}`: the first branch whose
    /// condition holds renders, otherwise `otherwise`.
    case conditional(branches: [TemplateConditionalBranch], otherwise: [TemplateNode], line: Int)
    case loop(TemplateLoop, line: Int)
    /// `{% set target = value %}`.
    case assignment(target: TemplateAssignmentTarget, value: TemplateExpression, line: Int)
    /// `{% set target | filters %}body{% endset %}`: the rendered body,
    /// passed through the filters, is assigned.
    case blockAssignment(target: TemplateAssignmentTarget, filters: [TemplateFilterCall], body: [TemplateNode], line: Int)
    /// `{% with a = 1, b = 2 %}`: a scope with its own variables.
    case with(bindings: [TemplateBinding], body: [TemplateNode], line: Int)
    case block(TemplateBlock, line: Int)
    case extends(template: TemplateExpression, line: Int)
    case include(template: TemplateExpression, ignoreMissing: Bool, withContext: Bool, line: Int)
    /// `{% import "forms.html" as forms %}`.
    case importModule(template: TemplateExpression, alias: String, withContext: Bool, line: Int)
    /// `{% from "forms.html" import input as field, label %}`.
    case importNames(template: TemplateExpression, names: [TemplateImportedName], withContext: Bool, line: Int)
    case macro(TemplateMacro, line: Int)
    /// `{% call(user) render_list(users) %}body{% endcall %}`: calls
    /// `call` with the body available as `caller(user)`.
    case callBlock(parameters: [TemplateParameter], call: TemplateExpression, body: [TemplateNode], line: Int)
    /// `{% filter upper %}body{% endfilter %}`.
    case filterBlock(filters: [TemplateFilterCall], body: [TemplateNode], line: Int)
    /// `{% autoescape true %}body{% endautoescape %}`.
    case autoescape(enabled: TemplateExpression, body: [TemplateNode], line: Int)

    /// The line the node's text or tag starts on.
    var line: Int {
        switch self {
        case .text(_, let line), .print(_, let line), .conditional(_, _, let line), .loop(_, let line),
             .assignment(_, _, let line), .blockAssignment(_, _, _, let line), .with(_, _, let line),
             .block(_, let line), .extends(_, let line), .include(_, _, _, let line),
             .importModule(_, _, _, let line), .importNames(_, _, _, let line), .macro(_, let line),
             .callBlock(_, _, _, let line), .filterBlock(_, _, let line), .autoescape(_, _, let line):
            line
        }
    }
}
