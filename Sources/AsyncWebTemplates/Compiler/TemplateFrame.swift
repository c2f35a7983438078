/// The variables of one scope of a render: a template's top level, a
/// loop body, a `with` block, a macro call. Scopes chain to the one they
/// were opened in and end at the ``TemplateRenderContext``.
///
/// Scopes hold a handful of names, interned by the compiler, so a linear
/// search comparing integers beats hashing.
// A frame lives inside one render on one task; macros and callers capture it
// only to run later in that same render, hence the unchecked conformance.
final class TemplateFrame: @unchecked Sendable {
    // Only the render's own task touches a frame, so the runtime's exclusivity
    // bookkeeping on every read and write (a third of a loop's time) buys nothing.
    @exclusivity(unchecked) private var entries: [(name: TemplateName, value: TemplateValue)] = []
    @exclusivity(unchecked) private(set) var parent: TemplateFrame?
    let context: TemplateRenderContext
    /// The render's state, kept here to save a hop through the context on every filter and call.
    let state: TemplateRenderState
    /// A block's own scope. Jinja renders a block as a template of its own,
    /// so the scopes around a scoped block stand in for the render's
    /// variables there, not for locals the block's names could start as.
    let isBlockScope: Bool

    /// The top-level scope of a template render.
    init(context: TemplateRenderContext) {
        self.parent = nil
        self.context = context
        self.state = context.state
        isBlockScope = false
    }

    /// A scope inside `parent`, e.g. a loop body; `capacity` is how many
    /// names it will likely hold.
    init(parent: TemplateFrame, capacity: Int = 0) {
        self.parent = parent
        self.context = parent.context
        self.state = parent.state
        isBlockScope = false
        entries.reserveCapacity(capacity)
    }

    /// The scope of a block of `context`, inside `parent` for a scoped
    /// block rendering with its caller's variables.
    init(blockIn parent: TemplateFrame?, context: TemplateRenderContext) {
        self.parent = parent
        self.context = context
        self.state = context.state
        isBlockScope = true
    }

    /// Drops the scope's variables and parent once the render is over,
    /// which breaks the cycle a macro makes (the scope holds the macro,
    /// the macro holds the scope it was defined in).
    func clear() {
        entries.removeAll()
        parent = nil
    }

    /// A scope inside `parent`, reusing a frame an earlier loop or macro
    /// call of this render gave back: loops and macro calls open scopes by
    /// the hundred, and reuse saves allocating them.
    static func scope(in parent: TemplateFrame, capacity: Int) -> TemplateFrame {
        guard let frame = parent.context.spareFrames.popLast() else { return TemplateFrame(parent: parent, capacity: capacity) }
        frame.parent = parent
        return frame
    }

    /// Gives `frame` back for reuse when nothing else holds it; a macro
    /// defined inside the scope keeps it, and then it is simply released.
    static func recycle(_ frame: inout TemplateFrame) {
        // Anything but this reference is a macro or caller defined in the scope.
        guard isKnownUniquelyReferenced(&frame) else { return }
        let context = frame.context
        guard context.spareFrames.count < 32 else { return }
        // `removeAll(keepingCapacity:)` goes through a generic range replacement; popping is cheaper.
        while frame.entries.popLast() != nil {}
        frame.parent = nil
        context.spareFrames.append(frame)
    }

    /// The value of `name`: the innermost scope that has it, then the
    /// render's context and globals, else undefined.
    func resolve(_ name: TemplateName) -> TemplateValue {
        // Each scope keeps its parent alive, so walking the chain needs no retains.
        unowned(unsafe) var frame = self
        while true {
            // Compare ids in place; only the value found is copied out.
            let found = frame.entries.withUnsafeBufferPointer { entries in
                entries.firstIndex { $0.name.id == name.id }.map { entries[$0].value }
            }
            if let found { return found }
            guard let parent = frame.parent else { break }
            frame = parent
        }
        return frame.context.lookup(name) ?? context.state.undefined(.name(name.text))
    }

    /// The value of `name` where an enclosing scope owns it but may not
    /// have set it yet (``TemplateSymbols/startsMissing(_:)``): the innermost
    /// scope that has it, else undefined, never the render's variables.
    func resolveLocal(_ name: TemplateName) -> TemplateValue {
        unowned(unsafe) var frame = self
        while true {
            let found = frame.entries.withUnsafeBufferPointer { entries in
                entries.firstIndex { $0.name.id == name.id }.map { entries[$0].value }
            }
            if let found { return found }
            guard !frame.isBlockScope, let parent = frame.parent else { break }
            frame = parent
        }
        return context.state.undefined(.name(name.text))
    }

    /// How many names the scope binds.
    var count: Int { entries.count }

    /// Drops every name bound after the first `count`, for a loop starting
    /// its next iteration.
    func keepFirst(_ count: Int) {
        while entries.count > count { entries.removeLast() }
    }

    /// Binds `name` in a scope that does not have it yet (a macro's
    /// parameters in a fresh scope), skipping the search `define` does.
    func defineNew(_ name: TemplateName, _ value: TemplateValue) {
        entries.append((name, value))
    }

    /// Binds `name` in this scope, shadowing outer ones.
    func define(_ name: TemplateName, _ value: TemplateValue) {
        if let index = entries.firstIndex(where: { $0.name.id == name.id }) {
            entries[index].value = value
        } else {
            entries.append((name, value))
        }
    }

    /// Replaces the value of `name` where it is bound, for methods such as
    /// `list.append` that change their receiver.
    func update(_ name: TemplateName, _ value: TemplateValue) {
        unowned(unsafe) var frame = self
        while true {
            if let index = frame.entries.firstIndex(where: { $0.name.id == name.id }) {
                frame.entries[index].value = value
                return
            }
            guard let parent = frame.parent else { break }
            frame = parent
        }
        frame.context.update(name.text, value)
    }

    /// Every variable visible from here, innermost winning: what an
    /// included template or a scoped block sees.
    func visibleVariables() -> [String: TemplateValue] {
        var chain: [TemplateFrame] = []
        var frame: TemplateFrame? = self
        while let current = frame {
            chain.append(current)
            frame = current.parent
        }
        var variables = chain.last!.context.variables
        for scope in chain.reversed() {
            for (name, value) in scope.entries { variables[name.text] = value }
        }
        return variables
    }
}
