/// What `range(…)` returns: Python's range, a lazy sequence of integers
/// that prints as `range(0, 3)`, has a length, can be indexed and iterated.
///
/// Like Jinja's plain environment (not its sandbox), there is no upper
/// limit on the size; iterating materialises the numbers.
final class TemplateRange: TemplateObject {
    let start: Int
    let stop: Int
    let step: Int

    /// `range(stop)`, `range(start, stop)` or `range(start, stop, step)`, checked as Python checks them.
    convenience init(arguments: TemplateCallArguments) throws {
        guard arguments.keyword.isEmpty else { throw TemplateError(.type, "range() takes no keyword arguments") }
        let count = arguments.positional.count
        guard count >= 1 else { throw TemplateError(.type, "range expected at least 1 argument, got 0") }
        guard count <= 3 else { throw TemplateError(.type, "range expected at most 3 arguments, got \(count)") }
        let numbers = try arguments.positional.map { value in
            guard let number = value.integerValue else {
                throw TemplateError(.type, "'\(value.typeName)' object cannot be interpreted as an integer")
            }
            return number
        }
        guard count < 3 || numbers[2] != 0 else { throw TemplateError(.value, "range() arg 3 must not be zero") }
        self.init(start: count == 1 ? 0 : numbers[0], stop: count == 1 ? numbers[0] : numbers[1],
                  step: count == 3 ? numbers[2] : 1)
    }

    init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    /// `len(range)`.
    var count: Int {
        let (lower, upper) = step > 0 ? (start, stop) : (stop, start)
        guard lower < upper else { return 0 }
        let distance = UInt(bitPattern: upper &- lower)
        return Int(clamping: (distance - 1) / step.magnitude + 1)
    }

    func attribute(_ name: String) -> TemplateValue? {
        switch name {
        case "start": .int(start)
        case "stop": .int(stop)
        case "step": .int(step)
        case "index": .callable(TemplateCallable(name: "index") { [self] arguments in
            let value = try arguments.bind("index", ["value"])[0] ?? .none
            guard let position = position(of: value) else { throw TemplateError(.value, "\(value.repr) is not in range") }
            return .int(position)
        })
        case "count": .callable(TemplateCallable(name: "count") { [self] arguments in
            .int(position(of: try arguments.bind("count", ["value"])[0] ?? .none) == nil ? 0 : 1)
        })
        default: nil
        }
    }

    func item(_ key: TemplateValue) -> TemplateValue? {
        guard let index = key.integerValue else { return nil }
        let position = index < 0 ? index + count : index
        guard position >= 0, position < count else { return nil }
        return .int(start &+ position &* step)
    }

    var elements: [TemplateValue]? {
        stride(from: start, to: stop, by: step).map { .int($0) }
    }

    var typeDescription: String { "range object" }

    var printed: String {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }

    /// Where `value`, an integer equal to one of the range's, sits in it.
    private func position(of value: TemplateValue) -> Int? {
        guard let number = value.numericValue, let integer = Int(exactly: number) else { return nil }
        let offset = integer.subtractingReportingOverflow(start)
        guard !offset.overflow, offset.partialValue % step == 0 else { return nil }
        let position = offset.partialValue / step
        return position >= 0 && position < count ? position : nil
    }
}
