internal import Synchronization

/// A variable name as the compiler hands it to scopes: its text and a
/// number unique to that text in the process, so looking a name up in a
/// scope compares integers, not strings.
struct TemplateName: Sendable, Hashable {
    let id: Int
    let text: String

    /// Interns `text`; done while compiling, never per render.
    init(_ text: String) {
        self.text = text
        id = Self.table.withLock { table in
            if let id = table[text] { return id }
            let id = table.count
            table[text] = id
            return id
        }
    }

    static func == (lhs: TemplateName, rhs: TemplateName) -> Bool { lhs.id == rhs.id }

    func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// Every name interned so far; templates use a bounded vocabulary.
    private static let table = Mutex<[String: Int]>([:])

    static let loop = TemplateName("loop")
    static let caller = TemplateName("caller")
    static let varargs = TemplateName("varargs")
    static let kwargs = TemplateName("kwargs")
    static let superBlock = TemplateName("super")
}
