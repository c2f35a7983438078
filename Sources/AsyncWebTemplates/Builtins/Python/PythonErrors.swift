internal import AsyncWebEncoding

/// Python's `KeyError`, `IndexError` and `AttributeError`, which methods and
/// `str.format` raise where Python would.
///
/// ``TemplateError/Kind`` has no cases of their own yet, so they surface as
/// the nearest kind Jinja users meet (`ValueError`, `TypeError`) carrying
/// Python's message; this is the one place that decides.
enum PythonErrors {
    /// `KeyError: 'name'`.
    static func key(_ key: TemplateValue) -> TemplateError {
        TemplateError(.value, key.repr)
    }

    /// `KeyError` with a message of its own, e.g. `'popitem(): dictionary is empty'`.
    static func key(message: String) -> TemplateError {
        TemplateError(.value, PythonText.repr(message))
    }

    /// `IndexError: list index out of range`.
    static func index(_ message: String) -> TemplateError {
        TemplateError(.value, message)
    }

    /// `AttributeError: 'dict' object has no attribute 'x'`.
    static func attribute(_ owner: TemplateValue, _ name: String) -> TemplateError {
        TemplateError(.attribute, "'\(owner.typeName)' object has no attribute '\(name)'")
    }
}
