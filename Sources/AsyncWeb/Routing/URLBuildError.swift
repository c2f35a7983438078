internal import AsyncWebEncoding

/// Why ``URLMap/build(endpoint:arguments:method:external:scheme:host:scriptRoot:)``
/// could not build a URL. The description reads like Werkzeug's
/// `BuildError`, naming the endpoint and what to fix:
///
/// ```swift
/// do {
///     _ = try map.build(endpoint: "show_post")
/// } catch {
///     print(error)
///     // Could not build url for endpoint 'show_post'. Did you forget to specify values ['post_id']?
/// }
/// ```
public enum URLBuildError: Error, Equatable, CustomStringConvertible {
    /// No rule of `endpoint` takes the given arguments and method, or there
    /// is no such endpoint; `message` says which and suggests a fix.
    case noMatchingRule(endpoint: String, message: String)
    /// The converter of `argument` refused its value, e.g. `"abc"` for an
    /// `int`; `message` is the converter's.
    case invalidValue(endpoint: String, argument: String, message: String)

    public var description: String {
        switch self {
        case .noMatchingRule(_, let message):
            message
        case .invalidValue(let endpoint, let argument, let message):
            "Could not build url for endpoint \(PythonText.repr(endpoint)): the value of \(PythonText.repr(argument)) "
                + "was refused: \(message)"
        }
    }

    /// Werkzeug's `BuildError` text: what was asked, then, from the rule
    /// most like the request, the methods or values that were missing, or
    /// the endpoint that was probably meant.
    static func unbuildable(
        endpoint: String, argumentNames: [String], method: HTTPMethod?, rules: [Rule]
    ) -> URLBuildError {
        var message = "Could not build url for endpoint \(PythonText.repr(endpoint))"
        if let method {
            message += " (\(PythonText.repr(method.rawValue)))"
        }
        if !argumentNames.isEmpty {
            message += " with values \(pythonList(argumentNames))"
        }
        message += "."
        if let suggested = closestRule(to: endpoint, argumentNames: argumentNames, method: method, in: rules) {
            if suggested.endpoint == endpoint {
                if let method, !suggested.methods.contains(method) {
                    message += " Did you mean to use methods \(pythonList(suggested.methods.map(\.rawValue)))?"
                }
                let missing = Set(suggested.argumentNames).subtracting(argumentNames)
                if !missing.isEmpty {
                    message += " Did you forget to specify values \(pythonList(Array(missing)))?"
                }
            } else {
                message += " Did you mean \(PythonText.repr(suggested.endpoint)) instead?"
            }
        }
        return .noMatchingRule(endpoint: endpoint, message: message)
    }

    /// Werkzeug's `closest_rule`: the first rule with the best score, mostly
    /// the endpoint names' similarity, with a little for taking all the
    /// given values and for answering the method.
    private static func closestRule(
        to endpoint: String, argumentNames: [String], method: HTTPMethod?, in rules: [Rule]
    ) -> Rule? {
        var best: (rule: Rule, score: Double)?
        for rule in rules {
            // The same additions, in the same order, as Python's `sum` of the three terms.
            var score = 0.98 * EndpointSimilarity.ratio(rule.endpoint, endpoint)
            score += Set(argumentNames).isSubset(of: rule.argumentNames) ? 0.01 : 0.0
            score += (method.map(rule.methods.contains) ?? false) ? 0.01 : 0.0
            if best.map({ score > $0.score }) ?? true {
                best = (rule, score)
            }
        }
        return best?.rule
    }

    /// Python's `repr(sorted(names))`.
    private static func pythonList(_ names: [String]) -> String {
        let sorted = names.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        return "[" + sorted.map(PythonText.repr).joined(separator: ", ") + "]"
    }
}
