/// What `dict.keys()`, `dict.values()` and `dict.items()` return: an
/// iterable that prints as Python's views do (`dict_keys(['a', 'b'])`).
///
/// Python's views follow later changes to their dictionary; dictionaries
/// are values here, so a view holds the members as they were when it was made.
final class TemplateDictionaryView: TemplateObject {
    enum Kind: String, Sendable {
        case keys, values, items
    }

    let kind: Kind
    let members: TemplateDictionary

    init(_ kind: Kind, _ members: TemplateDictionary) {
        self.kind = kind
        self.members = members
    }

    func attribute(_ name: String) -> TemplateValue? { nil }

    /// Views are not subscriptable.
    func item(_ key: TemplateValue) -> TemplateValue? { nil }

    var elements: [TemplateValue]? {
        switch kind {
        case .keys: Array(members.keys)
        case .values: Array(members.values)
        case .items: members.map { .tuple([$0.key, $0.value]) }
        }
    }

    var typeDescription: String { "dict_\(kind.rawValue) object" }

    var printed: String {
        "dict_\(kind.rawValue)(" + TemplateValue.list(elements ?? []).repr + ")"
    }
}
