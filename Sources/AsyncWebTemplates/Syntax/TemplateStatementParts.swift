/// The pieces statements are built from, kept apart from `TemplateNode`
/// so each case there stays one line.

/// What `set`, `for` and `with` may assign to.
indirect enum TemplateAssignmentTarget: Sendable, Equatable {
    case name(String)
    /// `a, (b, c)`: unpacks a sequence.
    case tuple([TemplateAssignmentTarget])
    /// `ns.count` in `{% set ns.count = 1 %}`, which writes to a `namespace()`.
    case namespaceAttribute(namespace: String, attribute: String)
}

struct TemplateConditionalBranch: Sendable, Equatable {
    var condition: TemplateExpression
    var body: [TemplateNode]
}

/// `{% for target in iterable if filter recursive %}body{% else %}otherwise{% endfor %}`.
struct TemplateLoop: Sendable, Equatable {
    var target: TemplateAssignmentTarget
    var iterable: TemplateExpression
    /// Items for which this is false are skipped before `loop.index` counts them.
    var filter: TemplateExpression?
    var isRecursive: Bool
    var body: [TemplateNode]
    /// Rendered when no item was iterated.
    var otherwise: [TemplateNode]
}

struct TemplateBinding: Sendable, Equatable {
    var target: TemplateAssignmentTarget
    var value: TemplateExpression
}

/// `{% block name scoped required %}body{% endblock %}`.
struct TemplateBlock: Sendable, Equatable {
    var name: String
    /// Gives the body access to the variables of enclosing scopes such as loops.
    var isScoped: Bool
    /// Must be overridden by a child template; its body is whitespace only.
    var isRequired: Bool
    var body: [TemplateNode]
}

struct TemplateImportedName: Sendable, Equatable {
    var name: String
    var alias: String?
}

/// A macro or caller parameter and its default value.
struct TemplateParameter: Sendable, Equatable {
    var name: String
    var defaultValue: TemplateExpression?
}

/// `{% macro name(parameters) %}body{% endmacro %}`.
struct TemplateMacro: Sendable, Equatable {
    var name: String
    var parameters: [TemplateParameter]
    var body: [TemplateNode]
}
