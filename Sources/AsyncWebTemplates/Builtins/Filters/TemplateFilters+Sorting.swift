/// The filters that order and compare elements: `sort`, `dictsort`,
/// `unique`, `min`, `max`, `groupby`. Strings compare case-insensitively
/// unless `case_sensitive` is true, and sorting is stable, as in Jinja.
extension TemplateFilters {
    /// Sorted by the elements themselves or by `attribute` (several, comma-separated).
    static func sort(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.doSortSignature
            .bind(arguments)
        let getters = AttributeGetter.multiple(bound.optional(2), lowercased: try !bound.flag(1, default: false), state: state)
        // Jinja's keys are lists. A one-element list orders as its element
        // (equal elements without comparing them), which also names it in a `TypeError`.
        let keyed = try iterate(value).map { element in
            let keys = try getters.map { try $0.value(element) }
            return (key: keys.count == 1 ? keys[0] : TemplateValue.list(keys), element: element)
        }
        let sorted = try stableSorted(keyed, reverse: try bound.flag(0, default: false)) {
            try $0.key != $1.key && TemplateValue.isLess($0.key, $1.key)
        }
        return .list(sorted.map(\.element))
    }

    /// A dictionary's `(key, value)` pairs sorted by key, or by value with `by="value"`.
    static func dictsort(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.doDictsortSignature.bind(arguments)
        let by = bound.value(1, default: "key")
        guard by == "key" || by == "value" else { throw argumentError("You can only sort by either \"key\" or \"value\"") }
        if case .undefined(let undefined) = value { throw undefined.error }
        guard case .dictionary(let members) = value else {
            throw PythonErrors.attribute(value, "items")
        }
        let caseSensitive = try bound.flag(0, default: false)
        let sortKey = { (member: (key: TemplateValue, value: TemplateValue)) -> TemplateValue in
            let key = by == "key" ? member.key : member.value
            return caseSensitive ? key : AttributeGetter.lowercasedIfText(key)
        }
        let sorted = try stableSorted(Array(members), reverse: try bound.flag(2, default: false)) {
            try TemplateValue.isLess(sortKey($0), sortKey($1))
        }
        return .list(sorted.map { .tuple([$0.key, $0.value]) })
    }

    /// The elements without repeats, keeping the first of each, compared
    /// by themselves or by `attribute`.
    static func unique(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.syncDoUniqueSignature
            .bind(arguments)
        let getter = AttributeGetter(bound.optional(1), lowercased: try !bound.flag(0, default: false), state: state)
        var seen: Set<TemplateValue> = []
        return .list(try iterate(value).filter { element in
            let key = try getter.value(element)
            switch key {
            case .list, .dictionary: throw TemplateError(.type, "unhashable type: '\(key.typeName)'")
            default: return seen.insert(key).inserted
            }
        })
    }

    static func minimum(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.doMinSignature.bind(arguments)
        return try extreme(value, bound, state) { candidate, best in try TemplateValue.isLess(candidate, best) }
    }

    static func maximum(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.doMaxSignature.bind(arguments)
        return try extreme(value, bound, state) { candidate, best in try TemplateValue.compareOrder(candidate, best, operator: ">") }
    }

    /// Groups of elements with equal `attribute`, sorted by it, each a
    /// ``TemplateGroup`` of the attribute's value and the elements.
    static func groupby(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.syncDoGroupbySignature.bind(arguments)
        let caseSensitive = try bound.flag(2, default: false)
        let key = AttributeGetter(bound[0], default: bound[1], lowercased: !caseSensitive, state: state)
        let keyed = try iterate(value).map { (key: try key.value($0), element: $0) }
        let sorted = try stableSorted(keyed, reverse: false) { try TemplateValue.isLess($0.key, $1.key) }
        var groups: [(key: TemplateValue, elements: [TemplateValue])] = []
        for entry in sorted {
            if let last = groups.last, try TemplateValue.isEqual(last.key, entry.key) {
                groups[groups.count - 1].elements.append(entry.element)
            } else {
                groups.append((entry.key, [entry.element]))
            }
        }
        // Case-insensitive groups show the first element's own spelling, not the lowered key.
        let grouper = AttributeGetter(bound[0], default: bound[1], state: state)
        return .list(try groups.map { group in
            .object(TemplateGroup(grouper: caseSensitive ? group.key : try grouper.value(group.elements[0]), list: group.elements))
        })
    }

    /// Python's `sorted(elements, reverse=…)` with `isLess` as `<`: stable
    /// (also in reverse), and comparing in the order CPython's sort does
    /// for short lists, so that a `TypeError` names the same pair.
    static func stableSorted<Element>(
        _ elements: [Element], reverse: Bool = false, by isLess: (Element, Element) throws -> Bool
    ) rethrows -> [Element] {
        // CPython reverses, sorts stably, and reverses back, so equal elements keep their order.
        var items = reverse ? Array(elements.reversed()) : elements
        guard items.count > 1 else { return items }
        // The run already in order at the start: strictly descending (then flipped) or ascending.
        var run = 2
        if try isLess(items[1], items[0]) {
            while run < items.count, try isLess(items[run], items[run - 1]) { run += 1 }
            items[0..<run].reverse()
        } else {
            while run < items.count, try !isLess(items[run], items[run - 1]) { run += 1 }
        }
        // Binary insertion of the rest, after equal elements to keep it stable.
        for start in run..<items.count {
            let pivot = items[start]
            var low = 0
            var high = start
            while low < high {
                let middle = low + (high - low) / 2
                if try isLess(pivot, items[middle]) { high = middle } else { low = middle + 1 }
            }
            items.remove(at: start)
            items.insert(pivot, at: low)
        }
        return reverse ? Array(items.reversed()) : items
    }

    /// The first element whose key `beats` every other, or undefined for no elements.
    private static func extreme(
        _ value: TemplateValue, _ bound: FilterArguments, _ state: TemplateRenderState,
        beats: (TemplateValue, TemplateValue) throws -> Bool
    ) throws -> TemplateValue {
        let elements = try iterate(value)
        guard var best = elements.first else { return undefined("No aggregated item, sequence was empty.", state) }
        let getter = AttributeGetter(bound.optional(1), lowercased: try !bound.flag(0, default: false), state: state)
        var bestKey = try getter.value(best)
        for element in elements.dropFirst() {
            let key = try getter.value(element)
            if try beats(key, bestKey) {
                best = element
                bestKey = key
            }
        }
        return best
    }
}

/// The Python signatures of the filters above, made once rather than per call.
extension TemplateFilters {
    static let doSortSignature = FilterSignature(
        "do_sort", implicit: ["environment", "value"], ["reverse", "case_sensitive", "attribute"]
    )
    static let doDictsortSignature = FilterSignature(
        "do_dictsort", implicit: ["value"], ["case_sensitive", "by", "reverse"]
    )
    static let syncDoUniqueSignature = FilterSignature(
        "sync_do_unique", implicit: ["environment", "value"], ["case_sensitive", "attribute"]
    )
    static let doMinSignature = FilterSignature(
        "do_min", implicit: ["environment", "value"], ["case_sensitive", "attribute"]
    )
    static let doMaxSignature = FilterSignature(
        "do_max", implicit: ["environment", "value"], ["case_sensitive", "attribute"]
    )
    static let syncDoGroupbySignature = FilterSignature(
        "sync_do_groupby", implicit: ["environment", "value"], ["attribute", "default", "case_sensitive"], required: 1
    )
}
