/// An app's URL rules as `flask routes` prints them: one row a rule with its endpoint, its
/// methods and its pattern, under a header and a line of dashes, each column as wide as its
/// longest cell.
///
/// ```
/// Endpoint     Methods    Rule
/// -----------  ---------  -----------------------
/// hello_world  GET        /
/// login        GET, POST  /login
/// static       GET        /static/<path:filename>
/// ```
/// Every cell is padded to its column's width, the last one too, so the text equals Flask's
/// byte for byte (`Quickstart routes` and `asyncweb routes` print it). Widths count Unicode
/// scalars and sorting compares them, as Python counts and compares a `str`'s code points.
struct RouteTable {
    /// The order of the rows, `flask routes --sort`'s choices.
    enum Order: String, CaseIterable {
        /// By endpoint name (the default).
        case endpoint
        /// By the methods as printed, e.g. `GET` before `GET, POST` before `POST`.
        case methods
        /// By the rule's pattern.
        case rule
        /// The order the rules were registered in. Flask calls it the order it matches them
        /// in: its `url_map` lists rules as they were added.
        case match
    }

    /// What Flask says when there is no rule to list.
    static let noRoutes = "No routes were registered."

    /// The rows under the header: endpoint, methods, rule.
    let rows: [[String]]

    /// The table of `rules`, in the order given (the order they were added), sorted by `order`.
    ///
    /// - Parameter allMethods: Whether to list HEAD and OPTIONS, which every GET rule and
    ///   (by default) every rule answers, and which Flask hides unless asked.
    init(rules: [Rule], order: Order = .endpoint, allMethods: Bool = false) {
        let hidden: Set<HTTPMethod> = allMethods ? [] : [.head, .options]
        let unsorted = rules.map { rule in
            let methods = rule.methods.subtracting(hidden).map(\.rawValue).sorted(by: Self.precedes)
            return [rule.endpoint, methods.joined(separator: ", "), rule.pattern]
        }
        let column: Int? =
            switch order {
            case .endpoint: 0
            case .methods: 1
            case .rule: 2
            case .match: nil
            }
        guard let column else {
            rows = unsorted
            return
        }
        // Python's sort is stable: rows with equal keys keep their registration order.
        rows = unsorted.enumerated()
            .sorted { left, right in
                let (leftKey, rightKey) = (left.element[column], right.element[column])
                if Self.precedes(leftKey, rightKey) { return true }
                if Self.precedes(rightKey, leftKey) { return false }
                return left.offset < right.offset
            }
            .map(\.element)
    }

    /// The table as printed, each line ending in a newline; Flask's one-line message when
    /// there are no rules.
    var text: String {
        guard !rows.isEmpty else { return Self.noRoutes + "\n" }
        let header = ["Endpoint", "Methods", "Rule"]
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].unicodeScalars.count }.max() ?? 0
        }
        let dashes = widths.map { String(repeating: "-", count: $0) }
        return ([header, dashes] + rows).map { row in
            zip(row, widths).map { cell, width in
                cell + String(repeating: " ", count: width - cell.unicodeScalars.count)
            }.joined(separator: "  ") + "\n"
        }.joined()
    }

    /// Python's string order: by code point, which no locale or normalization changes.
    private static func precedes(_ left: String, _ right: String) -> Bool {
        left.unicodeScalars.lexicographicallyPrecedes(right.unicodeScalars)
    }
}
