import Testing
@testable import AsyncWebTemplates

@Suite("List and dictionary methods")
struct CollectionMethodTests {
    @Test func appendChangesTheReceiverAndReturnsNone() throws {
        var list: TemplateValue = [1]
        let result = try TemplateMethods.call("append", on: &list, TemplateCallArguments([2]), state: makeState())
        #expect(result == TemplateValue.none)
        #expect(list == [1, 2])
        #expect(TemplateMethods.isMutating("append", on: list))
    }

    @Test func readingMethodsLeaveTheReceiverAlone() throws {
        var list: TemplateValue = ["a", "b"]
        #expect(try TemplateMethods.call("index", on: &list, TemplateCallArguments(["b"]), state: makeState()) == 1)
        #expect(list == ["a", "b"])
        #expect(!TemplateMethods.isMutating("index", on: list))
        #expect(!TemplateMethods.isMutating("get", on: ["a": 1]))
        #expect(TemplateMethods.isMutating("update", on: ["a": 1]))
    }

    @Test func dictionaryViewsPrintAndIterateAsPythons() throws {
        let items = try callMethod("items", on: ["a": 1, "b": 2])
        #expect(try items.text() == "dict_items([('a', 1), ('b', 2)])")
        #expect(try items.elements() == [.tuple(["a", 1]), .tuple(["b", 2])])
        #expect(try callMethod("keys", on: ["x": 1]).elements() == ["x"])
    }

    @Test func missingValuesAreValueErrors() {
        #expect(throws: TemplateError(.value, "list.remove(x): x not in list")) { try callMethod("remove", on: [1], [2]) }
        #expect(throws: TemplateError(.value, "2 is not in list")) { try callMethod("index", on: [1], [2]) }
    }

    @Test func sortUsesAKeyFunction() throws {
        var list: TemplateValue = ["bb", "a", "ccc"]
        let key = TemplateValue.callable(TemplateCallable(name: "length") { .int(try $0.positional[0].count()) })
        _ = try TemplateMethods.call("sort", on: &list, TemplateCallArguments(keyword: [("key", key)]), state: makeState())
        #expect(list == ["a", "bb", "ccc"])
    }

    @Test func sortIsStable() throws {
        var list: TemplateValue = [.tuple([1, "b"]), .tuple([0, "z"]), .tuple([1, "a"])]
        let first = TemplateValue.callable(TemplateCallable(name: "first") { try $0.positional[0].elements()[0] })
        _ = try TemplateMethods.call("sort", on: &list, TemplateCallArguments(keyword: [("key", first)]), state: makeState())
        #expect(list == [.tuple([0, "z"]), .tuple([1, "b"]), .tuple([1, "a"])])
    }

    @Test(arguments: cases)
    func methodMatchesPython(_ testCase: MethodCase) {
        testCase.check()
    }
}

