/// What `range(…)` returns: Python's range, a lazy sequence of integers
/// that prints as `range(0, 3)`, has a length, can be indexed and iterated.
///
/// Like Jinja's plain environment (not its sandbox), there is no upper
/// limit on the size, and `len()`, indexing and `in` cost nothing; iterating
/// materialises the numbers, up to ``TemplateSizeLimit``.
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

    /// How many numbers the range has, which can pass `Int.max` (`range(-2**63, 2**63 - 1)`).
    private var length: UInt {
        let (lower, upper) = step > 0 ? (start, stop) : (stop, start)
        guard lower < upper else { return 0 }
        let distance = UInt(bitPattern: upper &- lower)
        return (distance - 1) / step.magnitude + 1
    }

    /// `len(range)`, which Python refuses past `sys.maxsize` with this OverflowError.
    func count() throws -> Int {
        guard let count = Int(exactly: length) else {
            throw TemplateError(.overflow, "Python int too large to convert to C ssize_t")
        }
        return count
    }

    /// The numbers as an array, for `{% for %}` and filters; a range longer than
    /// ``TemplateSizeLimit`` raises `MemoryError` rather than exhausting memory.
    func materialized() throws -> [TemplateValue] {
        try TemplateSizeLimit.check(Int(exactly: length) ?? .max)
        return stride(from: start, to: stop, by: step).map { .int($0) }
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
        let length = self.length
        guard index >= 0 ? UInt(index) < length : index.magnitude <= length else { return nil }
        let position = index >= 0 ? UInt(index) : length - index.magnitude
        // The number lies between start and stop, so wrapping arithmetic gives it exactly.
        return .int(start &+ Int(bitPattern: position &* UInt(bitPattern: step)))
    }

    /// Nil past ``TemplateSizeLimit``, so no caller builds that array; reading the
    /// range through ``TemplateValue/elements()`` says why.
    var elements: [TemplateValue]? { try? materialized() }

    var typeDescription: String { "range object" }

    var printed: String {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }

    /// `value in range`, worked out rather than searched for, as Python does.
    func contains(_ value: TemplateValue) -> Bool {
        position(of: value) != nil
    }

    /// Where `value`, an integer equal to one of the range's, sits in it.
    private func position(of value: TemplateValue) -> Int? {
        guard let integer = value.integerValue ?? value.numericValue.flatMap({ Int(exactly: $0) }),
            step > 0 ? integer >= start : integer <= start
        else { return nil }
        // The distance from start in the step's direction, which may pass Int.max.
        let distance = step > 0 ? UInt(bitPattern: integer &- start) : UInt(bitPattern: start &- integer)
        guard distance % step.magnitude == 0, distance / step.magnitude < length else { return nil }
        return Int(exactly: distance / step.magnitude)
    }
}
