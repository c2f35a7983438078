/// Anything that stops a template from loading or rendering, named after
/// the Python exception Jinja raises for it and carrying Jinja's message,
/// with the template and line it happened in.
///
/// ```
/// UndefinedError: 'user' is undefined
///   File "profile.html", line 3
/// ```
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which of Jinja's (or Python's) exceptions this is.
    public enum Kind: String, Sendable, Equatable {
        case syntax = "TemplateSyntaxError"
        /// A template that parses but cannot compile, e.g. an unknown filter.
        case assertion = "TemplateAssertionError"
        /// An undefined value used where only a defined one will do.
        case undefined = "UndefinedError"
        case notFound = "TemplateNotFound"
        /// None of a list of templates (`{% include [a, b] %}`) exists.
        case noneFound = "TemplatesNotFound"
        /// Raised by the template itself, e.g. a required block left empty.
        case runtime = "TemplateRuntimeError"
        /// Python's `TypeError`: an operation on values that do not support it.
        case type = "TypeError"
        /// Python's `ValueError`.
        case value = "ValueError"
        case zeroDivision = "ZeroDivisionError"
        /// An integer result outside 64 bits, which Python would have kept.
        case overflow = "OverflowError"
        /// A string or list longer than one operation may build: 16 Mi characters or items.
        case memory = "MemoryError"
        /// Macro calls, includes and recursive loops nested more than 256 deep.
        case recursion = "RecursionError"
        /// A filter given arguments it cannot use (Jinja's `FilterArgumentError`).
        case filterArgument = "FilterArgumentError"
        /// Python's `AttributeError`.
        case attribute = "AttributeError"
        /// Python's `AssertionError`, raised by a few builtins on bad input.
        case failedAssertion = "AssertionError"
    }

    public var kind: Kind
    public var message: String
    /// The template the error happened in, when known.
    public var templateName: String?
    /// The 1-based line in that template, when known.
    public var line: Int?
    /// More for the reader than Jinja's message says, e.g. the folders
    /// searched for a missing template.
    public var detail: String?

    public init(_ kind: Kind, _ message: String, templateName: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.templateName = templateName
        self.line = line
    }

    public var description: String {
        var text = "\(kind.rawValue): \(message)"
        if let line {
            text += "\n  File \"\(templateName ?? "<template>")\", line \(line)"
        }
        if let detail { text += "\n\(detail)" }
        return text
    }

    /// The error with its location filled in, unless an inner template already did.
    func located(in templateName: String?, line: Int) -> TemplateError {
        guard self.line == nil else { return self }
        var located = self
        located.templateName = templateName
        located.line = line
        return located
    }
}

extension TemplateError {
    init(_ syntaxError: TemplateSyntaxError) {
        self.init(
            syntaxError.isAssertion ? .assertion : .syntax, syntaxError.message,
            templateName: syntaxError.templateName, line: syntaxError.line
        )
    }
}
