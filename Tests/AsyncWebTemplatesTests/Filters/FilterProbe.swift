import Testing
@testable import AsyncWebTemplates

/// Applies Jinja's builtin filters as `{{ value|name(arguments) }}` would,
/// in a render that escapes (like an `.html` template) or not.
struct FilterProbe {
    let state: TemplateRenderState

    init(autoescape: Bool, strictUndefined: Bool = false) {
        var configuration = TemplateEnvironment.Configuration()
        configuration.strictUndefined = strictUndefined
        state = TemplateRenderState(environment: TemplateEnvironment(configuration: configuration), autoescape: autoescape)
    }

    /// A render with autoescaping, as in an `.html` template.
    static var html: FilterProbe { FilterProbe(autoescape: true) }
    /// A render without autoescaping, as in a `.txt` template.
    static var text: FilterProbe { FilterProbe(autoescape: false) }
    /// A render with Jinja's `StrictUndefined`.
    static var strict: FilterProbe { FilterProbe(autoescape: true, strictUndefined: true) }

    /// The variable `missing`, undefined in this render's way.
    var missing: TemplateValue { state.undefined(.name("missing")) }

    /// The filter's result.
    func apply(
        _ name: String, _ value: TemplateValue, _ positional: TemplateValue..., keyword: KeyValuePairs<String, TemplateValue> = [:]
    ) throws -> TemplateValue {
        let arguments = TemplateCallArguments(positional, keyword: keyword.map { (name: $0.key, value: $0.value) })
        return try state.applyFilter(name, to: value, arguments)
    }

    /// What `{{ value|name(arguments) }}` prints.
    func render(
        _ name: String, _ value: TemplateValue, _ positional: TemplateValue..., keyword: KeyValuePairs<String, TemplateValue> = [:]
    ) throws -> String {
        let arguments = TemplateCallArguments(positional, keyword: keyword.map { (name: $0.key, value: $0.value) })
        return try state.printed(state.applyFilter(name, to: value, arguments))
    }

    /// Users of the kind Jinja's documentation groups and sorts; `D` has no city.
    static let users: TemplateValue = [
        ["name": "a", "city": "NY", "age": 30, "meta": ["kind": "x"]],
        ["name": "b", "city": "la", "age": 20, "meta": ["kind": "y"]],
        ["name": "c", "city": "ny", "age": 25, "meta": ["kind": "x"]],
        ["name": "D", "age": 20],
    ]
}
