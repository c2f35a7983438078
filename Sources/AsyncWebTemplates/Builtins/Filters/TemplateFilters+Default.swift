extension TemplateFilters {
    /// The value, or `default_value` when it is undefined (or, with
    /// `boolean`, false): `{{ user.nick|d(user.name) }}`.
    static func defaultValue(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.doDefaultSignature.bind(arguments)
        if value.isUndefined { return bound.value(0, default: "") }
        if try bound.flag(1, default: false), try !value.truth() { return bound.value(0, default: "") }
        return value
    }
}

/// The Python signatures of the filters above, made once rather than per call.
extension TemplateFilters {
    static let doDefaultSignature = FilterSignature("do_default", implicit: ["value"], ["default_value", "boolean"])
}