extension CollectionMethodTests {
    // Generated from Python 3.11.7 by /tmp/builtins-dev/gen/gen_collections.py.
    static let cases: [MethodCase] = [
        MethodCase(.list([.int(1)]), "append", [.int(2)], [], .value("None [1, 2]")),
        MethodCase(.list([.int(1)]), "append", [], [], .error("TypeError", "list.append() takes exactly one argument (0 given)")),
        MethodCase(.list([.int(1)]), "append", [.int(1), .int(2)], [], .error("TypeError", "list.append() takes exactly one argument (2 given)")),
        MethodCase(.list([.int(1)]), "extend", [.string("ab")], [], .value("None [1, 'a', 'b']")),
        MethodCase(.list([.int(1)]), "extend", [.list([.int(2), .int(3)])], [], .value("None [1, 2, 3]")),
        MethodCase(.list([.int(1)]), "extend", [.dictionary([.string("k"): .int(1)] as TemplateDictionary)], [], .value("None [1, 'k']")),
        MethodCase(.list([.int(1)]), "extend", [.int(5)], [], .error("TypeError", "'int' object is not iterable")),
        MethodCase(.list([.int(1), .int(2)]), "insert", [.int(-10), .int(0)], [], .value("None [0, 1, 2]")),
        MethodCase(.list([.int(1), .int(2)]), "insert", [.int(10), .int(9)], [], .value("None [1, 2, 9]")),
        MethodCase(.list([.int(1), .int(2)]), "insert", [.int(-1), .int(9)], [], .value("None [1, 9, 2]")),
        MethodCase(.list([.int(1), .int(2)]), "insert", [.int(1)], [], .error("TypeError", "insert expected 2 arguments, got 1")),
        MethodCase(.list([.int(1), .int(2)]), "insert", [.string("a"), .int(1)], [], .error("TypeError", "'str' object cannot be interpreted as an integer")),
        MethodCase(.list([.int(1), .int(2), .int(3)]), "pop", [], [], .value("3 [1, 2]")),
        MethodCase(.list([.int(1), .int(2), .int(3)]), "pop", [.int(0)], [], .value("1 [2, 3]")),
        MethodCase(.list([.int(1), .int(2), .int(3)]), "pop", [.int(-3)], [], .value("1 [2, 3]")),
        MethodCase(.list([]), "pop", [], [], .error("IndexError", "pop from empty list")),
        MethodCase(.list([.int(1)]), "pop", [.int(5)], [], .error("IndexError", "pop index out of range")),
        MethodCase(.list([.int(1)]), "pop", [.int(-2)], [], .error("IndexError", "pop index out of range")),
        MethodCase(.list([.int(1)]), "pop", [.int(1), .int(2)], [], .error("TypeError", "pop expected at most 1 argument, got 2")),
        MethodCase(.list([.int(1), .int(2), .int(1)]), "remove", [.int(1)], [], .value("None [2, 1]")),
        MethodCase(.list([.int(1)]), "remove", [.int(2)], [], .error("ValueError", "list.remove(x): x not in list")),
        MethodCase(.list([.int(1), .double(2.0)]), "remove", [.int(2)], [], .value("None [1]")),
        MethodCase(.list([.int(1), .int(2)]), "clear", [], [], .value("None []")),
        MethodCase(.list([.int(1), .int(2), .int(3)]), "reverse", [], [], .value("None [3, 2, 1]")),
        MethodCase(.list([.int(3), .int(1), .int(2)]), "sort", [], [], .value("None [1, 2, 3]")),
        MethodCase(.list([.int(3), .int(1), .int(2)]), "sort", [], [("reverse", .bool(true))], .value("None [3, 2, 1]")),
        MethodCase(.list([.string("b"), .string("A"), .string("c")]), "sort", [], [("key", TemplateValue.none)], .value("None ['A', 'b', 'c']")),
        MethodCase(.list([.int(1), .string("a")]), "sort", [], [], .error("TypeError", "'<' not supported between instances of 'str' and 'int'")),
        MethodCase(.list([.int(1)]), "sort", [.int(1)], [], .error("TypeError", "sort() takes no positional arguments")),
        MethodCase(.list([.list([.int(2), .int(1)]), .list([.int(1), .int(2)]), .list([.int(1)])]), "sort", [], [], .value("None [[1], [1, 2], [2, 1]]")),
        MethodCase(.list([.int(2), .double(1.5), .bool(true)]), "sort", [], [], .value("None [True, 1.5, 2]")),
        MethodCase(.list([.tuple([.int(1), .string("b")]), .tuple([.int(1), .string("a")]), .tuple([.int(0), .string("z")])]), "sort", [], [("reverse", .bool(true))], .value("None [(1, 'b'), (1, 'a'), (0, 'z')]")),
        MethodCase(.list([.string("a"), .string("b"), .string("a")]), "index", [.string("b")], [], .value("1")),
        MethodCase(.list([.int(1)]), "index", [.int(2)], [], .error("ValueError", "2 is not in list")),
        MethodCase(.list([.string("a")]), "index", [.string("z")], [], .error("ValueError", "'z' is not in list")),
        MethodCase(.list([.int(1), .int(2), .int(1)]), "index", [.int(1), .int(1)], [], .value("2")),
        MethodCase(.list([.int(1), .int(2), .int(1)]), "index", [.int(1), .int(1), .int(2)], [], .error("ValueError", "1 is not in list")),
        MethodCase(.list([.int(1), .int(2), .int(1)]), "index", [.int(1), .int(-1)], [], .value("2")),
        MethodCase(.list([.int(1)]), "index", [], [], .error("TypeError", "index expected at least 1 argument, got 0")),
        MethodCase(.list([.string("a"), .string("b"), .string("a")]), "count", [.string("a")], [], .value("2")),
        MethodCase(.list([.int(1), .double(1.0), .bool(true)]), "count", [.int(1)], [], .value("3")),
        MethodCase(.list([.int(1), .int(2)]), "copy", [], [], .value("[1, 2]")),
        MethodCase(.tuple([.int(1), .int(2)]), "index", [.int(2)], [], .value("1")),
        MethodCase(.tuple([.int(1)]), "index", [.int(2)], [], .error("ValueError", "tuple.index(x): x not in tuple")),
        MethodCase(.tuple([.int(1), .int(2), .int(1)]), "count", [.int(1)], [], .value("2")),
        MethodCase(.dictionary([.string("a"): .int(1), .string("b"): .int(2)] as TemplateDictionary), "keys", [], [], .value("dict_keys(['a', 'b'])")),
        MethodCase(.dictionary([.string("a"): .int(1), .string("b"): .int(2)] as TemplateDictionary), "values", [], [], .value("dict_values([1, 2])")),
        MethodCase(.dictionary([.string("a"): .int(1), .string("b"): .int(2)] as TemplateDictionary), "items", [], [], .value("dict_items([('a', 1), ('b', 2)])")),
        MethodCase(.dictionary(TemplateDictionary()), "items", [], [], .value("dict_items([])")),
        MethodCase(.dictionary([.string("a"): .int(1)] as TemplateDictionary), "keys", [.int(1)], [], .error("TypeError", "dict.keys() takes no arguments (1 given)")),
        MethodCase(.dictionary([.string("a"): .int(1)] as TemplateDictionary), "get", [.string("a")], [], .value("1")),
        MethodCase(.dictionary([.string("a"): .int(1)] as TemplateDictionary), "get", [.string("z")], [], .value("None")),
        MethodCase(.dictionary([.string("a"): .int(1)] as TemplateDictionary), "get", [.string("z"), .string("dflt")], [], .value("'dflt'")),
        MethodCase(.dictionary([.int(1): .string("x")] as TemplateDictionary), "get", [.double(1.0)], [], .value("'x'")),
        MethodCase(.dictionary([.string("a"): .int(1)] as TemplateDictionary), "get", [], [], .error("TypeError", "get expected at least 1 argument, got 0")),
        MethodCase(.dictionary([.bool(true): .string("x")] as TemplateDictionary), "get", [.int(1)], [], .value("'x'")),
        MethodCase(.dictionary([.string("a"): .int(1), .string("b"): .int(2)] as TemplateDictionary), "pop", [.string("a")], [], .value("1 {'b': 2}")),
        MethodCase(.dictionary(TemplateDictionary()), "pop", [.string("a")], [], .error("KeyError", "'a'")),
        MethodCase(.dictionary(TemplateDictionary()), "pop", [.string("a"), TemplateValue.none], [], .value("None {}")),
        MethodCase(.dictionary(TemplateDictionary()), "pop", [.int(1)], [], .error("KeyError", "1")),
        MethodCase(.dictionary([.string("a"): .int(1), .string("b"): .int(2)] as TemplateDictionary), "popitem", [], [], .value("('b', 2) {'a': 1}")),
        MethodCase(.dictionary(TemplateDictionary()), "popitem", [], [], .error("KeyError", "'popitem(): dictionary is empty'")),
        MethodCase(.dictionary([.string("a"): .int(1)] as TemplateDictionary), "setdefault", [.string("a"), .int(9)], [], .value("1 {'a': 1}")),
        MethodCase(.dictionary([.string("a"): .int(1)] as TemplateDictionary), "setdefault", [.string("z")], [], .value("None {'a': 1, 'z': None}")),
        MethodCase(.dictionary([.string("a"): .int(1)] as TemplateDictionary), "setdefault", [.string("z"), .list([.int(1)])], [], .value("[1] {'a': 1, 'z': [1]}")),
        MethodCase(.dictionary([.string("a"): .int(1)] as TemplateDictionary), "update", [.dictionary([.string("b"): .int(2)] as TemplateDictionary)], [("c", .int(3))], .value("None {'a': 1, 'b': 2, 'c': 3}")),
        MethodCase(.dictionary([.string("a"): .int(1)] as TemplateDictionary), "update", [.list([.tuple([.string("e"), .int(5)])])], [], .value("None {'a': 1, 'e': 5}")),
        MethodCase(.dictionary([.string("a"): .int(1)] as TemplateDictionary), "update", [], [("a", .int(2))], .value("None {'a': 2}")),
        MethodCase(.dictionary(TemplateDictionary()), "update", [.string("ab")], [], .error("ValueError", "dictionary update sequence element #0 has length 1; 2 is required")),
        MethodCase(.dictionary(TemplateDictionary()), "update", [.list([.int(1)])], [], .error("TypeError", "cannot convert dictionary update sequence element #0 to a sequence")),
        MethodCase(.dictionary(TemplateDictionary()), "update", [.dictionary(TemplateDictionary()), .dictionary(TemplateDictionary())], [], .error("TypeError", "update expected at most 1 argument, got 2")),
        MethodCase(.dictionary(TemplateDictionary()), "update", [.list([.string("ab"), .string("cd")])], [], .value("None {'a': 'b', 'c': 'd'}")),
        MethodCase(.dictionary(TemplateDictionary()), "update", [.int(5)], [], .error("TypeError", "'int' object is not iterable")),
        MethodCase(.dictionary([.string("a"): .int(1)] as TemplateDictionary), "copy", [], [], .value("{'a': 1}")),
        MethodCase(.dictionary([.string("a"): .int(1)] as TemplateDictionary), "clear", [], [], .value("None {}")),
    ]
}
