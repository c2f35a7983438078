/// One group from `groupby`: Jinja's `_GroupTuple`, a pair `(grouper, list)`
/// that unpacks, indexes and prints as a tuple and also has the attributes
/// `grouper` and `list`:
///
/// ```
/// {% for group in users|groupby("city") %}{{ group.grouper }}: {{ group.list|length }}{% endfor %}
/// {% for city, members in users|groupby("city") %}…{% endfor %}
/// ```
final class TemplateGroup: TemplateObject {
    let grouper: TemplateValue
    let list: [TemplateValue]

    init(grouper: TemplateValue, list: [TemplateValue]) {
        self.grouper = grouper
        self.list = list
    }

    func attribute(_ name: String) -> TemplateValue? {
        switch name {
        case "grouper": grouper
        case "list": .list(list)
        default: nil
        }
    }

    func item(_ key: TemplateValue) -> TemplateValue? {
        if case .string(let name) = key { return attribute(name) }
        guard let index = key.integerValue, (-2...1).contains(index) else { return nil }
        return index == 0 || index == -2 ? grouper : .list(list)
    }

    var elements: [TemplateValue]? { [grouper, .list(list)] }

    var typeDescription: String { "jinja2.filters._GroupTuple object" }

    var printed: String { TemplateValue.tuple([grouper, .list(list)]).repr }
}
