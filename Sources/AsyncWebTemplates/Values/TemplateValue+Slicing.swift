/// Python's `sequence[start:stop:step]` for lists, tuples and strings
/// (by code point), with negative indices and steps.
extension TemplateValue {
    func sliced(start: TemplateValue?, stop: TemplateValue?, step: TemplateValue?) throws -> TemplateValue {
        let stepValue = try Self.sliceIndex(step) ?? 1
        guard stepValue != 0 else { throw TemplateError(.value, "slice step cannot be zero") }
        func positions(count: Int) throws -> [Int] {
            let start = try Self.sliceIndex(start)
            let stop = try Self.sliceIndex(stop)
            func clamp(_ index: Int, lower: Int, upper: Int) -> Int {
                let resolved = index < 0 ? index + count : index
                return Swift.min(Swift.max(resolved, lower), upper)
            }
            if stepValue > 0 {
                let from = start.map { clamp($0, lower: 0, upper: count) } ?? 0
                let to = stop.map { clamp($0, lower: 0, upper: count) } ?? count
                return from < to ? Array(stride(from: from, to: to, by: stepValue)) : []
            }
            let from = start.map { clamp($0, lower: -1, upper: count - 1) } ?? count - 1
            let to = stop.map { clamp($0, lower: -1, upper: count - 1) } ?? -1
            return from > to ? Array(stride(from: from, to: to, by: stepValue)) : []
        }
        switch self {
        case .list(let elements): return .list(try positions(count: elements.count).map { elements[$0] })
        case .tuple(let elements): return .tuple(try positions(count: elements.count).map { elements[$0] })
        case .string(let text):
            let scalars = Array(text.unicodeScalars)
            return .string(String(String.UnicodeScalarView(try positions(count: scalars.count).map { scalars[$0] })))
        case .markup(let markup):
            let scalars = Array(markup.html.unicodeScalars)
            return .markup(Markup(String(String.UnicodeScalarView(try positions(count: scalars.count).map { scalars[$0] }))))
        case .undefined(let undefined): throw undefined.error
        default:
            if case .object = self {
                let elements = try elements()
                return .list(try positions(count: elements.count).map { elements[$0] })
            }
            throw TemplateError(.type, "'\(typeName)' object is not subscriptable")
        }
    }

    private static func sliceIndex(_ value: TemplateValue?) throws -> Int? {
        guard let value else { return nil }
        if case .none = value { return nil }
        guard let index = value.integerValue else {
            throw TemplateError(.type, "slice indices must be integers or None or have an __index__ method")
        }
        return index
    }
}
