internal import BigInt

/// Python's `==`, `hash()` and `<` for template values: numbers compare
/// exactly across `int`, `float` and `bool`, a ``Markup`` equals the same text as a
/// string, and ordering other kinds against each other is a `TypeError`.
extension TemplateValue: Hashable {
    public static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case (.undefined, .undefined), (.none, .none): return true
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)): return a == b
        case (.dictionary(let a), .dictionary(let b)):
            return a.count == b.count && a.allSatisfy { b[$0.key] == $0.value }
        case (.callable(let a), .callable(let b)): return a === b
        case (.object(let a), .object(let b)): return a === b
        default:
            if let order = numericOrder(lhs, rhs) { return order == .equal }
            if let a = lhs.stringValue, let b = rhs.stringValue { return a == b }
            return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .undefined, .none: hasher.combine(0)
        // Equal numbers hash alike: an integral float as the integer it equals.
        case .bool(let flag): hasher.combine(flag ? 1 : 0)
        case .int(let number): hasher.combine(number)
        case .bigInt(let number): hasher.combine(number)
        case .double(let number):
            if let integer = Int(exactly: number) {
                hasher.combine(integer)
            } else if let integer = BigInt(exactly: number) {
                hasher.combine(integer)
            } else {
                hasher.combine(number)
            }
        case .string(let text): hasher.combine(text)
        case .markup(let markup): hasher.combine(markup.html)
        case .list(let elements), .tuple(let elements): hasher.combine(elements)
        case .dictionary(let members): hasher.combine(members.count)
        case .callable(let callable): hasher.combine(ObjectIdentifier(callable))
        case .object(let object): hasher.combine(ObjectIdentifier(object))
        }
    }

    /// `lhs < rhs`, or Python's `TypeError` for values that have no order.
    static func isLess(_ lhs: TemplateValue, _ rhs: TemplateValue, operator symbol: String = "<") throws -> Bool {
        guard let lessThan = try precedes(lhs, rhs) else {
            throw TemplateError(
                .type, "'\(symbol)' not supported between instances of '\(lhs.typeName)' and '\(rhs.typeName)'"
            )
        }
        return lessThan
    }

    /// Python's `>`, `<=` and `>=`, which name their operands as written in errors.
    static func compareOrder(_ lhs: TemplateValue, _ rhs: TemplateValue, operator symbol: String) throws -> Bool {
        guard let lessThan = try precedes(symbol.hasPrefix(">") ? rhs : lhs, symbol.hasPrefix(">") ? lhs : rhs) else {
            throw TemplateError(
                .type, "'\(symbol)' not supported between instances of '\(lhs.typeName)' and '\(rhs.typeName)'"
            )
        }
        switch symbol {
        case "<", ">": return lessThan
        default: return try lessThan || isEqual(lhs, rhs)
        }
    }

    /// Whether `lhs` orders before `rhs`; nil when Python cannot order them.
    private static func precedes(_ lhs: TemplateValue, _ rhs: TemplateValue) throws -> Bool? {
        if case .undefined(let undefined) = lhs { throw undefined.error }
        if case .undefined(let undefined) = rhs { throw undefined.error }
        if case .int(let a) = lhs, case .int(let b) = rhs { return a < b }
        if let order = numericOrder(lhs, rhs) { return order == .less }
        if let a = lhs.stringValue, let b = rhs.stringValue {
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        }
        switch (lhs, rhs) {
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)):
            for (x, y) in zip(a, b) where x != y {
                return try precedes(x, y)
            }
            return a.count < b.count
        default:
            return nil
        }
    }

    /// Python's `==` with `StrictUndefined`, which fails instead of comparing.
    static func isEqual(_ lhs: TemplateValue, _ rhs: TemplateValue) throws -> Bool {
        if case .undefined(let undefined) = lhs, undefined.isStrict { throw undefined.error }
        if case .undefined(let undefined) = rhs, undefined.isStrict { throw undefined.error }
        return lhs == rhs
    }

    /// Python's `needle in self`: a substring, a list element or a dictionary key.
    func contains(_ needle: TemplateValue) throws -> Bool {
        switch self {
        case .string, .markup:
            guard let text = needle.stringValue else {
                throw TemplateError(.type, "'in <string>' requires string as left operand, not \(needle.typeName)")
            }
            let haystack = stringValue!
            return text.isEmpty || haystack.contains(text)
        case .dictionary(let members): return members[needle] != nil
        case .object(let range as TemplateRange): return range.contains(needle)
        default: return try elements().contains(needle)
        }
    }
}
