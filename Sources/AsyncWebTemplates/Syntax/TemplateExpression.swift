internal import BigInt

/// An expression inside `{{ … }}` or a tag, shaped like Jinja's
/// expression nodes so the renderer can follow Jinja's semantics.
///
/// `{{ user.name|title if user else "guest" }}` parses to
/// `.conditional(then: .filter(.attribute(.name("user"), "name"), …), …)`.
indirect enum TemplateExpression: Sendable, Equatable {
    case string(String)
    case integer(Int)
    /// An integer literal too large for `Int`.
    case largeInteger(BigInt)
    case float(Double)
    /// `true`/`false` and Python's `True`/`False`.
    case boolean(Bool)
    /// `none` or `None`.
    case none
    case list([TemplateExpression])
    case tuple([TemplateExpression])
    case dictionary([TemplateDictionaryEntry])
    case name(String)
    /// `a.b`; Jinja looks up the attribute first, then the item.
    case attribute(TemplateExpression, String)
    /// `a[b]`, `a[1:2]` (the index is a `.slice`) and `a.0` (an integer index).
    case item(TemplateExpression, TemplateExpression)
    /// `start:stop:step` inside brackets; only ever the index of `.item`.
    case slice(start: TemplateExpression?, stop: TemplateExpression?, step: TemplateExpression?)
    case call(TemplateExpression, TemplateArguments)
    /// `value|name(arguments)`.
    case filter(TemplateExpression, TemplateFilterCall)
    /// `value is name(arguments)`; `is not` wraps this in `.not`.
    case test(TemplateExpression, name: String, arguments: TemplateArguments)
    case not(TemplateExpression)
    /// Unary minus.
    case negate(TemplateExpression)
    /// Unary plus.
    case positive(TemplateExpression)
    case binary(TemplateBinaryOperator, TemplateExpression, TemplateExpression)
    /// `a ~ b ~ c`, which joins the string forms of all operands.
    case concat([TemplateExpression])
    /// `a < b <= c`: each comparison uses the previous right-hand side,
    /// as in Python's chained comparisons.
    case compare(TemplateExpression, [TemplateComparison])
    /// `then if condition else otherwise`; without `else` the value is undefined.
    case conditional(then: TemplateExpression, condition: TemplateExpression, otherwise: TemplateExpression?)
}

/// Binary operators other than comparisons; `and`/`or` short-circuit.
enum TemplateBinaryOperator: String, Sendable, Equatable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case floorDivide = "//"
    case modulo = "%"
    case power = "**"
    case and
    case or
}

enum TemplateComparisonOperator: String, Sendable, Equatable {
    case equal = "=="
    case notEqual = "!="
    case lessThan = "<"
    case lessThanOrEqual = "<="
    case greaterThan = ">"
    case greaterThanOrEqual = ">="
    case `in` = "in"
    case notIn = "not in"
}

/// One link of a comparison chain: the operator and its right-hand side.
struct TemplateComparison: Sendable, Equatable {
    var `operator`: TemplateComparisonOperator
    var operand: TemplateExpression
}

struct TemplateDictionaryEntry: Sendable, Equatable {
    var key: TemplateExpression
    var value: TemplateExpression
}

/// The arguments of a call, filter or test, split as Python splits them.
struct TemplateArguments: Sendable, Equatable {
    var positional: [TemplateExpression] = []
    var keyword: [TemplateKeywordArgument] = []
    /// `*args`.
    var variadic: TemplateExpression?
    /// `**kwargs`.
    var variadicKeywords: TemplateExpression?

    init(
        positional: [TemplateExpression] = [],
        keyword: [TemplateKeywordArgument] = [],
        variadic: TemplateExpression? = nil,
        variadicKeywords: TemplateExpression? = nil
    ) {
        self.positional = positional
        self.keyword = keyword
        self.variadic = variadic
        self.variadicKeywords = variadicKeywords
    }
}

struct TemplateKeywordArgument: Sendable, Equatable {
    var name: String
    var value: TemplateExpression
}

/// A filter application, shared by `x|f`, `{% filter f %}` and `{% set x | f %}`.
/// Dotted names such as `ns.f` are kept whole, as Jinja keeps them.
struct TemplateFilterCall: Sendable, Equatable {
    var name: String
    var arguments: TemplateArguments = TemplateArguments()
}
