import Testing
@testable import AsyncWebTemplates

/// What all builtin filters share: the registry, `default`, how arguments
/// bind (with Python's `TypeError`s), and how undefined input behaves.
@Suite("Filter contract")
struct FilterContractTests {
    let html = FilterProbe.html
    let strict = FilterProbe.strict

    @Test func registryHoldsExactlyJinjasBuiltinFilters() {
        let jinja = [
            "abs", "attr", "batch", "capitalize", "center", "count", "d", "default", "dictsort", "e", "escape",
            "filesizeformat", "first", "float", "forceescape", "format", "groupby", "indent", "int", "items", "join",
            "last", "length", "list", "lower", "map", "max", "min", "pprint", "random", "reject", "rejectattr",
            "replace", "reverse", "round", "safe", "select", "selectattr", "slice", "sort", "string", "striptags",
            "sum", "title", "tojson", "trim", "truncate", "unique", "upper", "urlencode", "urlize", "wordcount",
            "wordwrap", "xmlattr",
        ]
        #expect(TemplateFilters.builtins.keys.sorted() == jinja)
    }

    @Test func defaultReplacesUndefinedOrWithBooleanFalsyValues() throws {
        #expect(try html.render("default", html.missing, "x") == "x")
        #expect(try html.render("d", html.missing) == "")
        #expect(try html.render("default", "", "x") == "")
        #expect(try html.render("default", .none, "x") == "None")
        #expect(try html.render("default", "", "x", true) == "x")
        #expect(try html.render("d", 0, keyword: ["default_value": "zero", "boolean": true]) == "zero")
    }

    @Test func defaultKeepsMarkupAndWorksUnderStrictUndefined() throws {
        #expect(try html.render("default", html.missing, .markup(Markup("<b>"))) == "<b>")
        #expect(try html.render("default", html.missing, "<i>") == "&lt;i&gt;")
        #expect(try strict.render("default", strict.missing, "x") == "x")
    }

    @Test func unknownKeywordsAndExtraArgumentsAreTypeErrors() {
        #expect(throws: TemplateError(.type, "do_truncate() got an unexpected keyword argument 'foo'")) {
            try html.apply("truncate", "x", keyword: ["foo": 1])
        }
        #expect(throws: TemplateError(.type, "do_upper() takes 1 positional argument but 3 were given")) {
            try html.apply("upper", "x", 1, 2)
        }
        #expect(throws: TemplateError(.type, "do_truncate() takes from 2 to 6 positional arguments but 7 were given")) {
            try html.apply("truncate", "x", 1, 2, 3, 4, 5)
        }
        #expect(throws: TemplateError(.type, "do_truncate() got multiple values for argument 's'")) {
            try html.apply("truncate", "x", keyword: ["s": 1])
        }
    }

    @Test func missingArgumentsAreNamed() {
        #expect(throws: TemplateError(.type, "do_attr() missing 1 required positional argument: 'name'")) { try html.apply("attr", "x") }
        #expect(throws: TemplateError(.type, "do_replace() missing 2 required positional arguments: 'old' and 'new'")) {
            try html.apply("replace", "x")
        }
    }

    @Test func builtinFunctionsTakeNoArguments() {
        #expect(throws: TemplateError(.type, "len() takes exactly one argument (2 given)")) { try html.apply("length", "x", 1) }
        #expect(throws: TemplateError(.type, "len() takes no keyword arguments")) { try html.apply("count", "x", keyword: ["a": 1]) }
    }

    @Test func undefinedInputIsEmptyForTextAndSequenceFilters() throws {
        for name in ["upper", "title", "trim", "string", "escape", "safe", "join", "replace", "urlize", "urlencode", "first", "last", "min", "truncate"] {
            let arguments: [TemplateValue] = name == "replace" ? ["a", "b"] : []
            let result = try html.state.applyFilter(name, to: html.missing, TemplateCallArguments(arguments))
            #expect(try html.state.printed(result) == "", "\(name)")
        }
        #expect(try html.apply("length", html.missing) == 0)
        #expect(try html.apply("sum", html.missing) == 0)
        #expect(try html.apply("list", html.missing) == [])
        #expect(try html.apply("sort", html.missing) == [])
        #expect(try html.apply("groupby", html.missing, "x") == [])
    }

    @Test func undefinedInputFailsWhereJinjaCallsAMethodOrConvertsIt() {
        for name in ["dictsort", "float", "int", "indent", "wordwrap", "xmlattr", "filesizeformat"] {
            #expect(throws: TemplateError(.undefined, "'missing' is undefined"), "\(name)") { try html.apply(name, html.missing) }
        }
        #expect(throws: TemplateError(.type, "type Undefined doesn't define __round__ method")) { try html.apply("round", html.missing) }
    }

    @Test func strictUndefinedInputFailsAllButDefaultItemsAndPprint() throws {
        for name in ["upper", "string", "escape", "join", "length", "list", "first", "sort", "sum", "truncate", "urlize", "wordcount"] {
            #expect(throws: TemplateError(.undefined, "'missing' is undefined"), "\(name)") { try strict.apply(name, strict.missing) }
        }
        #expect(try strict.apply("items", strict.missing) == [])
        #expect(try strict.render("pprint", strict.missing) == "Undefined")
        #expect(throws: TemplateError(.type, "bad operand type for abs(): 'StrictUndefined'")) { try strict.apply("abs", strict.missing) }
    }
}
