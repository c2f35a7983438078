/// The arguments of a call, filter or test after evaluation, split as
/// Python splits them.
public struct TemplateCallArguments: Sendable {
    public var positional: [TemplateValue]
    /// Keyword arguments in the order written.
    public var keyword: [(name: String, value: TemplateValue)]

    public init(_ positional: [TemplateValue] = [], keyword: [(name: String, value: TemplateValue)] = []) {
        self.positional = positional
        self.keyword = keyword
    }

    /// The value of keyword `name`, if given.
    public subscript(keyword name: String) -> TemplateValue? {
        keyword.first(where: { $0.name == name })?.value
    }

    /// Binds the arguments to `parameters` the way Python binds a call to
    /// `def function(parameters…)`: positionally first, then by keyword. A
    /// parameter neither passed nor defaulted is nil.
    ///
    /// Throws Python's `TypeError` for too many positional arguments, an
    /// unknown keyword or a parameter given twice.
    public func bind(_ function: String, _ parameters: [String]) throws -> [TemplateValue?] {
        guard positional.count <= parameters.count else {
            throw TemplateError(
                .type, "\(function)() takes at most \(parameters.count) arguments (\(positional.count) given)"
            )
        }
        var bound: [TemplateValue?] = positional.map { $0 }
        bound.append(contentsOf: repeatElement(nil, count: parameters.count - positional.count))
        for (name, value) in keyword {
            guard let index = parameters.firstIndex(of: name) else {
                throw TemplateError(.type, "\(function)() got an unexpected keyword argument '\(name)'")
            }
            guard bound[index] == nil else {
                throw TemplateError(.type, "\(function)() got multiple values for argument '\(name)'")
            }
            bound[index] = value
        }
        return bound
    }
}
