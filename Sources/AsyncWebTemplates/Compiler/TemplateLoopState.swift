/// Jinja's `loop` inside a `{% for %}`: where the iteration is and what is
/// around it. For a recursive loop it is also callable: `loop(children)`
/// renders the loop body over `children` one level deeper.
final class TemplateLoopState: TemplateCallableObject, @unchecked Sendable {
    // Lives in one loop of one render; the loop advances `index0`.
    typealias Recursion = @Sendable (TemplateValue, TemplateRenderState) throws -> TemplateValue

    let items: [TemplateValue]
    let depth: Int
    @exclusivity(unchecked) var index0 = 0
    private let recursion: Recursion?
    private let undefinedIsStrict: Bool
    /// The values last passed to `loop.changed(…)`.
    private var lastChanged: [TemplateValue]?

    init(items: [TemplateValue], depth: Int, recursion: Recursion?, undefinedIsStrict: Bool) {
        self.items = items
        self.depth = depth
        self.recursion = recursion
        self.undefinedIsStrict = undefinedIsStrict
    }

    func attribute(_ name: String) -> TemplateValue? {
        let length = items.count
        switch name {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "revindex": return .int(length - index0)
        case "revindex0": return .int(length - index0 - 1)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == length - 1)
        case "length": return .int(length)
        case "depth": return .int(depth)
        case "depth0": return .int(depth - 1)
        case "previtem":
            return index0 > 0 ? items[index0 - 1] : missing("there is no previous item")
        case "nextitem":
            return index0 + 1 < length ? items[index0 + 1] : missing("there is no next item")
        case "cycle", "changed":
            return .callable(TemplateCallable(name: name) { [self] arguments in try callMethod(name, arguments)! })
        default: return nil
        }
    }

    /// `loop.cycle(…)` and `loop.changed(…)`; nil for other names.
    func callMethod(_ name: String, _ arguments: TemplateCallArguments) throws -> TemplateValue? {
        switch name {
        case "cycle":
            guard !arguments.positional.isEmpty else { throw TemplateError(.type, "no items for cycling given") }
            return arguments.positional[index0 % arguments.positional.count]
        case "changed":
            return .bool(changed(arguments.positional))
        default:
            return nil
        }
    }

    private func missing(_ hint: String) -> TemplateValue {
        .undefined(TemplateUndefined(.hint(hint), isStrict: undefinedIsStrict))
    }

    private func changed(_ values: [TemplateValue]) -> Bool {
        guard values != lastChanged else { return false }
        lastChanged = values
        return true
    }

    func call(_ arguments: TemplateCallArguments, state: TemplateRenderState) throws -> TemplateValue {
        guard let recursion else {
            throw TemplateError(.type, "The loop must have the 'recursive' marker to be called recursively.")
        }
        guard let children = arguments.positional.first else { throw TemplateError(.type, "loop() takes 1 argument") }
        return try recursion(children, state)
    }

    var typeDescription: String { "LoopContext object" }
    var printed: String { "<LoopContext \(index0 + 1)/\(items.count)>" }
}
