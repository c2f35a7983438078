import Testing
@testable import AsyncWebTemplates

/// What Python gave for a case: the text (or repr) of the result, or the
/// exception's class name and message.
enum PythonOutcome: Sendable, Equatable, CustomStringConvertible {
    case value(String)
    case error(String, String)

    var description: String {
        switch self {
        case .value(let text): text
        case .error(let type, let message): "\(type): \(message)"
        }
    }

    /// The outcome of `body`, naming a thrown ``TemplateError`` as the Python exception it stands for.
    init(_ body: () throws -> String, expecting expected: PythonOutcome) {
        do {
            self = .value(try body())
        } catch let error as TemplateError {
            // Kinds our errors lack are reported as the Python class the case expects, when they stand for it.
            if case .error(let type, _) = expected, TemplateError.Kind(python: type) == error.kind {
                self = .error(type, error.message)
            } else {
                self = .error(error.kind.rawValue, error.message)
            }
        } catch {
            self = .error("\(type(of: error))", "\(error)")
        }
    }
}

extension TemplateError.Kind {
    /// The kind that stands for a Python exception; `KeyError`, `IndexError`
    /// and `AttributeError` map as ``PythonErrors`` maps them.
    init?(python name: String) {
        switch name {
        case "KeyError", "IndexError": self = .value
        case "AttributeError": self = .type
        case "RuntimeError": self = .runtime
        default: self.init(rawValue: name)
        }
    }
}

/// A render state over a default environment, as a filter or method sees it.
func makeState(autoescape: Bool = false, strictUndefined: Bool = false) -> TemplateRenderState {
    var configuration = TemplateEnvironment.Configuration()
    configuration.strictUndefined = strictUndefined
    return TemplateRenderState(environment: TemplateEnvironment(configuration: configuration), autoescape: autoescape)
}

/// `receiver.name(positional…, keyword…)` through ``TemplateMethods``, as the repr of the result.
func callMethod(
    _ name: String, on receiver: TemplateValue, _ positional: [TemplateValue] = [],
    keyword: [(name: String, value: TemplateValue)] = [], state: TemplateRenderState = makeState()
) throws -> TemplateValue {
    var receiver = receiver
    guard let result = try TemplateMethods.call(name, on: &receiver, TemplateCallArguments(positional, keyword: keyword), state: state) else {
        throw TemplateError(.runtime, "no method \(name)")
    }
    return result
}

/// An undefined variable called `name`.
func undefinedValue(_ name: String = "missing", strict: Bool = false) -> TemplateValue {
    .undefined(.named(name, isStrict: strict))
}
