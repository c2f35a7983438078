/// A value with attributes that is not a dictionary: `loop`, namespaces,
/// cyclers, imported templates, or an object of your own such as a request.
///
/// ```swift
/// final class Clock: TemplateObject {
///     func attribute(_ name: String) -> TemplateValue? { name == "year" ? 2026 : nil }
/// }
/// ```
public protocol TemplateObject: AnyObject, Sendable {
    /// The value of `object.name`, or nil when the object has no such attribute.
    func attribute(_ name: String) -> TemplateValue?
    /// The value of `object[key]`; by default the attribute of that name.
    func item(_ key: TemplateValue) -> TemplateValue?
    /// The elements `{% for %}` iterates, or nil when the object is not iterable.
    var elements: [TemplateValue]? { get }
    /// How Jinja names the object's type in messages, e.g. `'Namespace object' has no attribute 'x'`.
    var typeDescription: String { get }
    /// What `{{ object }}` prints.
    var printed: String { get }
}

extension TemplateObject {
    public func item(_ key: TemplateValue) -> TemplateValue? {
        if case .string(let name) = key { return attribute(name) }
        return nil
    }

    public var elements: [TemplateValue]? { nil }

    public var typeDescription: String { "\(type(of: self)) object" }

    public var printed: String { "<\(typeDescription)>" }
}

/// A function a template can call: a macro, a global such as `range`, a
/// method bound to its receiver, or one you register.
public final class TemplateCallable: Sendable {
    /// The name used in messages and by `{{ macro.name }}`.
    public let name: String
    /// What `callable.attribute` reads, e.g. a macro's `arguments`.
    let attributes: [String: TemplateValue]
    let body: @Sendable (TemplateCallArguments, TemplateRenderState) throws -> TemplateValue
    /// For macros: writes what the call returns straight into the output,
    /// which is what `{{ macro(…) }}` prints in either escaping mode.
    let render: (@Sendable (TemplateCallArguments, TemplateRenderState, inout TemplateOutput) throws -> Void)?
    /// `render` for a call with one positional argument, which needs no argument list.
    let renderWithOneArgument: (@Sendable (TemplateValue, TemplateRenderState, inout TemplateOutput) throws -> Void)?

    /// A function of its arguments only.
    public init(name: String, _ body: @escaping @Sendable (TemplateCallArguments) throws -> TemplateValue) {
        self.name = name
        self.attributes = [:]
        self.body = { arguments, _ in try body(arguments) }
        self.render = nil
        self.renderWithOneArgument = nil
    }

    /// A function that also sees the render in progress (its autoescape
    /// setting, filters and tests), as Jinja's `pass_context` functions do.
    init(
        name: String, attributes: [String: TemplateValue] = [:],
        withState body: @escaping @Sendable (TemplateCallArguments, TemplateRenderState) throws -> TemplateValue,
        render: (@Sendable (TemplateCallArguments, TemplateRenderState, inout TemplateOutput) throws -> Void)? = nil,
        renderWithOneArgument: (@Sendable (TemplateValue, TemplateRenderState, inout TemplateOutput) throws -> Void)? = nil
    ) {
        self.name = name
        self.attributes = attributes
        self.body = body
        self.render = render
        self.renderWithOneArgument = renderWithOneArgument
    }

    func call(_ arguments: TemplateCallArguments, state: TemplateRenderState) throws -> TemplateValue {
        try body(arguments, state)
    }
}

/// An object that can also be called, such as a recursive `loop` or a `joiner()`.
protocol TemplateCallableObject: TemplateObject {
    func call(_ arguments: TemplateCallArguments, state: TemplateRenderState) throws -> TemplateValue
}
