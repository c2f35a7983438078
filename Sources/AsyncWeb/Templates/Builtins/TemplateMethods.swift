/// Methods of strings, lists and dictionaries.
enum TemplateMethods {
    static func exists(_ name: String, on receiver: TemplateValue) -> Bool { false }

    static func call(
        _ name: String, on receiver: inout TemplateValue, _ arguments: TemplateCallArguments, state: TemplateRenderState
    ) throws -> TemplateValue? { nil }
}
