/// The compiled form of a map's rules: a trie with one level per path
/// segment, so matching costs the path's depth, not the number of rules.
/// Werkzeug's `StateMachineMatcher`, state for state.
///
/// At each level, a segment is first looked up among the literal children
/// (a dictionary), then tried against the placeholder segments in weight
/// order; a pattern with `path` takes all the remaining segments at once.
/// The search is depth-first and backtracks, so `/user/new` wins over
/// `/user/<name>` yet `/user/new/edit` can still reach `/user/<name>/edit`.
///
/// ```swift
/// var matcher = RouteMatcher()
/// matcher.insert(rule)
/// var search = RouteSearch(method: .get)
/// let found = try matcher.find(in: "/user/ada", search: &search)
/// ```
struct RouteMatcher: Sendable {
    /// Every node, the root first; nodes refer to their children by index,
    /// so a lookup hands back a number rather than a copy of a subtree.
    private var nodes = [Node()]

    mutating func insert(_ rule: Rule) {
        var current = 0
        for part in rule.parts {
            switch part {
            case .literal(let segment):
                if let child = nodes[current].literalChild(segment) {
                    current = child
                } else {
                    nodes.append(Node())
                    nodes[current].addLiteralChild(segment, node: nodes.count - 1)
                    current = nodes.count - 1
                }
            case .pattern(let pattern):
                if let edge = nodes[current].patternEdges.first(where: { $0.pattern.hasSameShape(as: pattern) }) {
                    current = edge.node
                } else {
                    nodes.append(Node())
                    let edges = nodes[current].patternEdges
                    // Stable by weight: after every edge that weighs as much or less.
                    let position = edges.firstIndex { pattern.weight < $0.pattern.weight } ?? edges.endIndex
                    nodes[current].patternEdges.insert(PatternEdge(pattern: pattern, node: nodes.count - 1), at: position)
                    current = nodes.count - 1
                }
            }
        }
        nodes[current].rules.append(rule)
    }

    /// The first rule, in Werkzeug's order, whose parts match `path` and
    /// which answers the search's method; throws when only the same path
    /// with a trailing slash would match such a strict-slashes rule.
    func find(in path: Substring, search: inout RouteSearch) throws(SlashRequired) -> Rule? {
        try find(from: 0, restStart: path.startIndex, in: path, search: &search)
    }

    /// The segments left are `path[restStart...]` cut at each `/`, as
    /// Python's `split("/")` would: an empty rest is one empty segment, and
    /// a nil start means no segment is left.
    private func find(
        from node: Int, restStart: Substring.Index?, in path: Substring, search: inout RouteSearch
    ) throws(SlashRequired) -> Rule? {
        guard let restStart else {
            return try ruleForEndOfPath(at: node, search: &search)
        }
        // Cutting at a `/` byte is exact: it always starts a scalar.
        let slash = path[restStart...].firstIndex(ofUTF8: UInt8(ascii: "/"))
        let segment = path[restStart..<(slash ?? path.endIndex)]
        let nextStart = slash.map(path.utf8.index(after:))
        if let child = nodes[node].literalChild(LiteralSegment(probing: segment)),
            let rule = try find(from: child, restStart: nextStart, in: path, search: &search)
        {
            return rule
        }
        for edge in nodes[node].patternEdges {
            if search.captures.capacity == 0 { search.captures.reserveCapacity(4) }
            let capturesBefore = search.captures.count
            let spansSegments = edge.pattern.spansSegments
            var remainingStart = spansSegments ? nil : nextStart
            switch edge.pattern.match(spansSegments ? path[restStart...] : segment, captures: &search.captures) {
            case .noMatch:
                continue
            case .matched:
                break
            case .matchedWithTrailingSlash:
                remainingStart = path.endIndex
            }
            if let rule = try find(from: edge.node, restStart: remainingStart, in: path, search: &search) {
                return rule
            }
            search.captures.removeSubrange(capturesBefore...)
        }
        // A last empty segment is a trailing slash, which rules without
        // strict slashes accept in its absence.
        if slash == nil, segment.isEmpty {
            for rule in nodes[node].rules where !rule.strictSlashes {
                if rule.answers(search.method) { return rule }
                search.allowedMethods.formUnion(rule.methods)
            }
        }
        return nil
    }

    private func ruleForEndOfPath(at node: Int, search: inout RouteSearch) throws(SlashRequired) -> Rule? {
        for rule in nodes[node].rules {
            if rule.answers(search.method) { return rule }
            search.allowedMethods.formUnion(rule.methods)
        }
        // A rule one empty segment further down ends with `/`.
        if let slashChild = nodes[node].literalChild(LiteralSegment.empty) {
            for rule in nodes[slashChild].rules where rule.answers(search.method) {
                if rule.strictSlashes { throw SlashRequired() }
                return rule
            }
        }
        return nil
    }
}

/// What a search gathers on its way: the text of each placeholder along the
/// current branch, and every method of the rules whose path matched but
/// whose methods did not, for a 405's `Allow`.
struct RouteSearch {
    let method: HTTPMethod
    var captures: [Substring] = []
    var allowedMethods: Set<HTTPMethod> = []

    init(method: HTTPMethod) {
        self.method = method
    }
}

/// The path would match if it ended with `/`: Werkzeug's `SlashRequired`.
struct SlashRequired: Error {}

private struct Node: Sendable {
    /// Kept sorted by weight; equal weights keep their registration order.
    var patternEdges: [PatternEdge] = []
    var rules: [Rule] = []
    private var literalChildren: [LiteralSegment: Int] = [:]
    /// The same children while they are few, when comparing a handful of
    /// short strings is cheaper than hashing one.
    private var fewLiteralChildren: [(segment: LiteralSegment, node: Int)] = []

    func literalChild(_ segment: LiteralSegment) -> Int? {
        guard literalChildren.count > Self.fewChildren else {
            return fewLiteralChildren.first { $0.segment == segment }?.node
        }
        return literalChildren[segment]
    }

    mutating func addLiteralChild(_ segment: LiteralSegment, node: Int) {
        literalChildren[segment] = node
        if literalChildren.count <= Self.fewChildren {
            fewLiteralChildren.append((segment, node))
        } else {
            fewLiteralChildren = []
        }
    }

    private static let fewChildren = 4
}

private struct PatternEdge: Sendable {
    let pattern: SegmentPattern
    let node: Int
}
