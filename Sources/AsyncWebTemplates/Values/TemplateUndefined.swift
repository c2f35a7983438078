/// What a template got when it asked for something that is not there, kept
/// so the error raised when it is used says what was missing, in Jinja's words.
///
/// A class, so that the rarely used undefined case does not make every
/// ``TemplateValue`` larger.
public final class TemplateUndefined: Sendable, Hashable {
    enum Origin: Sendable, Hashable {
        /// A variable: `'name' is undefined`.
        case name(String)
        /// An attribute: `'dict object' has no attribute 'name'`.
        case attribute(owner: String, name: String)
        /// An item by index: `list object has no element 3`.
        case element(owner: String, key: String)
        /// A message of its own, e.g. a name an imported template does not export.
        case hint(String)
    }

    let origin: Origin
    /// Jinja's `StrictUndefined`: printing, iterating or testing the value
    /// fails too, not only reading its attributes.
    public let isStrict: Bool

    init(_ origin: Origin, isStrict: Bool) {
        self.origin = origin
        self.isStrict = isStrict
    }

    /// An undefined variable called `name`.
    public static func named(_ name: String, isStrict: Bool = false) -> TemplateUndefined {
        TemplateUndefined(.name(name), isStrict: isStrict)
    }

    /// Undefined values compare equal to each other, whatever was missing.
    public static func == (lhs: TemplateUndefined, rhs: TemplateUndefined) -> Bool { true }

    public func hash(into hasher: inout Hasher) {}

    /// The message of the `UndefinedError` raised when the value is used.
    public var message: String {
        switch origin {
        case .name(let name): "'\(name)' is undefined"
        case .attribute(let owner, let name): "'\(owner)' has no attribute '\(name)'"
        case .element(let owner, let key): "\(owner) has no element \(key)"
        case .hint(let hint): hint
        }
    }

    /// The error to throw when the value is used in a way only defined values allow.
    var error: TemplateError {
        TemplateError(.undefined, message)
    }
}
