/// The filters that take sequences apart or put them together: `first`,
/// `last`, `length`, `list`, `items`, `reverse`, `batch`, `slice`, `join`,
/// `sum`, `random`.
extension TemplateFilters {
    static func first(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.syncDoFirstSignature.bind(arguments)
        return try iterate(value).first ?? undefined("No first item, sequence was empty.", state)
    }

    /// The last element; of a ``Markup``, a one-character Markup, as
    /// Python's `reversed` indexes it.
    static func last(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.doLastSignature.bind(arguments)
        switch value {
        case .markup(let markup):
            return markup.html.unicodeScalars.last.map { .markup(Markup(String($0))) }
                ?? undefined("No last item, sequence was empty.", state)
        case .string, .list, .tuple, .dictionary, .undefined, .object:
            return try iterate(value).last ?? undefined("No last item, sequence was empty.", state)
        default:
            throw TemplateError(.type, "'\(typeName(value))' object is not reversible")
        }
    }

    /// A random element, from the system's generator; of a ``Markup``, a
    /// one-character Markup, as Python's `random.choice` indexes it.
    static func random(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.doRandomSignature.bind(arguments)
        let elements: [TemplateValue]
        if case .markup(let markup) = value {
            elements = markup.html.unicodeScalars.map { .markup(Markup(String($0))) }
        } else {
            elements = try iterate(value)
        }
        return elements.randomElement() ?? undefined("No random item, sequence was empty.", state)
    }

    /// `len(value)`, for both `length` and `count`.
    static func length(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        try FilterSignature.bindBuiltin("len", arguments)
        return .int(try value.count())
    }

    /// `list(value)`: a string's characters, a dictionary's keys.
    static func list(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.syncDoListSignature.bind(arguments)
        return .list(try iterate(value))
    }

    /// A dictionary's `(key, value)` pairs; nothing for an undefined value.
    static func items(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.doItemsSignature.bind(arguments)
        switch value {
        case .undefined: return []
        case .dictionary(let members): return .list(members.map { .tuple([$0.key, $0.value]) })
        default: throw TemplateError(.type, "Can only get item pairs from a mapping.")
        }
    }

    /// A string backwards (still ``Markup`` if it was), or the elements in reverse.
    static func reverse(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        _ = try Self.doReverseSignature.bind(arguments)
        if value.stringValue != nil {
            return mapText(value) { String(String.UnicodeScalarView($0.unicodeScalars.reversed())) }
        }
        let elements: [TemplateValue]
        do {
            elements = try value.elements()
        } catch let error as TemplateError where error.kind == .type {
            throw argumentError("argument must be iterable")
        }
        return .list(elements.reversed())
    }

    /// Lists of `linecount` elements, the last one padded with `fill_with` if given.
    static func batch(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.doBatchSignature.bind(arguments)
        let size = bound[0]!
        var batches: [TemplateValue] = []
        var current: [TemplateValue] = []
        for element in try iterate(value) {
            // Jinja compares with `==`, so a size that is not a number makes one batch.
            if TemplateValue.int(current.count) == size {
                batches.append(.list(current))
                current = []
            }
            current.append(element)
        }
        if !current.isEmpty {
            if let fill = bound.optional(1), try TemplateValue.isLess(.int(current.count), size) {
                let missing = try TemplateValue.subtract(size, .int(current.count))
                guard let count = missing.integerValue else {
                    throw TemplateError(.type, "can't multiply sequence by non-int of type '\(typeName(missing))'")
                }
                try TemplateSizeLimit.check(count)
                current += repeatElement(fill, count: count)
            }
            batches.append(.list(current))
        }
        return .list(batches)
    }

    /// `slices` columns of near-equal length, the longer ones first; the
    /// shorter ones padded with `fill_with` if given.
    static func slice(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.syncDoSliceSignature.bind(arguments)
        let elements = try iterate(value)
        let slices = bound[0]!
        let perSlice = try TemplateFilters.index(try TemplateValue.floorDivide(.int(elements.count), slices))
        let withExtra = try TemplateFilters.index(try TemplateValue.modulo(.int(elements.count), slices))
        // One list per slice, even past the elements' count: a count past the limit is Python's MemoryError.
        try TemplateSizeLimit.check(try index(slices))
        var columns: [TemplateValue] = []
        var offset = 0
        for number in 0..<max(try index(slices), 0) {
            let start = offset + number * perSlice
            if number < withExtra { offset += 1 }
            let end = offset + (number + 1) * perSlice
            var column = Array(elements[min(start, elements.count)..<min(max(end, start), elements.count)])
            if let fill = bound.optional(1), number >= withExtra { column.append(fill) }
            columns.append(.list(column))
        }
        return .list(columns)
    }

    /// The elements' text between `d`. With autoescaping, ``Markup`` among
    /// the elements or as the separator makes the result Markup, with the
    /// other elements escaped.
    static func join(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.syncDoJoinSignature.bind(arguments)
        let separator = bound.value(0, default: "")
        var elements = try iterate(value)
        if let attribute = bound.optional(1) {
            let getter = AttributeGetter(attribute, state: state)
            elements = try elements.map(getter.value)
        }
        guard state.autoescape else {
            return .string(try elements.map { try $0.text() }.joined(separator: separator.text()))
        }
        let hasMarkup = elements.contains { if case .markup = $0 { true } else { false } }
        if case .markup = separator {
            return try join(separator, elements)
        }
        if hasMarkup {
            return try join(.markup(escape(try separator.text())), elements)
        }
        return .string(try elements.map { try $0.text() }.joined(separator: separator.text()))
    }

    /// `sum(elements, start)`, optionally of each element's `attribute`.
    static func sum(_ value: TemplateValue, _ arguments: TemplateCallArguments, _ state: TemplateRenderState) throws -> TemplateValue {
        let bound = try Self.syncDoSumSignature.bind(arguments)
        var elements = try iterate(value)
        if let attribute = bound.optional(0) {
            let getter = AttributeGetter(attribute, state: state)
            elements = try elements.map(getter.value)
        }
        let start = bound.value(1, default: 0)
        if start.stringValue != nil { throw TemplateError(.type, "sum() can't sum strings [use ''.join(seq) instead]") }
        return try elements.reduce(start, TemplateValue.add)
    }
}

/// The Python signatures of the filters above, made once rather than per call.
extension TemplateFilters {
    static let syncDoFirstSignature = FilterSignature("sync_do_first", implicit: ["environment", "seq"])
    static let doLastSignature = FilterSignature("do_last", implicit: ["environment", "seq"])
    static let doRandomSignature = FilterSignature("do_random", implicit: ["context", "seq"])
    static let syncDoListSignature = FilterSignature("sync_do_list", implicit: ["value"])
    static let doItemsSignature = FilterSignature("do_items", implicit: ["value"])
    static let doReverseSignature = FilterSignature("do_reverse", implicit: ["value"])
    static let doBatchSignature = FilterSignature(
        "do_batch", implicit: ["value"], ["linecount", "fill_with"], required: 1
    )
    static let syncDoSliceSignature = FilterSignature(
        "sync_do_slice", implicit: ["value"], ["slices", "fill_with"], required: 1
    )
    static let syncDoJoinSignature = FilterSignature(
        "sync_do_join", implicit: ["eval_ctx", "value"], ["d", "attribute"]
    )
    static let syncDoSumSignature = FilterSignature(
        "sync_do_sum", implicit: ["environment", "iterable"], ["attribute", "start"]
    )
}
