/// The methods of `list` and `tuple`. A list is a value here, so the
/// mutating ones change the `elements` they are handed and the compiler
/// stores the result back in the variable the list came from.
extension TemplateMethods {
    static let listMethods: Set<String> = [
        "append", "extend", "insert", "pop", "remove", "clear", "reverse", "sort", "index", "count", "copy",
    ]
    static let mutatingListMethods: Set<String> = [
        "append", "extend", "insert", "pop", "remove", "clear", "reverse", "sort",
    ]
    static let tupleMethods: Set<String> = ["index", "count"]

    /// `list.name(arguments)` on `elements`, or nil when lists have no such method.
    static func callList(
        _ name: String, on elements: inout [TemplateValue], _ arguments: TemplateCallArguments, state: TemplateRenderState
    ) throws -> TemplateValue? {
        func bound(
            _ parameters: [String] = [], required: Int = 0, counted: TemplateMethodArguments.CountMessage = .clinic
        ) throws -> TemplateMethodArguments {
            try TemplateMethodArguments("list", name, arguments, parameters, required: required, counted: counted)
        }
        switch name {
        case "append":
            elements.append(try bound(["object"], required: 1, counted: .exactlyOne)[0]!)
        case "extend":
            elements.append(contentsOf: try bound(["iterable"], required: 1, counted: .exactlyOne)[0]!.elements())
        case "insert":
            let parameters = try bound(["index", "object"], required: 2)
            let index = try parameters.int(0)!
            let position = index < 0 ? max(index + elements.count, 0) : min(index, elements.count)
            elements.insert(parameters[1]!, at: position)
        case "pop":
            let index = try bound(["index"]).int(0) ?? -1
            guard !elements.isEmpty else { throw PythonErrors.index("pop from empty list") }
            let position = index < 0 ? index + elements.count : index
            guard elements.indices.contains(position) else { throw PythonErrors.index("pop index out of range") }
            return elements.remove(at: position)
        case "remove":
            let value = try bound(["value"], required: 1, counted: .exactlyOne)[0]!
            guard let position = elements.firstIndex(of: value) else {
                throw TemplateError(.value, "list.remove(x): x not in list")
            }
            elements.remove(at: position)
        case "clear":
            _ = try bound()
            elements.removeAll()
        case "reverse":
            _ = try bound()
            elements.reverse()
        case "sort":
            try sort(&elements, arguments, state: state)
        case "index":
            let parameters = try bound(["value", "start", "stop"], required: 1)
            let value = parameters[0]!
            guard let position = try position(of: value, in: elements, parameters) else {
                throw TemplateError(.value, "\(value.repr) is not in list")
            }
            return .int(position)
        case "count":
            let value = try bound(["value"], required: 1, counted: .exactlyOne)[0]!
            return .int(elements.count { $0 == value })
        case "copy":
            _ = try bound()
            return .list(elements)
        default:
            return nil
        }
        return TemplateValue.none
    }

    /// `tuple.name(arguments)`, or nil when tuples have no such method.
    static func callTuple(_ name: String, on elements: [TemplateValue], _ arguments: TemplateCallArguments) throws -> TemplateValue? {
        switch name {
        case "index":
            let parameters = try TemplateMethodArguments(
                "tuple", name, arguments, ["value", "start", "stop"], required: 1, counted: .clinic
            )
            guard let position = try position(of: parameters[0]!, in: elements, parameters) else {
                throw TemplateError(.value, "tuple.index(x): x not in tuple")
            }
            return .int(position)
        case "count":
            let value = try TemplateMethodArguments("tuple", name, arguments, ["value"], required: 1, counted: .exactlyOne)[0]!
            return .int(elements.count { $0 == value })
        default:
            return nil
        }
    }

    /// `list.sort(key=None, reverse=False)`: stable, in place, comparing with Python's `<`.
    private static func sort(_ elements: inout [TemplateValue], _ arguments: TemplateCallArguments, state: TemplateRenderState) throws {
        guard arguments.positional.isEmpty else { throw TemplateError(.type, "sort() takes no positional arguments") }
        let parameters = try TemplateMethodArguments("list", "sort", arguments, ["key", "reverse"], keywords: true)
        let reverse = try parameters[1]?.truth() ?? false
        var keys = elements
        if let key = parameters[0], key != .none {
            keys = try elements.map { try state.call(key, TemplateCallArguments([$0])) }
        }
        // Sorting positions keeps the sort stable and lets keys and elements move together.
        let order = try keys.indices.sorted { a, b in
            reverse ? try TemplateValue.isLess(keys[b], keys[a]) : try TemplateValue.isLess(keys[a], keys[b])
        }
        elements = order.map { elements[$0] }
    }

    /// Where `value` first occurs in `elements[start:stop]`.
    private static func position(
        of value: TemplateValue, in elements: [TemplateValue], _ parameters: TemplateMethodArguments
    ) throws -> Int? {
        let (start, stop) = PythonString.bounds(try parameters.bound(1), try parameters.bound(2), count: elements.count)
        guard start < stop else { return nil }
        return elements[start..<stop].firstIndex(of: value)
    }
}
